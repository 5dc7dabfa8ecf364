package org.kontor.common;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.kontor.common.InvalidInput.FieldError;

/**
 * The details of what is wrong with one condition or action of a trigger, macro or view: the English text the API
 * answers and a message key with arguments for the pages, which quote JSON names and values as typed.
 */
public final class RuleProblems {
    private RuleProblems() {
    }

    public static FieldError problem(String english, String code, Object... args) {
        return new FieldError(null, english, code, args);
    }

    public static FieldError oneOf(String field, String value, List<String> allowed) {
        return allowed.contains(value) ? null : problem(field + ": " + quote(value) + " is not one of " + allowed,
                "err.trigger.notOneOf", field, quote(value), allowed.toString());
    }

    public static FieldError unknownField(String field, Collection<String> known) {
        String list = new TreeSet<>(known).toString();
        return problem("unknown field " + quote(field) + "; known: " + list, "err.trigger.unknownField", quote(field), list);
    }

    public static String quote(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }
}
