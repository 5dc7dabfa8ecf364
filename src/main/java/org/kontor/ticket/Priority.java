package org.kontor.ticket;

import java.util.Optional;

public enum Priority implements WireEnum {
    LOW("low"), NORMAL("normal"), HIGH("high"), URGENT("urgent");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<Priority> parse(String value) {
        return WireEnum.parse(Priority.class, value);
    }
}
