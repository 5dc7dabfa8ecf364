package org.kontor.job;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kontor.user.Actor;

/** Runs the jobs of some kinds (the feature that queued them knows their payload). */
public interface JobHandler {
    Set<String> kinds();

    /**
     * Runs the job's items from {@code from} on, as {@code actor} (its submitter), each in its own transaction, and
     * reports each item's Zendesk result object to {@code result} as soon as it is done.
     */
    void run(Job job, Actor actor, int from, Consumer<Map<String, Object>> result);
}
