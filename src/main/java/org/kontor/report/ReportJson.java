package org.kontor.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.report.Reports.Bucket;
import org.kontor.report.Reports.CustomerReport;
import org.kontor.report.Reports.Durations;
import org.kontor.report.Reports.WorkReport;

/** The reports as JSON, snake_case like the rest of the API. */
public final class ReportJson {
    private ReportJson() {
    }

    public static Map<String, Object> customer(CustomerReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", r.scope());
        m.put(r.scope() + "_id", r.id());
        m.put("name", r.name());
        range(m, r.range());
        Map<String, Object> tickets = new LinkedHashMap<>();
        tickets.put("created", r.created());
        tickets.put("public", r.createdPublic());
        tickets.put("private", r.createdPrivate());
        tickets.put("solved", r.solved());
        tickets.put("by_status", r.byStatus());
        m.put("tickets", tickets);
        m.put("agent_comments", Map.of("public_replies", r.publicReplies(), "internal_notes", r.internalNotes()));
        m.put("first_reply_time", durations(r.firstReply()));
        m.put("resolution_time", durations(r.resolution()));
        m.put("series", r.series().stream().map(ReportJson::bucket).toList());
        return Envelope.of("report", m);
    }

    public static Map<String, Object> work(WorkReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", r.scope());
        range(m, r.range());
        String idKey = r.scope().equals("agents") ? "agent_id" : "group_id";
        m.put("rows", r.rows().stream().map(row -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put(idKey, row.id());
            x.put("name", row.name());
            x.put("tickets_solved", row.solved());
            x.put("public_replies", row.publicReplies());
            x.put("internal_notes", row.internalNotes());
            return x;
        }).toList());
        return Envelope.of("report", m);
    }

    private static void range(Map<String, Object> m, ReportRange range) {
        m.put("from", range.from().toString());
        m.put("to", range.to().toString());
        m.put("interval", range.interval().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Map<String, Object> durations(Durations d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", d.count());
        m.put("median_minutes", d.medianMinutes());
        m.put("p90_minutes", d.p90Minutes());
        return m;
    }

    private static Map<String, Object> bucket(Bucket b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", b.period().toString());
        m.put("created", b.created());
        m.put("created_public", b.createdPublic());
        m.put("created_private", b.createdPrivate());
        m.put("solved", b.solved());
        m.put("public_replies", b.publicReplies());
        m.put("internal_notes", b.internalNotes());
        return m;
    }
}

