package org.kontor.settings;

/**
 * Issue 7's account settings. {@code callTicketsPrivate}: tickets created from calls start private (R13: agents
 * take call notes first and tell the customer later) — effective only while private ticket creation is on (R8).
 * {@code reassignWhenAgentOffline}: an agent going offline hands their new and open tickets back to routing.
 */
public record OperationsSettings(boolean callTicketsPrivate, boolean reassignWhenAgentOffline) {
    static final OperationsSettings DEFAULTS = new OperationsSettings(false, false);
}
