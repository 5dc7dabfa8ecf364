package org.kontor.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** R5's life cycle, in Zendesk's order (searches such as {@code status<solved} rely on it). */
public enum TicketStatus implements WireEnum {
    NEW("new"), OPEN("open"), PENDING("pending"), HOLD("hold"), SOLVED("solved"), CLOSED("closed");

    private final String wire;

    TicketStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public boolean isUnsolved() {
        return ordinal() < SOLVED.ordinal();
    }

    /** Every status's wire name, in the life cycle's order. */
    public static List<String> wires() {
        return Arrays.stream(values()).map(TicketStatus::wire).toList();
    }

    public static Optional<TicketStatus> parse(String value) {
        return WireEnum.parse(TicketStatus.class, value);
    }
}
