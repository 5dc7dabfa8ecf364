package org.kontor.report.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The chart's series names from the message bundle, as JSON for the reports page. */
@Component
class ChartLabels {
    private final MessageSource messages;
    private final ObjectMapper json;

    ChartLabels(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String json() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("created", text("ops.reports.created"));
        m.put("solved", text("ops.reports.solved"));
        m.put("tickets_solved", text("ops.reports.solved"));
        m.put("public_replies", text("ops.reports.publicReplies"));
        m.put("internal_notes", text("ops.reports.internalNotes"));
        return json.writeValueAsString(m).replace("<", "\\u003c");
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
