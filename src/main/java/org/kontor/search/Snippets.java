package org.kontor.search;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Highlighted snippets as safe HTML: the engine marks matches with control characters, the text is escaped,
 * then the marks become {@code <em>}. Only fields the caller chose are highlighted, never internal notes for end users.
 */
public final class Snippets {
    private Snippets() {
    }

    static String html(List<String> preferred, List<String> fallback) {
        String raw = !preferred.isEmpty() ? preferred.get(0) : !fallback.isEmpty() ? fallback.get(0) : null;
        if (raw == null) {
            return null;
        }
        return HtmlUtils.htmlEscape(raw.strip())
                .replace(SearchService.HIGHLIGHT_OPEN, "<em>").replace(SearchService.HIGHLIGHT_CLOSE, "</em>");
    }
}
