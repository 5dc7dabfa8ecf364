package org.kontor.ticket;

import java.util.Optional;

public enum TicketType implements WireEnum {
    PROBLEM("problem"), INCIDENT("incident"), QUESTION("question"), TASK("task");

    private final String wire;

    TicketType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<TicketType> parse(String value) {
        return WireEnum.parse(TicketType.class, value);
    }
}
