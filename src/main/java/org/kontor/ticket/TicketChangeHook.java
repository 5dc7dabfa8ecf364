package org.kontor.ticket;

/**
 * Runs inside the transaction of every ticket change, after the change is recorded in its audit and before the
 * ticket is saved, so that what a hook writes (trigger actions, outbox rows) commits or rolls back with it.
 */
public interface TicketChangeHook {
    void afterChange(TicketUpdate update);
}
