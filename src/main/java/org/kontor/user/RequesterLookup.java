package org.kontor.user;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The requester type-ahead (R2): what the agent typed, matched against the start of the user's name words, email
 * address, email domain (a bare domain finds its subdomains too), phone digits (their start, or their end) and the
 * words of the organization name. Every word typed must match one of them. Each lookup is a few prefix ranges on
 * the {@link SearchTerms} index, so its cost depends on the result size, not on the size of the directory.
 */
@Component
class RequesterLookup {
    /** Enough rows to tell which word of a query is the rarest, without counting a common one to the end. */
    private static final int COUNT_CAP = 1000;
    private static final int MAX_ORGANIZATIONS = 100;
    /**
     * With several words, how many matches of the rarest one (per kind of key) are checked against the others: the
     * first ones in index order, so a common pair ("maria schmidt" among 500,000) still shows its best few at once.
     */
    private static final int CANDIDATES = 500;

    private final JdbcTemplate jdbc;
    private final UserRepository users;

    RequesterLookup(JdbcTemplate jdbc, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** One typed word: the key prefixes it may start (in rank order) and the organizations whose name it starts. */
    private record Word(List<String> prefixes, List<Long> organizations) {
        boolean matchesNothing() {
            return prefixes.isEmpty() && organizations.isEmpty();
        }
    }

    /** A found user's place in the list: exact matches first, then by kind of key (name before email …), then by key. */
    private record Rank(boolean exact, int kind, String term) {
        static final Comparator<Rank> ORDER = Comparator.comparing((Rank r) -> !r.exact()).thenComparingInt(Rank::kind)
                .thenComparing(Rank::term);
    }

    List<User> find(String query, int limit) {
        List<Word> words = parse(query);
        if (words.isEmpty() || words.stream().anyMatch(Word::matchesNothing)) {
            return List.of();
        }
        Word driver = rarest(words);
        if (driver == null) {
            return List.of();
        }
        List<Word> others = new ArrayList<>(words);
        others.remove(driver);
        // The driver's matches in index order (exact ones first), as one statement: a branch per kind of key it may
        // start, and one for its organizations. With other words, a bounded number of candidates is fetched and
        // checked against them by primary key below: plain range scans and key lookups on either database, where
        // a correlated EXISTS may be planned as a scan of every user matching a common word.
        int fetch = others.isEmpty() ? limit * 2 : CANDIDATES;
        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (int k = 0; k < driver.prefixes().size(); k++) {
            String prefix = driver.prefixes().get(k);
            args.add(prefix);
            args.add(upperBound(prefix));
            // A user can match one prefix with two keys ("anna", "annabel"): fetch extra so duplicates leave enough.
            branches.add("(SELECT " + k + " AS kind, t.user_id, t.term FROM user_search_terms t JOIN users u ON u.id = t.user_id"
                    + " WHERE t.term >= ? AND t.term < ? AND u.active = TRUE ORDER BY t.term, t.user_id FETCH FIRST " + fetch + " ROWS ONLY)");
        }
        if (!driver.organizations().isEmpty()) {
            args.addAll(driver.organizations());
            // No ORDER BY: the organization index answers, and the list is ordered below.
            branches.add("(SELECT " + driver.prefixes().size() + " AS kind, u.id AS user_id, '' AS term FROM users u"
                    + " WHERE u.organization_id IN (" + placeholders(driver.organizations().size()) + ") AND u.active = TRUE"
                    + " FETCH FIRST " + fetch + " ROWS ONLY)");
        }
        Map<Long, Rank> found = new HashMap<>();
        jdbc.query(String.join(" UNION ALL ", branches), rs -> {
            int kind = rs.getInt(1);
            String term = rs.getString(3);
            boolean exact = kind < driver.prefixes().size() && term.equals(driver.prefixes().get(kind));
            found.merge(rs.getLong(2), new Rank(exact, kind, term), (a, b) -> Rank.ORDER.compare(a, b) <= 0 ? a : b);
        }, args.toArray());
        for (Word other : others) {
            if (found.isEmpty()) {
                break;
            }
            found.keySet().retainAll(matching(other, found.keySet()));
        }
        // The best few by rank (ties by id, so the page is stable), then only those are loaded and ordered by name.
        List<Map.Entry<Long, Rank>> best = found.entrySet().stream()
                .sorted(Map.Entry.<Long, Rank>comparingByValue(Rank.ORDER).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).toList();
        Map<Long, User> byId = new HashMap<>();
        users.findAllById(best.stream().map(Map.Entry::getKey).toList()).forEach(u -> byId.put(u.getId(), u));
        return best.stream().filter(e -> byId.containsKey(e.getKey()))
                .sorted(Map.Entry.<Long, Rank>comparingByValue(Rank.ORDER)
                        .thenComparing(e -> byId.get(e.getKey()).getName(), String.CASE_INSENSITIVE_ORDER))
                .map(e -> byId.get(e.getKey())).toList();
    }

    /**
     * The word that drives the lookup: its first matches are fetched and checked against the other words, so the
     * rarest loses the fewest. None when a word matches nobody.
     */
    private Word rarest(List<Word> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        Word rarest = null;
        long fewest = Long.MAX_VALUE;
        for (Word w : words) {
            long n = estimate(w);
            if (n == 0) {
                return null;
            }
            if (n < fewest) {
                fewest = n;
                rarest = w;
            }
        }
        return rarest;
    }

    /** Those of the candidates that match the word: a key of theirs starts with it, or their organization's name. */
    private Set<Long> matching(Word w, Set<Long> candidates) {
        Set<Long> matched = new HashSet<>();
        List<Object> args = new ArrayList<>(candidates);
        String ids = placeholders(candidates.size());
        if (!w.prefixes().isEmpty()) {
            StringBuilder ranges = new StringBuilder();
            for (String prefix : w.prefixes()) {
                ranges.append(ranges.isEmpty() ? "" : " OR ").append("(term >= ? AND term < ?)");
                args.add(prefix);
                args.add(upperBound(prefix));
            }
            matched.addAll(jdbc.queryForList("SELECT DISTINCT user_id FROM user_search_terms WHERE user_id IN (" + ids + ") AND ("
                    + ranges + ")", Long.class, args.toArray()));
        }
        if (!w.organizations().isEmpty()) {
            List<Object> orgArgs = new ArrayList<>(candidates);
            orgArgs.addAll(w.organizations());
            matched.addAll(jdbc.queryForList("SELECT id FROM users WHERE id IN (" + ids + ") AND organization_id IN ("
                    + placeholders(w.organizations().size()) + ")", Long.class, orgArgs.toArray()));
        }
        return matched;
    }

    /** How many users a word matches, counted up to {@link #COUNT_CAP} per key kind. */
    private long estimate(Word w) {
        long n = 0;
        for (String prefix : w.prefixes()) {
            n += jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM user_search_terms WHERE term >= ? AND term < ? LIMIT "
                    + COUNT_CAP + ") c", Long.class, prefix, upperBound(prefix));
        }
        if (!w.organizations().isEmpty()) {
            n += jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE organization_id IN ("
                    + placeholders(w.organizations().size()) + ") LIMIT " + COUNT_CAP + ") c", Long.class, w.organizations().toArray());
        }
        return n;
    }

