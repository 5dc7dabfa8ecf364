package org.kontor.ticket;

/** Past-tense domain events raised by the ticket aggregate; ids and values, never entities. */
public final class TicketEvents {
    private TicketEvents() {
    }

    public record TicketCreated(long ticketId, long requesterId, long actorId, boolean isPublic, Channel via) {
    }

    /** R15: a private ticket got its first public reply; the deferred R6 effects happen now. */
    public record TicketMadePublic(long ticketId, long requesterId, long actorId) {
    }

    /** R17: a public ticket lost its only public comment and is private again. */
    public record TicketMadePrivate(long ticketId, long actorId) {
    }

    public record CommentAdded(long ticketId, long commentId, long authorId, boolean isPublic) {
    }

    public record CommentMadePrivate(long ticketId, long commentId, long actorId) {
    }

    /** Text of a comment was redacted: every copy of it (search index, stored email) must lose it too. */
    public record CommentRedacted(long ticketId, long commentId) {
    }

    public record TicketAssigned(long ticketId, Long assigneeId, Long groupId, long actorId) {
    }

    public record TicketDeleted(long ticketId, long actorId) {
    }

    /** A deleted ticket was restored: it counts in reports and is found again. */
    public record TicketRestored(long ticketId, long actorId) {
    }

    /**
     * A deleted ticket is being removed for good. Published synchronously inside that transaction, before the
     * ticket's own rows go: every feature deletes what it keeps of the ticket (mail, files, publications, reports).
     */
    public record TicketPurged(long ticketId) {
    }
}
