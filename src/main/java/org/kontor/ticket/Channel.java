package org.kontor.ticket;

import java.util.Optional;

/** The {@code via.channel} a ticket or comment came through (C1). */
public enum Channel implements WireEnum {
    WEB("web"), API("api"), EMAIL("email"), VOICE("voice"), HELPCENTER("helpcenter"), RULE("rule"), SYSTEM("system");

    private final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<Channel> parse(String value) {
        return WireEnum.parse(Channel.class, value);
    }
}