    private List<Word> parse(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        if (UserSearch.isPhoneNumber(q)) {
            // "+49 (30) 1234" is one phone number, not three words.
            List<String> prefixes = new ArrayList<>(phone(q));
            if (!q.contains(" ")) {
                prefixes.addAll(0, text(q));
            }
            return List.of(new Word(prefixes, q.contains(" ") ? List.of() : organizations(q)));
        }
        List<Word> words = new ArrayList<>();
        for (String raw : q.split("\\s+")) {
            // Whole, so that "acme-17" still finds acme-17.test and "müller-lü" Müller-Lüdenscheidt while typing.
            List<String> prefixes = new ArrayList<>(text(raw));
            prefixes.addAll(phone(raw));
            words.add(new Word(prefixes, organizations(raw)));
        }
        return words;
    }

    /** Name word, email, domain: the prefixes a word of text may start, in rank order. */
    private static List<String> text(String word) {
        List<String> prefixes = new ArrayList<>();
        if (word.startsWith("@")) {
            if (word.length() > 1) {
                prefixes.add(SearchTerms.DOMAIN + word.substring(1));
            }
            return prefixes;
        }
        String name = SearchTerms.withoutEdges(word);
        if (!word.contains("@") && !name.isEmpty()) {
            prefixes.add(SearchTerms.NAME + name);
        }
        prefixes.add(SearchTerms.EMAIL + word);
        if (!word.contains("@")) {
            prefixes.add(SearchTerms.DOMAIN + word);
            if (word.contains(".")) {
                prefixes.add(SearchTerms.PARENT_DOMAIN + word);
            }
        }
        return prefixes;
    }

    /** A phone number's start and end; only for text that is mostly digits (a few inside a name match too much). */
    private static List<String> phone(String text) {
        String digits = PhoneNumbers.digits(text);
        if (digits == null || digits.length() < 3 || digits.length() * 2 < text.replace(" ", "").length()) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>();
        prefixes.add(SearchTerms.PHONE + digits);
        // The end of a number typed with a national trunk prefix ("030 1234567") is the end of "+49 30 1234567".
        String significant = digits.replaceFirst("^0+", "");
        if (significant.length() >= 3) {
            prefixes.add(SearchTerms.PHONE_END + new StringBuilder(significant).reverse());
        }
        return prefixes;
    }

    /** Organizations with a word of their name starting with the text; the few hundredth would not show anyway. */
    private List<Long> organizations(String word) {
        String start = UserSearch.escapeLike(word);
        return jdbc.queryForList("SELECT id FROM organizations WHERE name_key LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\'"
                + " ORDER BY name_key LIMIT " + MAX_ORGANIZATIONS, Long.class, start + "%", "% " + start + "%");
    }

    /** The first string after every string starting with {@code prefix} (keys compare by code point). */
    private static String upperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
