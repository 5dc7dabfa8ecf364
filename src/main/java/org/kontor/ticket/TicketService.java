package org.kontor.ticket;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.Conflict;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.group.GroupService;
import org.kontor.settings.AccountSettingsService;
import org.kontor.ticket.TicketInput.CcInput;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.NewRequest;
import org.kontor.ticket.TicketInput.NewTicket;
import org.kontor.ticket.TicketInput.PersonInput;
import org.kontor.ticket.TicketInput.TicketChanges;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket use cases. Each runs in one transaction: it validates everything it can before the first write,
 * so a refused request leaves no half-written ticket. Reads for users go through the visibility package.
 */
@Service
public class TicketService {
    private final TicketRepository tickets;
    private final CommentRepository comments;
    private final AuditRepository audits;
    private final UserService users;
    private final GroupService groups;
    private final AccountSettingsService settings;
    private final EntityManager entityManager;
    private final List<TicketChangeHook> hooks;
    private final List<CommentUploads> uploads;
    private final TicketWriter writer;

    TicketService(TicketRepository tickets, CommentRepository comments, AuditRepository audits, UserService users,
                  GroupService groups, AccountSettingsService settings, EntityManager entityManager,
                  List<TicketChangeHook> hooks, List<CommentUploads> uploads, TicketWriter writer) {
        this.writer = writer;
        this.hooks = hooks;
        this.uploads = uploads;
        this.tickets = tickets;
        this.comments = comments;
        this.audits = audits;
        this.users = users;
        this.groups = groups;
        this.settings = settings;
        this.entityManager = entityManager;
    }

    /**
     * The outcome of a change: the ticket, the audit that recorded it (null when nothing changed) and the comments
     * it wrote, so that the answer can show them without reading them back; {@code filesAttached} says whether it
     * put uploaded files on its comment, so that an answer without any need not look for them.
     */
    public record Change(Ticket ticket, Audit audit, List<Comment> comments, boolean filesAttached) {
        Change(Ticket ticket, Audit audit, List<Comment> comments) {
            this(ticket, audit, comments, false);
        }

        Change(Ticket ticket, Audit audit) {
            this(ticket, audit, List.of());
        }
    }

    /** R1: an agent creates a ticket for any requester (themselves when none is given); R10 decides privacy. */
    @Transactional
    public Change create(NewTicket input, Actor actor) {
        return create(input, null, actor);
    }

    /**
     * C1: an answered call (or voicemail) becomes a ticket whose first comment is a voice comment; the ticket's
     * visibility follows the first comment exactly as for any other create (R10).
     */
    @Transactional
    public Change createCall(NewTicket input, VoiceCall call, Actor actor) {
        return create(input, java.util.Objects.requireNonNull(call), actor);
    }

    /**
     * C1/R12: a follow-up call on an existing ticket adds a voice comment whose visibility the ticket decides
     * ({@link TicketPrivacy}): an internal note while the ticket is private.
     */
    @Transactional
    public Change addCall(long ticketId, String body, Long authorId, VoiceCall call, Actor actor) {
        requireAgent(actor);
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
        CommentBody commentBody = CommentBody.of(body, null);
        long author = resolveAuthor(authorId, actor);
        Instant now = Instant.now();
        Audit audit = ticket.beginAudit(actor, Channel.VOICE, now);
        entityManager.persist(audit);
        Comment comment = writer.comment(ticket, audit, actor, author, commentBody, null, Channel.VOICE, now, call);
        runHooks(ticket, audit, actor, false, List.of(comment), now);
        return new Change(writer.saved(ticket), audit, List.of(comment));
    }

    private Change create(NewTicket input, VoiceCall call, Actor actor) {
        requireAgent(actor);
        CommentInput commentInput = requireComment(input.comment());
        CommentBody body = CommentBody.of(commentInput.body(), commentInput.htmlBody());
        User requester = resolveRequester(input.requesterId(), input.requester(), actor);
        Long organizationId = resolveOrganization(input.organizationId(), requester);
        Long assigneeId = resolveAssignee(input.assigneeId(), input.assigneeEmail());
        Long groupId = resolveGroup(input.groupId(), assigneeId);
        long authorId = resolveAuthor(commentInput.authorId(), actor);
        Set<Long> ccs = resolveCcs(input.collaborators(), Set.of(), actor);
        checkUploads(commentInput, actor);
        boolean firstCommentPublic = commentInput.isPublic() == null || commentInput.isPublic();
        Instant now = Instant.now();
        Ticket ticket = new Ticket(new Ticket.NewTicketState(blankToNull(input.subject()), input.status(), input.priority(),
                input.type(), requester.getId(), assigneeId, groupId, organizationId, input.externalId(),
                input.via() == null ? Channel.API : input.via(), input.dueAt(), normalizeTags(input.tags()), ccs),
                actor, firstCommentPublic, settings.tickets().firstCommentPrivateEnabled(), now);
        return open(ticket, actor, authorId, body, firstCommentPublic, now, call, commentInput.uploads());
    }

