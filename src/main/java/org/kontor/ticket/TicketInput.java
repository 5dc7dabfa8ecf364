package org.kontor.ticket;

import java.time.Instant;
import java.util.List;

/** What clients send to create or change tickets, already parsed from Zendesk's JSON. */
public final class TicketInput {
    private TicketInput() {
    }

    /**
     * {@code isPublic} null means "not said": public on create, R12's default afterwards. {@code uploads} are the
     * tokens of files uploaded before (Zendesk's {@code comment.uploads}).
     */
    public record CommentInput(String body, String htmlBody, Boolean isPublic, Long authorId, List<String> uploads) {
        public CommentInput {
            uploads = uploads == null ? List.of() : List.copyOf(uploads);
        }

        public CommentInput(String body, String htmlBody, Boolean isPublic, Long authorId) {
            this(body, htmlBody, isPublic, authorId, List.of());
        }
    }

    /** A requester given by name and email (or phone): found, or created as an end user. */
    public record PersonInput(String name, String email, String phone, String locale) {
    }

    /** A CC to add or remove, by user id or by email (an unknown email creates an end user). */
    public record CcInput(Long userId, String email, String name, boolean remove) {
    }

    public record NewTicket(String subject, CommentInput comment, Long requesterId, PersonInput requester,
                            Long assigneeId, String assigneeEmail, Long groupId, Long organizationId,
                            TicketStatus status, Priority priority, TicketType type, List<String> tags,
                            List<CcInput> collaborators, String externalId, Instant dueAt, Channel via) {
    }

    /**
     * An update; every {@link Patch} field is null when not sent. {@code collaboratorIds} replaces the CC list,
     * {@code ccChanges} adds and removes (Zendesk's {@code email_ccs} and {@code additional_collaborators}).
     */
    public record TicketChanges(Patch<String> subject, CommentInput comment, Patch<Long> requesterId, PersonInput requester,
                                Patch<Long> assigneeId, String assigneeEmail, Patch<Long> groupId,
                                Patch<Long> organizationId, TicketStatus status, Patch<Priority> priority,
                                Patch<TicketType> type, List<String> tags, List<String> additionalTags,
                                List<String> removeTags, List<Long> collaboratorIds, List<CcInput> ccChanges,
                                Patch<String> externalId, Patch<Instant> dueAt, boolean safeUpdate,
                                Instant updatedStamp, Channel via) {
        /** Only the assignee changes (null: unassigned), e.g. by routing or when an agent leaves. */
        public static TicketChanges assignee(Long agentId, Channel via) {
            return new TicketChanges(null, null, null, null, Patch.of(agentId), null, null, null, null, null, null, null,
                    null, null, null, null, null, null, false, null, via);
        }

        /** Only the status changes, e.g. when Kontor closes a solved ticket. */
        public static TicketChanges status(TicketStatus status, Channel via) {
            return new TicketChanges(null, null, null, null, null, null, null, null, status, null, null, null, null, null,
                    null, null, null, null, false, null, via);
        }
    }

    /** An end user's own request (Requests API, Help Center): always public, the end user is the requester. */
    public record NewRequest(String subject, CommentInput comment, List<CcInput> collaborators, Channel via) {
    }
}
