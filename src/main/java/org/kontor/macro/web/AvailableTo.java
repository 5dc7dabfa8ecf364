package org.kontor.macro.web;

import java.util.Locale;
import org.kontor.common.InvalidInput;
import org.kontor.group.Audience;

/** The "Available to" select of the macro and view forms: "" (all agents), "group:{id}" or "user:{id}". */
public final class AvailableTo {
    private AvailableTo() {
    }

    /** Anything else is refused (a forged value), not taken for "all agents". */
    public static Audience.Choice parse(String value) {
        if (value == null || value.isEmpty()) {
            return new Audience.Choice(true, null, null);
        }
        if (!value.matches("(group|user):[0-9]{1,18}")) {
            throw InvalidInput.of("restriction", "err.macro.restrictionType", "Restriction: type must be \"Group\" or \"User\"");
        }
        long id = Long.parseLong(value.substring(value.indexOf(':') + 1));
        return new Audience.Choice(true, value.startsWith("group:") ? Audience.Kind.GROUP : Audience.Kind.USER, id);
    }

    public static String format(Audience.Kind kind, Long id) {
        return kind == null ? "" : kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