    /** An end user's own request: always a public ticket with them as requester. Agents may use it too. */
    @Transactional
    public Change createRequest(NewRequest input, Actor actor) {
        CommentInput commentInput = requireComment(input.comment());
        CommentBody body = CommentBody.of(commentInput.body(), commentInput.htmlBody());
        User requester = users.get(actor.id());
        Set<Long> ccs = resolveCcs(input.collaborators(), Set.of(), actor);
        checkUploads(commentInput, actor);
        String subject = blankToNull(input.subject());
        if (subject == null) {
            subject = body.plain().length() > 80 ? body.plain().substring(0, 80) : body.plain();
        }
        Instant now = Instant.now();
        Ticket ticket = new Ticket(new Ticket.NewTicketState(subject, null, null, null, requester.getId(), null, null,
                requester.getOrganizationId(), null, input.via() == null ? Channel.API : input.via(), null, Set.of(), ccs),
                actor, true, false, now);
        return open(ticket, actor, actor.id(), body, true, now, null, commentInput.uploads());
    }

    private Change open(Ticket ticket, Actor actor, long authorId, CommentBody body, boolean firstCommentPublic, Instant now,
                        VoiceCall call, List<String> uploadTokens) {
        TicketWriter.Created created = writer.create(ticket, actor, authorId, body, firstCommentPublic, ticket.getVia(), now, call);
        Audit audit = created.audit();
        Comment comment = created.comment();
        attachUploads(uploadTokens, comment, actor);
        runHooks(ticket, audit, actor, true, List.of(comment), now);
        return new Change(writer.saved(ticket), audit, List.of(comment), !uploadTokens.isEmpty());
    }

    /** An agent's update: fields, CCs, tags and optionally a comment (R12 decides its default visibility). */
    @Transactional
    public Change update(long ticketId, TicketChanges input, Actor actor) {
        requireAgent(actor);
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
        if (input.safeUpdate() && input.updatedStamp() != null
                && !input.updatedStamp().truncatedTo(ChronoUnit.SECONDS).equals(ticket.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS))) {
            throw new Conflict("Ticket " + ticketId + " was updated after " + input.updatedStamp() + "; reload and retry");
        }
        // Resolve and validate everything before the first change.
        CommentBody body = input.comment() == null ? null : CommentBody.of(input.comment().body(), input.comment().htmlBody());
        Long authorId = input.comment() == null ? null : resolveAuthor(input.comment().authorId(), actor);
        checkUploads(input.comment(), actor);
        User requester = null;
        if (input.requesterId() != null || input.requester() != null) {
            Long id = input.requesterId() == null ? null : input.requesterId().value();
            if (id == null && input.requester() == null) {
                throw InvalidInput.of("requester_id", "err.requester.blank", "Requester: cannot be blank");
            }
            requester = resolveRequester(id, input.requester(), actor);
        }
        Long organizationId = ticket.getOrganizationId();
        if (input.organizationId() != null) {
            organizationId = resolveOrganization(input.organizationId().value(),
                    requester != null ? requester : users.get(ticket.getRequesterId()));
        } else if (requester != null) {
            organizationId = requester.getOrganizationId();
        }
        Long assigneeId = ticket.getAssigneeId();
        Long groupId = ticket.getGroupId();
        boolean assignmentGiven = input.assigneeId() != null || input.assigneeEmail() != null || input.groupId() != null;
        if (assignmentGiven) {
            if (input.assigneeId() != null || input.assigneeEmail() != null) {
                assigneeId = resolveAssignee(input.assigneeId() == null ? null : input.assigneeId().value(), input.assigneeEmail());
            }
            if (input.groupId() != null) {
                groupId = resolveGroup(input.groupId().value(), assigneeId);
            } else if (assigneeId != null && groupId != null && !groups.isMember(assigneeId, groupId)) {
                groupId = groups.defaultGroupOf(assigneeId).orElse(null);
            } else if (assigneeId != null && groupId == null) {
                groupId = groups.defaultGroupOf(assigneeId).orElse(null);
            }
            if (assigneeId != null && groupId != null) {
                requireMember(assigneeId, groupId);
            }
        }
        Set<Long> collaborators = null;
        if (input.collaboratorIds() != null || input.ccChanges() != null) {
            Set<Long> base = input.collaboratorIds() != null ? resolveCcIds(input.collaboratorIds()) : ticket.getCollaboratorIds();
            collaborators = resolveCcs(input.ccChanges(), base, actor);
        }

