package org.kontor.report.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.report.ReportRange;
import org.kontor.report.ReportService;
import org.kontor.report.ReportService.CustomerScope;
import org.kontor.report.Reports.Bucket;
import org.kontor.report.Reports.CustomerReport;
import org.kontor.report.Reports.Durations;
import org.kontor.report.Reports.WorkReport;
import org.kontor.report.Reports.WorkRow;
import org.kontor.security.KontorUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kontor's reports API (agents and admins): {@code GET /api/v2/kontor/reports/organizations/{id}},
 * {@code .../requesters/{id}}, {@code .../agents}, {@code .../groups}, with {@code from}, {@code to}
 * (YYYY-MM-DD, UTC days, both included) and {@code interval=day|week}. JSON by default; CSV with a {@code .csv}
 * suffix or {@code Accept: text/csv}.
 */
@RestController
class ReportsController {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ReportService reports;

    ReportsController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping({"/api/v2/kontor/reports/organizations/{id}", "/api/v2/kontor/reports/organizations/{id}.csv"})
    ResponseEntity<?> organization(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String interval,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                   jakarta.servlet.http.HttpServletRequest request) {
        CustomerReport r = reports.customer(CustomerScope.ORGANIZATION, id, ReportRange.of(from, to, interval), me.actor());
        return answer(request, accept, () -> ReportJson.customer(r), () -> ReportCsv.customer(r), "organization-" + id, r.range());
    }

    @GetMapping({"/api/v2/kontor/reports/requesters/{id}", "/api/v2/kontor/reports/requesters/{id}.csv"})
    ResponseEntity<?> requester(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String interval,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                jakarta.servlet.http.HttpServletRequest request) {
        CustomerReport r = reports.customer(CustomerScope.REQUESTER, id, ReportRange.of(from, to, interval), me.actor());
        return answer(request, accept, () -> ReportJson.customer(r), () -> ReportCsv.customer(r), "requester-" + id, r.range());
    }

    @GetMapping({"/api/v2/kontor/reports/agents", "/api/v2/kontor/reports/agents.csv"})
    ResponseEntity<?> agents(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             jakarta.servlet.http.HttpServletRequest request) {
        WorkReport r = reports.agents(ReportRange.of(from, to, null), me.actor());
        return answer(request, accept, () -> ReportJson.work(r), () -> ReportCsv.work(r), "agents", r.range());
    }

    @GetMapping({"/api/v2/kontor/reports/groups", "/api/v2/kontor/reports/groups.csv"})
    ResponseEntity<?> groups(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             jakarta.servlet.http.HttpServletRequest request) {
        WorkReport r = reports.groups(ReportRange.of(from, to, null), me.actor());
        return answer(request, accept, () -> ReportJson.work(r), () -> ReportCsv.work(r), "groups", r.range());
    }

    private static ResponseEntity<?> answer(jakarta.servlet.http.HttpServletRequest request, String accept,
                                            java.util.function.Supplier<Map<String, Object>> json,
                                            java.util.function.Supplier<String> csv, String name, ReportRange range) {
        boolean wantsCsv = request.getRequestURI().endsWith(".csv")
                || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv"));
        if (!wantsCsv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.get());
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kontor-report-" + name + "-" + range.from() + "-" + range.to() + ".csv\"")
                .body(csv.get());
    }

    /** The reports as JSON, snake_case like the rest of the API. */
    static final class ReportJson {
        private ReportJson() {
        }

        static Map<String, Object> customer(CustomerReport r) {
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

        static Map<String, Object> work(WorkReport r) {
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

    /** The reports as CSV (RFC 4180); cells that a spreadsheet would run as a formula are prefixed with '. */
    static final class ReportCsv {
        private ReportCsv() {
        }

        static String customer(CustomerReport r) {
            StringBuilder sb = new StringBuilder("period,tickets_created,created_public,created_private,tickets_solved,public_replies,internal_notes\r\n");
            for (Bucket b : r.series()) {
                row(sb, List.of(b.period().toString(), b.created(), b.createdPublic(), b.createdPrivate(), b.solved(), b.publicReplies(), b.internalNotes()));
            }
            row(sb, List.of("total", r.created(), r.createdPublic(), r.createdPrivate(), r.solved(), r.publicReplies(), r.internalNotes()));
            return sb.toString();
        }

        static String work(WorkReport r) {
            StringBuilder sb = new StringBuilder(r.scope().equals("agents") ? "agent_id" : "group_id")
                    .append(",name,tickets_solved,public_replies,internal_notes\r\n");
            for (WorkRow w : r.rows()) {
                row(sb, List.of(w.id(), w.name(), w.solved(), w.publicReplies(), w.internalNotes()));
            }
            return sb.toString();
        }

        private static void row(StringBuilder sb, List<Object> cells) {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(cell(cells.get(i)));
            }
            sb.append("\r\n");
        }

        static String cell(Object value) {
            String s = value == null ? "" : value.toString();
            if (value instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            return s;
        }
    }
}
