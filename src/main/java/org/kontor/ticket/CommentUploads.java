package org.kontor.ticket;

import java.util.List;
import org.kontor.user.Actor;

/**
 * The files a comment names by their upload tokens (Zendesk's {@code comment.uploads}); the attachment feature
 * implements it. Both calls run in the transaction of the ticket change.
 */
public interface CommentUploads {
    /** Refuses, before the change writes anything, tokens the actor cannot attach (unknown, expired, someone else's). */
    void check(List<String> tokens, Actor actor);

    /** Puts the uploads on the comment the change just wrote. */
    void attach(List<String> tokens, Comment comment, Actor actor);

    /**
     * Zendesk's attachment redaction: the comment's file becomes an empty {@code redacted.txt} for good.
     * {@link org.kontor.common.NotFound} when the comment has no such file.
     */
    void redact(Comment comment, long attachmentId);
}
