package org.kontor.routing;

import java.util.Arrays;
import java.util.Optional;

/** Whether an agent takes routed work: only {@link #ONLINE} agents do. */
public enum AgentStatus {
    ONLINE("online"), AWAY("away"), OFFLINE("offline");

    private final String wire;

    AgentStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<AgentStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equalsIgnoreCase(value == null ? "" : value.trim())).findFirst();
    }
}
