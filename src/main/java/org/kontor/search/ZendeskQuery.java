package org.kontor.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zendesk's search syntax, tokenised: free words, {@code "quoted phrases"}, {@code keyword:value} with
 * {@code <}, {@code >}, {@code <=}, {@code >=} for ordered keywords, and {@code -} to negate any of them.
 * Unknown keywords are treated as text, as Zendesk does. The text itself is analysed by the search engine.
 */
public record ZendeskQuery(List<Term> terms) {
    static final Set<String> KEYWORDS = Set.of("type", "status", "priority", "ticket_type", "requester", "assignee",
            "submitter", "organization", "group", "tags", "tag", "cc", "is_public", "created", "updated", "subject",
            "description", "comment", "name", "email", "role");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z_]+)(<=|>=|:|<|>)(.*)", Pattern.DOTALL);

    public sealed interface Term permits Text, Field {
        boolean negated();
    }

    /** Words to find; a phrase must match in this order. */
    public record Text(boolean negated, String text, boolean phrase) implements Term {
    }

    /** {@code name op value}, name lower case, value without quotes. */
    public record Field(boolean negated, String name, String op, String value) implements Term {
    }

    public static ZendeskQuery parse(String query) {
        List<Term> terms = new ArrayList<>();
        String q = query == null ? "" : query;
        int i = 0;
        int n = q.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(q.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean negated = false;
            if (q.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                negated = true;
                i++;
            }
            if (q.charAt(i) == '"') {
                int end = q.indexOf('"', i + 1);
                String phrase = end < 0 ? q.substring(i + 1) : q.substring(i + 1, end);
                i = end < 0 ? n : end + 1;
                if (!phrase.isBlank()) {
                    terms.add(new Text(negated, phrase.strip(), true));
                }
                continue;
            }
            int start = i;
            boolean inQuotes = false;
            while (i < n && (inQuotes || !Character.isWhitespace(q.charAt(i)))) {
                if (q.charAt(i) == '"') {
                    inQuotes = !inQuotes;
                }
                i++;
            }
            String token = q.substring(start, i);
            Matcher m = FIELD.matcher(token);
            if (m.matches() && KEYWORDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                String value = m.group(3).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).strip();
                }
                terms.add(new Field(negated, m.group(1).toLowerCase(Locale.ROOT), m.group(2), value));
            } else {
                String text = token.replace("\"", "");
                if (!text.isBlank()) {
                    terms.add(new Text(negated, text, false));
                }
            }
        }
        return new ZendeskQuery(List.copyOf(terms));
    }

    public List<Field> fields() {
        return terms.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
    }

    public List<Text> texts() {
        return terms.stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }
}
