package org.kontor.search;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.BadRequest;
import org.kontor.common.NotFound;
import org.kontor.helpcenter.Article;
import org.kontor.organization.Organization;
import org.kontor.ticket.Priority;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches over the one search engine. Every ticket search starts from the access policy's filter and its
 * text fields ({@link AccessPolicy#ticketSearchFilter}, {@link AccessPolicy#ticketSearchTextFields}), inside
 * the engine's query, so counts and pages only ever contain tickets the viewer may see.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {
    /** Zendesk returns at most 1,000 results per search. */
    static final int MAX_RESULTS = 1000;
    static final String HIGHLIGHT_OPEN = "\u0002";
    static final String HIGHLIGHT_CLOSE = "\u0003";
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})(minute|hour|day|week|month|year)s?");
    private static final Set<SimpleQueryFlag> WORD_FLAGS = EnumSet.of(SimpleQueryFlag.PREFIX, SimpleQueryFlag.WHITESPACE);

    private final EntityManager em;
    private final AccessPolicy policy;
    private final Clock clock;

    SearchService(EntityManager em, AccessPolicy policy) {
        this.em = em;
        this.policy = policy;
        this.clock = Clock.systemUTC();
    }

    public enum ResultType {
        TICKET("ticket"), USER("user"), ORGANIZATION("organization");

        private final String wire;

        ResultType(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** Sort keys of Zendesk's search API ({@code sort_by}); {@code null} means relevance. */
    public enum SortBy {
        CREATED_AT("created_at"), UPDATED_AT("updated_at"), PRIORITY("priority"), STATUS("status");

        private final String wire;

        SortBy(String wire) {
            this.wire = wire;
        }

        public static SortBy parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            for (SortBy s : values()) {
                if (s.wire.equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
            throw new BadRequest("sort_by must be one of created_at, updated_at, priority, status");
        }
    }

    public record Hit(ResultType type, Object entity, float score) {
        Instant created() {
            return entity instanceof Ticket t ? t.getCreatedAt() : entity instanceof User u ? u.getCreatedAt()
                    : ((Organization) entity).getCreatedAt();
        }

        Instant updated() {
            return entity instanceof Ticket t ? t.getUpdatedAt() : entity instanceof User u ? u.getUpdatedAt()
                    : ((Organization) entity).getUpdatedAt();
        }
    }

    public record Results<T>(List<T> items, long total) {
    }

    /** A ticket found by words, with a highlighted snippet from the text the viewer may read. */
    public record TicketHit(Ticket ticket, String snippet) {
    }

    /**
     * Zendesk's {@code /api/v2/search}: tickets, users and organizations for agents. Tickets still pass the access
     * policy's filter (for agents: not deleted).
     */
    public Results<Hit> agentSearch(Viewer viewer, String query, SortBy sortBy, boolean ascending, int offset, int limit) {
        if (!viewer.agentView()) {
            throw new NotFound();
        }
        ZendeskQuery q = ZendeskQuery.parse(query);
        Set<ResultType> types = types(q);
        if (sortBy == SortBy.PRIORITY || sortBy == SortBy.STATUS) {
            if (!types.equals(EnumSet.of(ResultType.TICKET))) {
                throw new BadRequest("sort_by " + sortBy.wire + " needs type:ticket");
            }
        }
        checkWindow(offset, limit);
        SearchSession session = Search.session(em);
        List<Hit> all = new ArrayList<>();
        long total = 0;
        int window = types.size() == 1 ? limit : offset + limit;
        int from = types.size() == 1 ? offset : 0;
        for (ResultType type : types) {
            Results<Hit> r = switch (type) {
                case TICKET -> run(session, Ticket.class, type, f -> ticketPredicate(f, viewer, q), sortBy, ascending, from, window);
                case USER -> run(session, User.class, type, f -> userPredicate(f, viewer, q), sortBy, ascending, from, window);
                case ORGANIZATION -> run(session, Organization.class, type, f -> organizationPredicate(f, q), sortBy, ascending, from, window);
            };
            if (r == null) {
                continue;
            }
            all.addAll(r.items());
            total += r.total();
        }
        if (types.size() > 1) {
            all.sort(order(sortBy, ascending));
            all = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        }
        return new Results<>(all, total);
    }

    public long agentCount(Viewer viewer, String query) {
        return agentSearch(viewer, query, null, false, 0, 0).total();
    }

    /**
     * Zendesk's {@code /api/v2/requests/search}, and the Help Center's search for requests: tickets the end-user
     * view may see, matched by subject and public comment text only (V1, R11, R17, R19).
     */
    public Paging.Result<Ticket> requests(Viewer viewer, String query, List<TicketStatus> statuses, PageParams params,
                                          Paging.Ordering ordering) {
        Results<TicketHit> r = requestHits(viewer, query, statuses, ordering, (params.page() - 1) * params.perPage(),
                params.perPage());
        int offset = (params.page() - 1) * params.perPage();
        return new Paging.Result<>(r.items().stream().map(TicketHit::ticket).toList(), params, r.total(),
                offset + r.items().size() < r.total(), params.page() > 1, null, null);
    }

    /** The same search as {@link #requests}, with snippets (HTML-escaped, matches in {@code <em>}). */
    public Results<TicketHit> requestHits(Viewer viewer, String query, List<TicketStatus> statuses, Paging.Ordering ordering,
                                          int offset, int limit) {
        checkWindow(offset, limit);
        ZendeskQuery q = ZendeskQuery.parse(query);
        String publicField = policy.ticketSearchTextFields(viewer).get(1);
        SearchSession session = Search.session(em);
        var result = session.search(Ticket.class)
                .select(f -> f.composite(TicketHit::new, f.entity(Ticket.class),
                        f.composite((List<String> comment, List<String> subject) -> Snippets.html(comment, subject),
                                f.highlight(publicField), f.highlight(TicketDocument.SUBJECT))))
                .where(f -> {
                    BooleanPredicateClausesStep<?, ?> b = (BooleanPredicateClausesStep<?, ?>) ticketPredicate(f, viewer, q);
                    if (statuses != null && !statuses.isEmpty()) {
                        var any = f.or();
                        statuses.forEach(s -> any.add(f.match().field(TicketDocument.STATUS).matching(s.wire())));
                        b.filter(any);
                    }
                    return b;
                })
                .highlighter(h -> h.unified().tag(HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE).numberOfFragments(1))
                .sort(f -> ticketSort(f, ordering))
                .fetch(offset, limit);
        return new Results<>(result.hits(), result.total().hitCountLowerBound());
    }

    private static SortFinalStep ticketSort(SearchSortFactory f, Paging.Ordering ordering) {
        String field = switch (ordering.key().wireName()) {
            case "created_at" -> TicketDocument.CREATED;
            case "updated_at" -> TicketDocument.UPDATED;
            default -> TicketDocument.ID;
        };
        var first = ordering.ascending() ? f.field(field).asc() : f.field(field).desc();
        return ordering.ascending() ? first.then().field(TicketDocument.ID).asc() : first.then().field(TicketDocument.ID).desc();
    }

    private static void checkWindow(int offset, int limit) {
        if (offset + limit > MAX_RESULTS && limit > 0) {
            throw new BadRequest("Search returns at most " + MAX_RESULTS + " results; narrow the query");
        }
    }

    private <T> Results<Hit> run(SearchSession session, Class<T> entity, ResultType type,
                                 Function<SearchPredicateFactory, PredicateFinalStep> where, SortBy sortBy, boolean ascending,
                                 int offset, int limit) {
        try {
            var result = session.search(entity)
                    .select(f -> f.composite((T e, Float s) -> new Hit(type, e, s == null ? 0f : s), f.entity(entity), f.score()))
                    .where(where)
                    .sort(f -> sortBy == null ? f.score() : sortFor(f, type, sortBy, ascending))
                    .fetch(offset, limit);
            return new Results<>(result.hits(), result.total().hitCountLowerBound());
        } catch (NotApplicable e) {
            return null;
        }
    }

    private static SortFinalStep sortFor(SearchSortFactory f, ResultType type, SortBy sortBy, boolean ascending) {
        String field = switch (sortBy) {
            case CREATED_AT -> KontorSearchMapping.CREATED;
            case UPDATED_AT -> KontorSearchMapping.UPDATED;
            case PRIORITY -> TicketDocument.PRIORITY_ORDER;
            case STATUS -> TicketDocument.STATUS_ORDER;
        };
        var sort = ascending ? f.field(field).asc() : f.field(field).desc();
        if (type == ResultType.TICKET) {
            return ascending ? sort.then().field(TicketDocument.ID).asc() : sort.then().field(TicketDocument.ID).desc();
        }
        return sort.then().score();
    }

    private static Comparator<Hit> order(SortBy sortBy, boolean ascending) {
        if (sortBy == null) {
            return Comparator.comparing(Hit::score).reversed();
        }
        Comparator<Hit> c = switch (sortBy) {
            case CREATED_AT -> Comparator.comparing(Hit::created);
            default -> Comparator.comparing(Hit::updated);
        };
        return ascending ? c : c.reversed();
    }

    /** Which indexes a query targets: {@code type:}, else those every keyword applies to. */
    private static Set<ResultType> types(ZendeskQuery q) {
        Set<ResultType> types = EnumSet.noneOf(ResultType.class);
        for (ZendeskQuery.Field field : q.fields()) {
            if (field.name().equals("type") && !field.negated()) {
                String v = field.value().toLowerCase(Locale.ROOT);
                types.add(switch (v) {
                    case "ticket" -> ResultType.TICKET;
                    case "user" -> ResultType.USER;
                    case "organization" -> ResultType.ORGANIZATION;
                    default -> throw new BadRequest("type must be ticket, user or organization, not " + field.value());
                });
            }
        }
        return types.isEmpty() ? EnumSet.allOf(ResultType.class) : types;
    }

    /** Thrown while building a query when a keyword does not exist for the index: the index is skipped. */
    private static final class NotApplicable extends RuntimeException {
        NotApplicable() {
            super(null, null, false, false);
        }
    }

    /** A knowledge-base article found by words, with a highlighted snippet of its title or body (public text). */
    public record ArticleHit(Article article, String snippet) {
    }

    /**
     * Knowledge-base search: published articles for everyone, drafts too for agents ({@code reader} null means an
     * anonymous visitor). Words match title and body; {@code locale} narrows to one locale when given.
     */
    public Results<ArticleHit> articles(String query, Actor reader, String locale, int offset, int limit) {
        checkWindow(offset, limit);
        ZendeskQuery q = ZendeskQuery.parse(query);
        boolean editor = reader != null && reader.isAgent();
        var result = Search.session(em).search(Article.class)
                .select(f -> f.composite(ArticleHit::new, f.entity(Article.class),
                        f.composite((List<String> body, List<String> title) -> Snippets.html(body, title),
                                f.highlight(KontorSearchMapping.ArticleFields.BODY),
                                f.highlight(KontorSearchMapping.ArticleFields.TITLE))))
                .where(f -> {
                    BooleanPredicateClausesStep<?, ?> b = f.bool().must(f.matchAll());
                    if (!editor) {
                        b.filter(f.match().field(KontorSearchMapping.ArticleFields.DRAFT).matching(false));
                    }
                    if (locale != null && !locale.isBlank()) {
                        b.filter(f.match().field(KontorSearchMapping.ArticleFields.LOCALE).matching(locale.toLowerCase(Locale.ROOT)));
                    }
                    addText(f, b, q, List.of(KontorSearchMapping.ArticleFields.TITLE, KontorSearchMapping.ArticleFields.BODY));
                    return b;
                })
                .highlighter(h -> h.unified().tag(HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE).numberOfFragments(1))
                .fetch(offset, limit);
        return new Results<>(result.hits(), result.total().hitCountLowerBound());
    }

    // ---- tickets ----

    PredicateFinalStep ticketPredicate(SearchPredicateFactory f, Viewer viewer, ZendeskQuery q) {
        List<String> textFields = policy.ticketSearchTextFields(viewer);
        BooleanPredicateClausesStep<?, ?> b = f.bool().must(f.matchAll()).filter(policy.ticketSearchFilter(viewer, f));
        addText(f, b, q, textFields);
        Map<String, List<PredicateFinalStep>> positives = new LinkedHashMap<>();
        for (ZendeskQuery.Field field : q.fields()) {
            if (field.name().equals("type")) {
                continue;
            }
            PredicateFinalStep p = switch (field.name()) {
                case "status" -> ordered(f, TicketDocument.STATUS_ORDER, field,
                        TicketStatus.parse(field.value()).orElseThrow(() -> bad(field)).ordinal());
                case "priority" -> ordered(f, TicketDocument.PRIORITY_ORDER, field,
                        Priority.parse(field.value()).orElseThrow(() -> bad(field)).ordinal());
                case "ticket_type" -> f.match().field(TicketDocument.TYPE)
                        .matching(TicketType.parse(field.value()).orElseThrow(() -> bad(field)).wire());
                case "requester" -> idIn(f, TicketDocument.REQUESTER, userIds(field.value(), viewer));
                case "assignee" -> idIn(f, TicketDocument.ASSIGNEE, userIds(field.value(), viewer));
                case "submitter" -> idIn(f, TicketDocument.SUBMITTER, userIds(field.value(), viewer));
                case "cc" -> idIn(f, TicketDocument.CCS, userIds(field.value(), viewer));
                case "organization" -> idIn(f, TicketDocument.ORGANIZATION, organizationIds(field.value()));
                case "group" -> idIn(f, TicketDocument.GROUP, groupIds(field.value()));
                case "tags", "tag" -> field.value().equalsIgnoreCase("none")
                        ? f.not(f.exists().field(TicketDocument.TAGS))
                        : f.match().field(TicketDocument.TAGS).matching(field.value().toLowerCase(Locale.ROOT));
                case "is_public" -> f.match().field(TicketDocument.IS_PUBLIC).matching(bool(field));
                case "created" -> dateRange(f, TicketDocument.CREATED, field);
                case "updated" -> dateRange(f, TicketDocument.UPDATED, field);
                case "subject" -> words(f, List.of(TicketDocument.SUBJECT), field.value());
                case "description", "comment" -> words(f, List.of(textFields.get(1)), field.value());
                default -> throw new NotApplicable();
            };
            addField(b, positives, field, p);
        }
        orPositives(f, b, positives);
        return b;
    }

    // ---- users and organizations (agents only) ----

    private PredicateFinalStep userPredicate(SearchPredicateFactory f, Viewer viewer, ZendeskQuery q) {
        BooleanPredicateClausesStep<?, ?> b = f.bool().must(f.matchAll());
        // Deleted users are not found. "Not inactive" rather than "active": documents indexed before the field existed
        // carry no value and stay findable.
        b.mustNot(f.match().field("active").matching(false));
        addText(f, b, q, List.of("name", "email"));
        Map<String, List<PredicateFinalStep>> positives = new LinkedHashMap<>();
        for (ZendeskQuery.Field field : q.fields()) {
            if (field.name().equals("type")) {
                continue;
            }
            PredicateFinalStep p = switch (field.name()) {
                case "role" -> f.match().field("role").matching(
                        Role.fromWire(field.value()).orElseThrow(() -> bad(field)).name());
                case "name" -> words(f, List.of("name"), field.value());
                case "email" -> words(f, List.of("email"), field.value());
                case "organization" -> idIn(f, "organization_id", organizationIds(field.value()));
                case "created" -> dateRange(f, KontorSearchMapping.CREATED, field);
                case "updated" -> dateRange(f, KontorSearchMapping.UPDATED, field);
                default -> throw new NotApplicable();
            };
            addField(b, positives, field, p);
        }
        orPositives(f, b, positives);
        return b;
    }

    private PredicateFinalStep organizationPredicate(SearchPredicateFactory f, ZendeskQuery q) {
        BooleanPredicateClausesStep<?, ?> b = f.bool().must(f.matchAll());
        addText(f, b, q, List.of("name"));
        Map<String, List<PredicateFinalStep>> positives = new LinkedHashMap<>();
        for (ZendeskQuery.Field field : q.fields()) {
            if (field.name().equals("type")) {
                continue;
            }
            PredicateFinalStep p = switch (field.name()) {
                case "name" -> words(f, List.of("name"), field.value());
                case "created" -> dateRange(f, KontorSearchMapping.CREATED, field);
                case "updated" -> dateRange(f, KontorSearchMapping.UPDATED, field);
                default -> throw new NotApplicable();
            };
            addField(b, positives, field, p);
        }
        orPositives(f, b, positives);
        return b;
    }

    // ---- building blocks ----

    /** Zendesk ORs several values of the same keyword ({@code status:open status:pending}); keywords are ANDed. */
    private static void addField(BooleanPredicateClausesStep<?, ?> b, Map<String, List<PredicateFinalStep>> positives,
                                 ZendeskQuery.Field field, PredicateFinalStep p) {
        if (field.negated()) {
            b.mustNot(p);
        } else {
            String key = field.name().equals("tag") ? "tags" : field.name();
            positives.computeIfAbsent(key + (field.op().equals(":") ? "" : field.op()), k -> new ArrayList<>()).add(p);
        }
    }

    private static void orPositives(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> b,
                                    Map<String, List<PredicateFinalStep>> positives) {
        for (List<PredicateFinalStep> same : positives.values()) {
            if (same.size() == 1) {
                b.filter(same.get(0));
            } else {
                var any = f.or();
                same.forEach(any::add);
                b.filter(any);
            }
        }
    }

    private static void addText(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> b, ZendeskQuery q,
                                List<String> fields) {
        for (ZendeskQuery.Text t : q.texts()) {
            PredicateFinalStep p = t.phrase() ? f.phrase().fields(fields.toArray(String[]::new)).matching(t.text())
                    : words(f, fields, t.text());
            if (t.negated()) {
                b.mustNot(p);
            } else {
                b.must(p);
            }
        }
    }

    /** Words through the index's analyzer, all required; a trailing {@code *} is a prefix search. */
    private static PredicateFinalStep words(SearchPredicateFactory f, List<String> fields, String text) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return f.matchAll();
        }
        return f.simpleQueryString().fields(fields.toArray(String[]::new)).matching(text)
                .defaultOperator(BooleanOperator.AND).flags(WORD_FLAGS);
    }

    private static PredicateFinalStep ordered(SearchPredicateFactory f, String field, ZendeskQuery.Field term, int value) {
        return switch (term.op()) {
            case ":" -> f.match().field(field).matching(value);
            case "<" -> f.range().field(field).lessThan(value);
            case "<=" -> f.range().field(field).atMost(value);
            case ">" -> f.range().field(field).greaterThan(value);
            default -> f.range().field(field).atLeast(value);
        };
    }

    private static PredicateFinalStep idIn(SearchPredicateFactory f, String field, List<Long> ids) {
        if (ids == null) {
            return f.not(f.exists().field(field));
        }
        if (ids.isEmpty()) {
            return f.matchNone();
        }
        return f.terms().field(field).matchingAny(ids);
    }

    private static boolean bool(ZendeskQuery.Field field) {
        return switch (field.value().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(field);
        };
    }

    private static BadRequest bad(ZendeskQuery.Field field) {
        return new BadRequest("Invalid value for " + field.name() + ": " + field.value());
    }

    /**
     * {@code created>2024-05-01} (after that day), {@code created<2024-05-01} (before it), {@code created:2024-05-01}
     * (on it), or relative: {@code created>4hours} (within the last four hours), {@code updated<2days} (longer ago).
     */
    private PredicateFinalStep dateRange(SearchPredicateFactory f, String field, ZendeskQuery.Field term) {
        String v = term.value().toLowerCase(Locale.ROOT);
        Instant start;
        Instant end;
        Matcher m = RELATIVE.matcher(v);
        if (m.matches()) {
            ChronoUnit unit = switch (m.group(2)) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                case "day" -> ChronoUnit.DAYS;
                case "week" -> ChronoUnit.WEEKS;
                case "month" -> ChronoUnit.MONTHS;
                default -> ChronoUnit.YEARS;
            };
            long amount = Long.parseLong(m.group(1));
            Instant at = unit.isDateBased() ? clock.instant().atOffset(ZoneOffset.UTC).minus(amount, unit).toInstant()
                    : clock.instant().minus(amount, unit);
            start = at;
            end = at;
            if (term.op().equals(":")) {
                return f.range().field(field).atLeast(at);
            }
        } else {
            try {
                if (v.length() == 10) {
                    LocalDate day = LocalDate.parse(v);
                    start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                    end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                } else {
                    start = OffsetDateTime.parse(term.value()).toInstant();
                    end = start;
                }
            } catch (DateTimeParseException e) {
                throw new BadRequest("Invalid date for " + term.name() + ": " + term.value()
                        + " (use YYYY-MM-DD, an ISO-8601 time, or e.g. 4hours)");
            }
            if (term.op().equals(":")) {
                return start.equals(end) ? f.match().field(field).matching(start)
                        : f.range().field(field).within(org.hibernate.search.util.common.data.Range.canonical(start, end));
            }
        }
        return switch (term.op()) {
            case "<" -> f.range().field(field).lessThan(start);
            case "<=" -> start.equals(end) ? f.range().field(field).atMost(start) : f.range().field(field).lessThan(end);
            case ">" -> start.equals(end) ? f.range().field(field).greaterThan(end) : f.range().field(field).atLeast(end);
            default -> f.range().field(field).atLeast(start);
        };
    }

    /** {@code me}, {@code none} (null: no value), an id, an email, or a name (phrase in the user index). */
    private List<Long> userIds(String value, Viewer viewer) {
        if (value.equalsIgnoreCase("me")) {
            return List.of(viewer.userId());
        }
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        if (value.matches("\\d{1,18}")) {
            return List.of(Long.parseLong(value));
        }
        if (value.contains("@")) {
            return em.createQuery("select u.id from User u where lower(u.email) = :e", Long.class)
                    .setParameter("e", value.toLowerCase(Locale.ROOT)).getResultList();
        }
        return Search.session(em).search(User.class).select(f -> f.id(Long.class))
                .where(f -> f.phrase().field("name").matching(value)).fetchHits(MAX_RESULTS);
    }

    private List<Long> organizationIds(String value) {
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        if (value.matches("\\d{1,18}")) {
            return List.of(Long.parseLong(value));
        }
        return Search.session(em).search(Organization.class).select(f -> f.id(Long.class))
                .where(f -> f.phrase().field("name").matching(value)).fetchHits(MAX_RESULTS);
    }

    private List<Long> groupIds(String value) {
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        if (value.matches("\\d{1,18}")) {
            return List.of(Long.parseLong(value));
        }
        return em.createQuery("select g.id from Group g where lower(g.name) = :n and g.deleted = false", Long.class)
                .setParameter("n", value.toLowerCase(Locale.ROOT)).getResultList();
    }
}
