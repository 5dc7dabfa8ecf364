package org.kontor.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cluster-wide locks held until the current transaction ends: a row of {@code named_locks} locked with
 * {@code SELECT ... FOR UPDATE}. For rare critical sections only (every holder of one name waits for the others).
 */
@Component
public class NamedLocks {
    public static final String NEW_CALLER = "new-caller";

    private final JdbcTemplate jdbc;

    NamedLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the lock and holds it until the caller's transaction commits or rolls back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String name) {
        if (jdbc.queryForList("SELECT name FROM named_locks WHERE name = ? FOR UPDATE", String.class, name).isEmpty()) {
            throw new IllegalStateException("No named lock " + name + " (see migration V16)");
        }
    }
}
