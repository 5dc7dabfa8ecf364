package org.kontor.report;

import java.util.List;
import org.kontor.report.Reports.Bucket;
import org.kontor.report.Reports.CustomerReport;
import org.kontor.report.Reports.WorkReport;
import org.kontor.report.Reports.WorkRow;

/** The reports as CSV (RFC 4180); cells that a spreadsheet would run as a formula are prefixed with '. */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String customer(CustomerReport r) {
        StringBuilder sb = new StringBuilder("period,tickets_created,created_public,created_private,tickets_solved,public_replies,internal_notes\r\n");
        for (Bucket b : r.series()) {
            row(sb, List.of(b.period().toString(), b.created(), b.createdPublic(), b.createdPrivate(), b.solved(), b.publicReplies(), b.internalNotes()));
        }
        row(sb, List.of("total", r.created(), r.createdPublic(), r.createdPrivate(), r.solved(), r.publicReplies(), r.internalNotes()));
        return sb.toString();
    }

    public static String work(WorkReport r) {
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

    public static String cell(Object value) {
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
