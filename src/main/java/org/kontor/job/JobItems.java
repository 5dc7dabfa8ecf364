package org.kontor.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.common.BadRequest;
import org.kontor.common.Conflict;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.common.RuleViolation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One item of a bulk job and its Zendesk result object: {@code id, index, action, success: true, status}, or
 * {@code success: false} with {@code error} and {@code details} when the item was refused for a reason of its own
 * (invalid, a rule, not found, not allowed, a concurrent change) — the job then goes on with the next item. Any
 * other failure (the database gone) stops the job.
 */
public final class JobItems {
    private JobItems() {
    }

    /** An item's work; returns the id of the record it created or changed. */
    public interface Step {
        long run();
    }

    public static Map<String, Object> run(int index, Long id, String action, String done, Step step) {
        Map<String, Object> r = new LinkedHashMap<>();
        try {
            long resultId = step.run();
            r.put("id", resultId);
            r.put("index", index);
            r.put("action", action);
            r.put("success", true);
            r.put("status", done);
        } catch (InvalidInput | RuleViolation | NotFound | Forbidden | Conflict | BadRequest
                 | OptimisticLockingFailureException | DataIntegrityViolationException e) {
            r.put("id", id);
            r.put("index", index);
            r.put("action", action);
            r.put("success", false);
            r.put("status", "Failed");
            r.put("error", error(e));
            r.put("details", details(e));
        }
        return r;
    }

    private static String error(RuntimeException e) {
        if (e instanceof InvalidInput || e instanceof RuleViolation) {
            return "RecordInvalid";
        }
        if (e instanceof NotFound) {
            return "RecordNotFound";
        }
        if (e instanceof Forbidden) {
            return "PermissionDenied";
        }
        if (e instanceof BadRequest) {
            return "InvalidParameter";
        }
        return "UpdateConflict";
    }

    private static String details(RuntimeException e) {
        if (e instanceof InvalidInput invalid) {
            return String.join("; ", invalid.errors().values().stream().flatMap(List::stream).toList());
        }
        if (e instanceof RuleViolation rule) {
            return rule.rule() + ": " + rule.getMessage();
        }
        if (e instanceof NotFound) {
            return "Not found";
        }
        return e.getMessage();
    }
}
