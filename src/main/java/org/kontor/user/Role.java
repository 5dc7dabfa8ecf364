package org.kontor.user;

import java.util.Arrays;
import java.util.Optional;

/** Zendesk's role values; clients reject any other string, so no custom roles are ever emitted. */
public enum Role {
    END_USER("end-user"),
    AGENT("agent"),
    ADMIN("admin");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isAgent() {
        return this != END_USER;
    }

    public static Optional<Role> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase().replace('_', '-');
        if (v.equals("enduser")) {
            v = "end-user";
        }
        String finalV = v;
        return Arrays.stream(values()).filter(r -> r.wire.equals(finalV)).findFirst();
    }
}
