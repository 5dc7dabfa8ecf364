package org.kontor.ticket;

import java.util.Arrays;
import java.util.Optional;

/** An enum with Zendesk's exact JSON value; clients reject any other string. */
interface WireEnum {
    String wire();

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equalsIgnoreCase(v)).findFirst();
    }
}
