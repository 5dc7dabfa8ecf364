package org.kontor.user;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/**
 * The query behind the requester field and {@code users/search} (R2): every word must match the user's name,
 * email (a bare domain such as {@code acme.com} or {@code @acme.com} matches the whole domain), phone digits
 * whatever the formatting, or organization name. {@code key:value} words narrow to one field.
 */
final class UserSearch {
    /** A whole query that is one phone number, possibly opening with "(" or "(+": "(+49) 30/1234", "(030) 1234". */
    private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("[(]?\\+?[(]?\\d[\\d\\s()./-]{2,}");

    private UserSearch() {
    }

    static Specification<User> matching(String query) {
        if (query != null && isPhoneNumber(query.trim())) {
            // "+49 30 1234" is one phone number, not three words.
            return anyField(query.trim());
        }
        List<Specification<User>> parts = new ArrayList<>();
        for (String word : tokenize(query)) {
            int colon = word.indexOf(':');
            if (colon > 0 && colon < word.length() - 1) {
                String key = word.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = unquote(word.substring(colon + 1));
                Specification<User> keyed = switch (key) {
                    case "name" -> contains("name", value);
                    case "email" -> email(value);
                    case "phone" -> phone(value);
                    case "organization" -> organization(value);
                    case "role" -> role(value);
                    case "external_id" -> (root, q, cb) -> cb.equal(root.get("externalId"), value);
                    default -> null;
                };
                if (keyed != null) {
                    parts.add(keyed);
                    continue;
                }
            }
            parts.add(anyField(unquote(word)));
        }
        return Specification.allOf(parts);
    }

    static boolean isPhoneNumber(String text) {
        return PHONE_LIKE.matcher(text).matches();
    }

    private static Specification<User> anyField(String term) {
        List<Specification<User>> any = new ArrayList<>();
        any.add(contains("name", term));
        any.add(email(term));
        String digits = PhoneNumbers.digits(term);
        // A few digits inside a name or an email would match far too much; phone matching needs a real fragment.
        if (digits != null && digits.length() >= 3 && digits.length() * 2 >= term.replace(" ", "").length()) {
            any.add(phone(term));
        }
        any.add(organization(term));
        return Specification.anyOf(any);
    }

    private static Specification<User> contains(String attribute, String value) {
        String pattern = "%" + escapeLike(value.toLowerCase(Locale.ROOT)) + "%";
        return (root, q, cb) -> cb.like(cb.lower(root.get(attribute)), pattern, '\\');
    }

    private static Specification<User> email(String value) {
        String v = value.toLowerCase(Locale.ROOT).trim();
        if (v.startsWith("@")) {
            String pattern = "%" + escapeLike(v);
            return (root, q, cb) -> cb.like(root.get("email"), pattern, '\\');
        }
        if (!v.contains("@") && v.contains(".")) {
            // A bare domain: the domain itself or a subdomain of it, never a look-alike ("acme.com" is not
            // "notacme.com"). The text may still be part of the local part ("jane.doe").
            String domain = "%@" + escapeLike(v);
            String sub = "%@%." + escapeLike(v);
            String local = "%" + escapeLike(v) + "%@%";
            return (root, q, cb) -> cb.or(cb.like(root.get("email"), domain, '\\'),
                    cb.like(root.get("email"), sub, '\\'), cb.like(root.get("email"), local, '\\'));
        }
        String pattern = "%" + escapeLike(v) + "%";
        return (root, q, cb) -> cb.like(root.get("email"), pattern, '\\');
    }

    private static Specification<User> phone(String value) {
        String digits = PhoneNumbers.digits(value);
        if (digits == null) {
            return (root, q, cb) -> cb.disjunction();
        }
        String pattern = "%" + digits + "%";
        return (root, q, cb) -> cb.like(root.get("phoneDigits"), pattern);
    }

    private static Specification<User> organization(String value) {
        String pattern = "%" + escapeLike(value.toLowerCase(Locale.ROOT)) + "%";
        return (root, q, cb) -> {
            Subquery<Long> orgs = q.subquery(Long.class);
            Root<org.kontor.organization.Organization> o = orgs.from(org.kontor.organization.Organization.class);
            orgs.select(o.get("id")).where(cb.like(o.get("nameKey"), pattern, '\\'));
            return root.get("organizationId").in(orgs);
        };
    }

    private static Specification<User> role(String value) {
        return Role.fromWire(value)
                .<Specification<User>>map(r -> (root, q, cb) -> cb.equal(root.get("role"), r))
                .orElse((root, q, cb) -> cb.disjunction());
    }

    static Specification<User> namePrefix(String prefix) {
        String p = escapeLike(prefix.toLowerCase(Locale.ROOT).trim());
        return (root, q, cb) -> {
            var lower = cb.lower(root.get("name"));
            return cb.or(cb.like(lower, p + "%", '\\'), cb.like(lower, "% " + p + "%", '\\'));
        };
    }

    static Specification<User> active() {
        return (root, q, cb) -> cb.isTrue(root.get("active"));
    }

    static List<String> tokenize(String query) {
        List<String> words = new ArrayList<>();
        if (query == null) {
            return words;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : query.trim().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    words.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            words.add(current.toString());
        }
        return words;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s.replace("\"", "");
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
