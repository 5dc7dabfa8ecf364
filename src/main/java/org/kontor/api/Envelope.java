package org.kontor.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Builds Zendesk response envelopes: singular and plural roots, pagination fields and absolute URLs. */
public final class Envelope {
    private Envelope() {
    }

    public static Map<String, Object> of(String root, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(root, value);
        return body;
    }

    /** A list under its plural root plus the pagination fields of the style the client asked for. */
    public static Map<String, Object> page(String root, Paging.Result<?> result, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(root, result.items());
        PageParams p = result.params();
        if (p.cursor()) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("has_more", result.hasMore());
            meta.put("after_cursor", result.afterCursor());
            meta.put("before_cursor", result.beforeCursor());
            body.put("meta", meta);
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("prev", result.hasPrevious() ? link(request, Map.of("page[size]", p.perPage(), "page[before]", result.beforeCursor())) : null);
            links.put("next", result.hasMore() ? link(request, Map.of("page[size]", p.perPage(), "page[after]", result.afterCursor())) : null);
            body.put("links", links);
        } else {
            body.put("next_page", result.hasMore() ? link(request, Map.of("page", p.page() + 1, "per_page", p.perPage())) : null);
            body.put("previous_page", p.page() > 1 ? link(request, Map.of("page", p.page() - 1, "per_page", p.perPage())) : null);
            body.put("count", result.totalCount());
        }
        return body;
    }

    /** A plain list without pagination (show_many, autocomplete of a bounded size). */
    public static Map<String, Object> list(String root, List<?> items) {
        return of(root, items);
    }

    /** A whole collection as Zendesk's one and only page: {@code count} and no next or previous page. */
    public static Map<String, Object> onePage(String root, List<?> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(root, items);
        body.put("next_page", null);
        body.put("previous_page", null);
        body.put("count", items.size());
        return body;
    }

    private static final List<String> PAGING_PARAMS = List.of("page", "per_page", "page[size]", "page[after]", "page[before]");

    /** The current request's URL with other paging parameters, from the host the client used. */
    static String link(HttpServletRequest request, Map<String, Object> paging) {
        UriComponentsBuilder b = ServletUriComponentsBuilder.fromCurrentContextPath().path(apiPath(request));
        request.getParameterMap().forEach((name, values) -> {
            if (!PAGING_PARAMS.contains(name)) {
                b.queryParam(name, (Object[]) values);
            }
        });
        // Fixed order keeps links stable for clients that compare them.
        for (String name : PAGING_PARAMS) {
            if (paging.containsKey(name)) {
                b.queryParam(name, paging.get(name));
            }
        }
        return b.encode().build().toUriString();
    }

    private static String apiPath(HttpServletRequest request) {
        Object original = request.getAttribute(JsonSuffixFilter.ORIGINAL_PATH);
        String path = original != null ? original.toString() : request.getRequestURI();
        String context = request.getContextPath();
        return path.startsWith(context) ? path.substring(context.length()) : path;
    }

    /** An absolute URL to an API resource, e.g. {@code tickets/12.json}. */
    public static String url(String relative) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/" + relative).build().toUriString();
    }

    /** Zendesk timestamps: ISO-8601 UTC to the second. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
