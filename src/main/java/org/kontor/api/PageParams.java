package org.kontor.api;

import jakarta.servlet.http.HttpServletRequest;
import org.kontor.common.BadRequest;

/**
 * Zendesk's two pagination styles, read from the request: offset ({@code page}, {@code per_page}) unless
 * {@code page[size]} is present, which selects cursor pagination ({@code page[after]}, {@code page[before]}).
 */
public record PageParams(boolean cursor, int page, int perPage, String after, String before) {
    static final int MAX_PER_PAGE = 100;
    /** Zendesk refuses offset pagination beyond 10,000 records. */
    static final int MAX_OFFSET_RECORDS = 10_000;

    public static PageParams from(HttpServletRequest request) {
        String size = request.getParameter("page[size]");
        if (size != null) {
            int n = parsePositive(size, "page[size]");
            return new PageParams(true, 1, Math.min(n, MAX_PER_PAGE),
                    blankToNull(request.getParameter("page[after]")), blankToNull(request.getParameter("page[before]")));
        }
        String pageParam = request.getParameter("page");
        int page = pageParam == null ? 1 : parsePositive(pageParam, "page");
        String perPageParam = request.getParameter("per_page");
        int perPage = perPageParam == null ? MAX_PER_PAGE : Math.min(parsePositive(perPageParam, "per_page"), MAX_PER_PAGE);
        if ((long) (page - 1) * perPage >= MAX_OFFSET_RECORDS) {
            throw new BadRequest("Offset pagination is limited to the first " + MAX_OFFSET_RECORDS
                    + " records; use cursor pagination (page[size]) to go further");
        }
        return new PageParams(false, page, perPage, null, null);
    }

    /** Search endpoints page by offset only (as Zendesk's do): a cursor request starts at the first page. */
    public static PageParams offsetFrom(HttpServletRequest request) {
        PageParams params = from(request);
        return params.cursor() ? new PageParams(false, 1, params.perPage(), null, null) : params;
    }

    private static int parsePositive(String value, String name) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new BadRequest(name + " must be a positive number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a positive number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
