package org.kontor.user;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys the requester type-ahead (R2) finds a user by, kept in {@code user_search_terms} so that every lookup is
 * a prefix range on one B-tree index instead of a {@code '%…%'} scan of all users. A key is a kind letter and the
 * normalized value: {@code n:} each word of the name, {@code e:} the email address, {@code @:} its domain,
 * {@code d:} each parent domain of a subdomain (so {@code acme.com} finds {@code mail.acme.com}), {@code p:} the
 * phone's digits and {@code s:} the same digits reversed (a number's end: "1234567" finds "+49 30 1234567").
 */
public final class SearchTerms {
    static final String NAME = "n:";
    static final String EMAIL = "e:";
    static final String DOMAIN = "@:";
    static final String PARENT_DOMAIN = "d:";
    static final String PHONE = "p:";
    static final String PHONE_END = "s:";
    /** As the column is wide; a longer key (a pathological email) is cut, its prefix still finds it. */
    static final int MAX_LENGTH = 400;

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

    private SearchTerms() {
    }

    /** A user's keys (the benchmark seeds them with the same function the application uses). */
    public static Set<String> of(String name, String email, String phone) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(name)) {
            terms.add(cut(NAME + word));
        }
        if (email != null && !email.isBlank()) {
            String address = email.trim().toLowerCase(Locale.ROOT);
            terms.add(cut(EMAIL + address));
            int at = address.lastIndexOf('@');
            if (at >= 0 && at < address.length() - 1) {
                String domain = address.substring(at + 1);
                terms.add(cut(DOMAIN + domain));
                // Parents down to the registrable part: "mail.acme.co.uk" → "acme.co.uk", "co.uk"; never a bare TLD.
                for (int dot = domain.indexOf('.'); dot >= 0 && domain.indexOf('.', dot + 1) >= 0; dot = domain.indexOf('.', dot + 1)) {
                    terms.add(cut(PARENT_DOMAIN + domain.substring(dot + 1)));
                }
            }
        }
        String digits = PhoneNumbers.digits(phone);
        if (digits != null) {
            terms.add(cut(PHONE + digits));
            terms.add(cut(PHONE_END + new StringBuilder(digits).reverse()));
        }
        return terms;
    }

    /**
     * The words of a name as keys compare them, lower case: each whitespace-separated word without the punctuation
     * around it ("müller-lüdenscheidt", "o'brien"), and the parts of a compound word ("müller", "lüdenscheidt").
     */
    static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            for (String chunk : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
                String whole = withoutEdges(chunk);
                if (!whole.isEmpty()) {
                    words.add(whole);
                    for (String part : WORD_SEPARATORS.split(whole)) {
                        if (!part.isEmpty()) {
                            words.add(part);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(words);
    }

    /** A word without the punctuation before and after it: "(acme)" → "acme". */
    static String withoutEdges(String word) {
        return EDGES.matcher(word).replaceAll("");
    }

    private static String cut(String term) {
        return term.length() <= MAX_LENGTH ? term : term.substring(0, MAX_LENGTH);
    }
}
