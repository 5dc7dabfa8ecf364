package org.kontor.api;

import jakarta.persistence.criteria.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kontor.common.BadRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Runs a list query in either pagination style. Cursor pages use keyset pagination on (sort value, id),
 * so they stay fast and stable however deep a client pages.
 */
public final class Paging {
    private Paging() {
    }

    /** A sortable attribute: its name in JSON ({@code updated_at}) and on the entity ({@code updatedAt}). */
    public record SortKey(String wireName, String attribute, boolean temporal) {
        public static final SortKey ID = new SortKey("id", "id", false);
        public static final SortKey CREATED_AT = new SortKey("created_at", "createdAt", true);
        public static final SortKey UPDATED_AT = new SortKey("updated_at", "updatedAt", true);
    }

    public record Ordering(SortKey key, boolean ascending) {
        Sort toSort() {
            Sort.Direction d = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
            return key.attribute().equals("id") ? Sort.by(d, "id") : Sort.by(d, key.attribute()).and(Sort.by(d, "id"));
        }
    }

    /** One page of results with what the response envelope needs. */
    public record Result<T>(List<T> items, PageParams params, Long totalCount, boolean hasMore, boolean hasPrevious,
                            String afterCursor, String beforeCursor) {
        public <R> Result<R> map(Function<T, R> f) {
            return new Result<>(items.stream().map(f).toList(), params, totalCount, hasMore, hasPrevious, afterCursor, beforeCursor);
        }
    }

    /**
     * Picks the ordering from {@code sort} (cursor style, {@code -updated_at}) or {@code sort_by} +
     * {@code sort_order} (offset style), limited to the given keys.
     */
    public static Ordering ordering(Map<String, String[]> params, Ordering fallback, List<SortKey> allowed) {
        String sort = first(params, "sort");
        String sortBy = first(params, "sort_by");
        String order = first(params, "sort_order");
        String name = null;
        Boolean ascending = null;
        if (sort != null && !sort.isBlank()) {
            name = sort.startsWith("-") ? sort.substring(1) : sort;
            ascending = !sort.startsWith("-");
        } else if (sortBy != null && !sortBy.isBlank()) {
            name = sortBy;
        }
        if (order != null && !order.isBlank()) {
            if (!order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
                throw new BadRequest("sort_order must be asc or desc");
            }
            ascending = order.equalsIgnoreCase("asc");
        }
        SortKey key = fallback.key();
        if (name != null) {
            String wanted = name;
            key = allowed.stream().filter(k -> k.wireName().equals(wanted)).findFirst()
                    .orElseThrow(() -> new BadRequest("Cannot sort by " + wanted));
        }
        return new Ordering(key, ascending != null ? ascending : (name == null ? fallback.ascending() : key == SortKey.ID));
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    public static <T> Result<T> fetch(JpaSpecificationExecutor<T> repository, Specification<T> spec,
                                      PageParams params, Ordering ordering) {
        if (!params.cursor()) {
            Page<T> page = repository.findAll(spec, PageRequest.of(params.page() - 1, params.perPage(), ordering.toSort()));
            return new Result<>(page.getContent(), params, page.getTotalElements(), page.hasNext(), page.hasPrevious(), null, null);
        }
        boolean backward = params.before() != null;
        Cursor cursor = backward ? Cursor.decode(params.before(), ordering.key()) : params.after() == null ? null
                : Cursor.decode(params.after(), ordering.key());
        // Walking backwards means reading in the reverse order from the cursor, then flipping the page.
        boolean readAscending = ordering.ascending() != backward;
        Specification<T> keyset = cursor == null ? spec : spec.and(cursor.beyond(readAscending));
        Ordering readOrder = new Ordering(ordering.key(), readAscending);
        List<T> rows = new ArrayList<>(repository.findBy(keyset,
                q -> q.sortBy(readOrder.toSort()).limit(params.perPage() + 1).all()));
        boolean more = rows.size() > params.perPage();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backward) {
            Collections.reverse(rows);
        }
        boolean hasMore = backward || more;
        boolean hasPrevious = backward ? more : cursor != null;
        String afterCursor = rows.isEmpty() ? null : Cursor.of(rows.get(rows.size() - 1), ordering.key()).encode();
        String beforeCursor = rows.isEmpty() ? null : Cursor.of(rows.get(0), ordering.key()).encode();
        return new Result<>(rows, params, null, hasMore && !rows.isEmpty(), hasPrevious && !rows.isEmpty(),
                afterCursor, beforeCursor);
    }

    /** The position of one row: its sort value and id, encoded opaquely. */
    record Cursor(SortKey key, Object value, long id) {
        static Cursor of(Object entity, SortKey key) {
            try {
                long id = ((Number) read(entity, "id")).longValue();
                return new Cursor(key, key.attribute().equals("id") ? (Object) id : read(entity, key.attribute()), id);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object read(Object entity, String attribute) throws ReflectiveOperationException {
            String getter = "get" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
            return entity.getClass().getMethod(getter).invoke(entity);
        }

        String encode() {
            String v = value instanceof Instant i ? Long.toString(i.getEpochSecond()) + "." + i.getNano() : value.toString();
            String raw = key.wireName() + ":" + v + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, SortKey key) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = raw.split(":");
                if (parts.length != 3 || !parts[0].equals(key.wireName())) {
                    throw new BadRequest("Invalid cursor for this sort order");
                }
                long id = Long.parseLong(parts[2]);
                Object value;
                if (key.temporal()) {
                    String[] t = parts[1].split("\\.");
                    value = Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1]));
                } else {
                    value = Long.parseLong(parts[1]);
                }
                return new Cursor(key, value, id);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new BadRequest("Invalid cursor");
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        <T> Specification<T> beyond(boolean ascending) {
            return (root, query, cb) -> {
                Path<Long> idPath = root.get("id");
                if (key.attribute().equals("id")) {
                    return ascending ? cb.greaterThan(idPath, id) : cb.lessThan(idPath, id);
                }
                Path<Comparable> v = root.get(key.attribute());
                Comparable c = (Comparable) value;
                return ascending
                        ? cb.or(cb.greaterThan(v, c), cb.and(cb.equal(v, c), cb.greaterThan(idPath, id)))
                        : cb.or(cb.lessThan(v, c), cb.and(cb.equal(v, c), cb.lessThan(idPath, id)));
            };
        }
    }
}