        Instant now = Instant.now();
        Audit audit = ticket.beginAudit(actor, input.via() == null ? Channel.API : input.via(), now);
        entityManager.persist(audit);
        if (input.subject() != null) {
            ticket.changeSubject(blankToNull(input.subject().value()), audit, now);
        }
        if (requester != null) {
            ticket.changeRequester(requester.getId(), organizationId, audit, now);
        } else if (input.organizationId() != null) {
            ticket.changeOrganization(organizationId, audit, now);
        }
        if (assignmentGiven) {
            ticket.assign(assigneeId, groupId, audit, actor, now);
        }
        if (input.priority() != null) {
            ticket.changePriority(input.priority().value(), audit, now);
        }
        if (input.type() != null) {
            ticket.changeType(input.type().value(), audit, now);
        }
        if (input.tags() != null || input.additionalTags() != null || input.removeTags() != null) {
            Set<String> next = input.tags() != null ? normalizeTags(input.tags()) : ticket.getTags();
            if (input.additionalTags() != null) {
                next.addAll(normalizeTags(input.additionalTags()));
            }
            if (input.removeTags() != null) {
                next.removeAll(normalizeTags(input.removeTags()));
            }
            ticket.replaceTags(next, audit, now);
        }
        if (collaborators != null) {
            ticket.replaceCollaborators(collaborators, audit, now);
        }
        if (input.externalId() != null) {
            ticket.changeExternalId(input.externalId().value(), audit, now);
        }
        if (input.dueAt() != null) {
            ticket.changeDueAt(input.dueAt().value(), audit, now);
        }
        Comment comment = null;
        if (body != null) {
            comment = writer.comment(ticket, audit, actor, authorId, body, input.comment().isPublic(), audit.getVia(), now, null);
            attachUploads(input.comment().uploads(), comment, actor);
        }
        if (input.status() != null) {
            ticket.changeStatus(input.status(), audit, now);
        } else {
            ticket.openIfNewAndAssigned(audit, now);
        }
        if (!audit.hasEvents()) {
            entityManager.remove(audit);
            return new Change(ticket, null);
        }
        runHooks(ticket, audit, actor, false, comment == null ? List.of() : List.of(comment), now);
        return new Change(writer.saved(ticket), audit, comment == null ? List.of() : List.of(comment),
                comment != null && !input.comment().uploads().isEmpty());
    }

    /**
     * The requester (or a CC) replies to their request, or marks it solved. The ticket must come from the
     * access policy's end-user view; a reply is public and reopens a pending or solved ticket.
     */
    @Transactional
    public Change updateAsRequester(Ticket visibleTicket, CommentInput comment, boolean solve, List<CcInput> addCcs, Actor actor) {
        Ticket ticket = tickets.findById(visibleTicket.getId()).orElseThrow(NotFound::new);
        CommentBody body = comment == null ? null : CommentBody.of(comment.body(), comment.htmlBody());
        checkUploads(comment, actor);
        if (solve && !canBeSolvedBy(ticket, actor)) {
            throw InvalidInput.of("solved", "err.ticket.cannotSolve", "Solved: this request cannot be solved by you");
        }
        Set<Long> ccs = addCcs == null || addCcs.isEmpty() ? null : resolveCcs(addCcs, ticket.getCollaboratorIds(), actor);
        Instant now = Instant.now();
        Audit audit = ticket.beginAudit(actor, Channel.API, now);
        entityManager.persist(audit);
        if (ccs != null) {
            ticket.replaceCollaborators(ccs, audit, now);
        }
        Comment written = null;
        if (body != null) {
            // End users never choose visibility: the comment follows the ticket (R12).
            written = writer.comment(ticket, audit, actor, actor.id(), body, null, Channel.API, now, null);
            attachUploads(comment.uploads(), written, actor);
            if (!solve) {
                ticket.reopenOnRequesterReply(audit, now);
            }
        }
        if (solve) {
            ticket.changeStatus(TicketStatus.SOLVED, audit, now);
        }
        if (!audit.hasEvents()) {
            entityManager.remove(audit);
            return new Change(ticket, null);
        }
        runHooks(ticket, audit, actor, false, written == null ? List.of() : List.of(written), now);
        return new Change(writer.saved(ticket), audit);
    }

    private void checkUploads(CommentInput comment, Actor actor) {
        if (comment == null || comment.uploads().isEmpty()) {
            return;
        }
        if (uploads.isEmpty()) {
            throw InvalidInput.of("comment.uploads", "err.uploads.unavailable", "Uploads: attachments are not available");
        }
        uploads.forEach(u -> u.check(comment.uploads(), actor));
    }

    private void attachUploads(List<String> tokens, Comment comment, Actor actor) {
        if (!tokens.isEmpty()) {
            uploads.forEach(u -> u.attach(tokens, comment, actor));
        }
    }

    /** Zendesk's {@code can_be_solved_by_me}: the requester, while the ticket is unsolved. */
    public static boolean canBeSolvedBy(Ticket ticket, Actor actor) {
        return ticket.getRequesterId() == actor.id() && ticket.getStatus().isUnsolved();
    }

    /**
     * Closes a ticket that is still solved and was solved before {@code solvedBefore} (checked again here, in the
     * closing's transaction); false when it changed meanwhile. See {@link SolvedTicketClosing}.
     */
    @Transactional
    public boolean closeSolved(long ticketId, Instant solvedBefore, Actor actor) {
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElse(null);
        if (ticket == null || ticket.getStatus() != TicketStatus.SOLVED || ticket.getSolvedAt() == null
                || !ticket.getSolvedAt().isBefore(solvedBefore)) {
            return false;
        }
        update(ticketId, TicketChanges.status(TicketStatus.CLOSED, Channel.RULE), actor);
        return true;
    }

    /** R16–R18: an agent turns a public comment into an internal note. */
    @Transactional
    public Change makeCommentPrivate(long ticketId, long commentId, Actor actor) {
        requireAgent(actor);
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
        Comment comment = comments.findById(commentId).filter(c -> c.getTicketId() == ticketId).orElseThrow(NotFound::new);
        return makePrivate(ticket, comment, actor);
    }

    /**
     * Zendesk's comment redaction: {@code text} is removed from the comment for good (see {@link Comment#redact}),
     * recorded in an audit without the text. Agents only; no trigger runs and nobody is notified.
     */
    @Transactional
    public Change redactComment(long ticketId, long commentId, String text, Channel via, Actor actor) {
        requireAgent(actor);
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("text", "err.redaction.blank", "Text: give the text to redact");
        }
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
        Comment comment = comments.findById(commentId).filter(c -> c.getTicketId() == ticketId).orElseThrow(NotFound::new);
        Instant now = Instant.now();
        Audit audit = ticket.beginAudit(actor, via, now);
        entityManager.persist(audit);
        ticket.redactComment(comment, text, audit, now);
        return new Change(writer.saved(ticket), audit, List.of(comment));
    }

    /**
     * Zendesk's attachment redaction: the comment's file is replaced by an empty {@code redacted.txt} for good,
     * recorded in an audit. Agents only; no trigger runs and nobody is notified.
     */
    @Transactional
    public Change redactAttachment(long ticketId, long commentId, long attachmentId, Channel via, Actor actor) {
        requireAgent(actor);
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
        Comment comment = comments.findById(commentId).filter(c -> c.getTicketId() == ticketId).orElseThrow(NotFound::new);
        if (uploads.isEmpty()) {
            throw new NotFound();
        }
        uploads.forEach(u -> u.redact(comment, attachmentId));
        Instant now = Instant.now();
        Audit audit = ticket.beginAudit(actor, via, now);
        entityManager.persist(audit);
        ticket.attachmentRedacted(comment, attachmentId, audit, now);
        return new Change(writer.saved(ticket), audit, List.of(comment));
    }

    /** The older Zendesk variant, keyed by the audit that created the comment (zendesk-java-client uses it). */
    @Transactional
    public Change makeAuditCommentPrivate(long ticketId, long auditId, Actor actor) {
        requireAgent(actor);
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
        Comment comment = comments.findFirstByTicketIdAndAuditIdOrderByIdAsc(ticketId, auditId).orElseThrow(NotFound::new);
        return makePrivate(ticket, comment, actor);
    }

    private Change makePrivate(Ticket ticket, Comment comment, Actor actor) {
        if (!comment.isPublic()) {
            return new Change(ticket, null);
        }
        Instant now = Instant.now();
        Audit audit = ticket.beginAudit(actor, Channel.API, now);
        entityManager.persist(audit);
        ticket.makeCommentPrivate(comment, audit, actor, now);
        runHooks(ticket, audit, actor, false, List.of(), now);
        return new Change(writer.saved(ticket), audit);
    }

    /** Business rules (triggers) and notifications, in this transaction: they commit or roll back with the change. */
    void runHooks(Ticket ticket, Audit audit, Actor actor, boolean created, List<Comment> written, Instant now) {
        if (hooks.isEmpty()) {
            return;
        }
        TicketUpdate update = new TicketUpdate(ticket, audit, actor, created, written, now);
        for (TicketChangeHook hook : hooks) {
            hook.afterChange(update);
        }
    }

    @Transactional
    public void delete(long ticketId, Actor actor) {
        requireAgent(actor);
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
        ticket.delete(actor, Instant.now());
        writer.saved(ticket);
    }

    /** Zendesk's restore of deleted tickets, all or none: 404 when one of them is not a deleted ticket. */
    @Transactional
    public void restore(List<Long> ticketIds, Actor actor) {
        requireAgent(actor);
        Instant now = Instant.now();
        for (long id : ticketIds) {
            Ticket ticket = tickets.findById(id).filter(Ticket::isDeleted).orElseThrow(NotFound::new);
            ticket.restore(actor, now);
            writer.saved(ticket);
        }
    }

    /** Zendesk's {@code deleted_tickets}: for agents. */
    @Transactional(readOnly = true)
    public Paging.Result<Ticket> deleted(PageParams params, Paging.Ordering ordering, Actor actor) {
        requireAgent(actor);
        return Paging.fetch(tickets, (root, q, cb) -> cb.isNotNull(root.get("deletedAt")), params, ordering);
    }

    /** Those of the given tickets that are deleted, by id (a confirmation names them before they go for good). */
    @Transactional(readOnly = true)
    public List<Ticket> deletedTickets(Collection<Long> ticketIds, Actor actor) {
        requireAgent(actor);
        return tickets.findAllById(ticketIds).stream().filter(Ticket::isDeleted)
                .sorted(Comparator.comparing(Ticket::getId)).toList();
    }

    static void requireAgent(Actor actor) {
        if (!actor.isAgent()) {
            throw new org.kontor.common.Forbidden("Only agents can work tickets");
        }
    }

    private static CommentInput requireComment(CommentInput comment) {
        if (comment == null || ((comment.body() == null || comment.body().isBlank())
                && (comment.htmlBody() == null || comment.htmlBody().isBlank()))) {
            throw InvalidInput.of("comment", "err.ticket.firstComment", "Comment: a ticket needs a first comment (comment.body or comment.html_body)");
        }
        return comment;
    }

    private User resolveRequester(Long requesterId, PersonInput requester, Actor actor) {
        if (requesterId != null) {
            return users.find(requesterId).filter(User::isActive)
                    .orElseThrow(() -> InvalidInput.of("requester_id", "err.requester.missing", "Requester: user " + requesterId + " does not exist", requesterId));
        }
        if (requester != null) {
            if ((requester.email() == null || requester.email().isBlank()) && (requester.phone() == null || requester.phone().isBlank())) {
                throw InvalidInput.of("requester", "err.requester.contactRequired", "Requester: an email address or a phone number is required");
            }
            return users.findOrCreateRequester(requester.name(), requester.email(), requester.phone(), requester.locale(), actor);
        }
        return users.get(actor.id());
    }

    private static Long resolveOrganization(Long organizationId, User requester) {
        if (organizationId == null) {
            return requester.getOrganizationId();
        }
        if (!organizationId.equals(requester.getOrganizationId())) {
            throw InvalidInput.of("organization_id", "err.ticket.organizationNotRequesters", "Organization: the requester is not a member of organization " + organizationId, organizationId);
        }
        return organizationId;
    }

    private Long resolveAssignee(Long assigneeId, String assigneeEmail) {
        User assignee = null;
        if (assigneeId != null) {
            assignee = users.find(assigneeId)
                    .orElseThrow(() -> InvalidInput.of("assignee_id", "err.assignee.missing", "Assignee: user " + assigneeId + " does not exist", assigneeId));
        } else if (assigneeEmail != null && !assigneeEmail.isBlank()) {
            assignee = users.findByEmail(assigneeEmail)
                    .orElseThrow(() -> InvalidInput.of("assignee_email", "err.assignee.noSuchEmail", "Assignee: no user has the email " + assigneeEmail, assigneeEmail));
        }
        if (assignee == null) {
            return null;
        }
        if (!assignee.isAgent() || !assignee.canSignIn()) {
            throw InvalidInput.of("assignee_id", "err.assignee.notActiveAgent", "Assignee: " + assignee.getName() + " is not an active agent", assignee.getName());
        }
        return assignee.getId();
    }

    private Long resolveGroup(Long groupId, Long assigneeId) {
        if (groupId == null) {
            return assigneeId == null ? null : groups.defaultGroupOf(assigneeId).orElse(null);
        }
        groups.findActive(groupId).orElseThrow(() -> InvalidInput.of("group_id", "err.group.missing", "Group: " + groupId + " does not exist", groupId));
        if (assigneeId != null) {
            requireMember(assigneeId, groupId);
        }
        return groupId;
    }

    private void requireMember(long assigneeId, long groupId) {
        if (!groups.isMember(assigneeId, groupId)) {
            throw InvalidInput.of("assignee_id", "err.assignee.notInGroup", "Assignee: agent " + assigneeId + " is not a member of group " + groupId, assigneeId, groupId);
        }
    }

    private long resolveAuthor(Long authorId, Actor actor) {
        if (authorId == null) {
            return actor.id();
        }
        return users.find(authorId).map(User::getId)
                .orElseThrow(() -> InvalidInput.of("comment.author_id", "err.author.missing", "Author: user " + authorId + " does not exist", authorId));
    }

    private Set<Long> resolveCcIds(List<Long> ids) {
        Set<Long> result = new LinkedHashSet<>();
        for (Long id : ids) {
            users.find(id).orElseThrow(() -> InvalidInput.of("collaborator_ids", "err.ccs.missing", "CCs: user " + id + " does not exist", id));
            result.add(id);
        }
        return result;
    }

    private Set<Long> resolveCcs(List<CcInput> changes, Set<Long> base, Actor actor) {
        Set<Long> result = new LinkedHashSet<>(base);
        if (changes == null) {
            return result;
        }
        for (CcInput cc : changes) {
            Long id;
            if (cc.userId() != null) {
                id = users.find(cc.userId()).map(User::getId)
                        .orElseThrow(() -> InvalidInput.of("email_ccs", "err.ccs.missing", "CCs: user " + cc.userId() + " does not exist", cc.userId()));
            } else if (cc.email() != null && !cc.email().isBlank()) {
                id = cc.remove() ? users.findByEmail(cc.email()).map(User::getId).orElse(null)
                        : users.findOrCreateRequester(cc.name(), cc.email(), null, null, actor).getId();
            } else {
                throw InvalidInput.of("email_ccs", "err.ccs.userRequired", "CCs: each CC needs a user_id or a user_email");
            }
            if (id == null) {
                continue;
            }
            if (cc.remove()) {
                result.remove(id);
            } else {
                result.add(id);
            }
        }
        return result;
    }

    private static Set<String> normalizeTags(List<String> tags) {
        Set<String> result = new java.util.TreeSet<>();
        if (tags == null) {
            return result;
        }
        List<String> invalid = new ArrayList<>();
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            for (String t : tag.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > 80) {
                    invalid.add(t);
                } else {
                    result.add(t);
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw InvalidInput.of("tags", "err.tags.tooLong", "Tags: longer than 80 characters: " + invalid, invalid);
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
