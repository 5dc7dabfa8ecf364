package org.kontor.ticket;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.user.Actor;
import org.kontor.user.UserService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zendesk's merge: source tickets close into a target ticket, each with a comment saying so, and the target gets one
 * comment naming them. What the comments may show is decided here, so that a merge never shows one requester's
 * conversation to another:
 * <ul>
 *   <li>the comments are internal notes unless the caller asks for public ones, and always internal when any of the
 *       tickets is private (as Zendesk: "comments are private and can't be modified");</li>
 *   <li>Kontor's default texts name the other tickets by number only in a public comment; an internal note also gives
 *       the source's subject and quotes its last comment, for the agents;</li>
 *   <li>nobody is added to the target (Zendesk adds the source requester as a CC, which would show them the target's
 *       public conversation).</li>
 * </ul>
 * Every change goes through the ordinary audit and triggers. At most {@value #MAX_SOURCES} sources, as Zendesk.
 */
@Service
public class TicketMerge {
    public static final int MAX_SOURCES = 5;
    /** Five quoted comments stay within one comment's length. */
    private static final int QUOTED_MAX = 10_000;

    private final TicketRepository tickets;
    private final CommentRepository comments;
    private final UserService users;
    private final TicketService service;
    private final TicketWriter writer;
    private final EntityManager entityManager;
    private final MessageSource messages;

    TicketMerge(TicketRepository tickets, CommentRepository comments, UserService users, TicketService service,
                TicketWriter writer, EntityManager entityManager, MessageSource messages) {
        this.tickets = tickets;
        this.comments = comments;
        this.users = users;
        this.service = service;
        this.writer = writer;
        this.entityManager = entityManager;
        this.messages = messages;
    }

    /** The comments asked for: a blank text means Kontor's default text; null publicity means internal. */
    public record Comments(String source, Boolean sourcePublic, String target, Boolean targetPublic) {
    }

    /** Checks everything a merge checks before it changes anything (a queued merge checks again when it runs). */
    @Transactional(readOnly = true)
    public void check(long targetId, List<Long> sourceIds, Comments asked, Actor actor) {
        parties(targetId, sourceIds, actor);
        for (String text : new String[] {asked.source(), asked.target()}) {
            if (!blank(text)) {
                CommentBody.of(text, null);
            }
        }
    }

    @Transactional
    public void merge(long targetId, List<Long> sourceIds, Comments asked, Channel via, Actor actor) {
        List<Ticket> parties = parties(targetId, sourceIds, actor);
        Ticket target = parties.get(0);
        List<Ticket> sources = parties.subList(1, parties.size());
        boolean anyPrivate = parties.stream().anyMatch(t -> !t.isPublic());
        boolean sourcePublic = !anyPrivate && Boolean.TRUE.equals(asked.sourcePublic());
        boolean targetPublic = !anyPrivate && Boolean.TRUE.equals(asked.targetPublic());
        // Quoted in the target's internal note: each source's last comment before the merge writes its own.
        java.util.Map<Long, String> lastComments = new java.util.HashMap<>();
        for (Ticket source : sources) {
            comments.findFirstByTicketIdOrderByIdDesc(source.getId()).ifPresent(c -> lastComments.put(source.getId(), c.getPlainBody()));
        }
        Instant now = Instant.now();
        for (Ticket source : sources) {
            String text = blank(asked.source()) ? sourceText(source, target, sourcePublic) : asked.source();
            Audit audit = source.beginAudit(actor, via, now);
            entityManager.persist(audit);
            Comment comment = writer.comment(source, audit, actor, actor.id(), CommentBody.of(text, null), sourcePublic, via, now, null);
            source.closeAsMerged(audit, now);
            service.runHooks(source, audit, actor, false, List.of(comment), now);
            writer.saved(source);
        }
        String text = blank(asked.target()) ? targetText(target, sources, lastComments, targetPublic) : asked.target();
        Audit audit = target.beginAudit(actor, via, now);
        entityManager.persist(audit);
        Comment comment = writer.comment(target, audit, actor, actor.id(), CommentBody.of(text, null), targetPublic, via, now, null);
        service.runHooks(target, audit, actor, false, List.of(comment), now);
        writer.saved(target);
    }

    /** The target first, then the sources; refused before anything changes. */
    private List<Ticket> parties(long targetId, List<Long> sourceIds, Actor actor) {
        TicketService.requireAgent(actor);
        if (sourceIds == null || sourceIds.isEmpty() || sourceIds.size() > MAX_SOURCES) {
            throw InvalidInput.of("ids", "err.merge.count", "Ids: from 1 to " + MAX_SOURCES + " tickets to merge", MAX_SOURCES);
        }
        if (sourceIds.contains(targetId)) {
            throw InvalidInput.of("ids", "err.merge.intoItself", "Ids: a ticket cannot be merged into itself");
        }
        if (new HashSet<>(sourceIds).size() != sourceIds.size()) {
            throw InvalidInput.of("ids", "err.merge.twice", "Ids: each ticket can be merged once");
        }
        List<Ticket> parties = new ArrayList<>();
        for (long id : prepend(targetId, sourceIds)) {
            Ticket ticket = tickets.findById(id).filter(t -> !t.isDeleted()).orElseThrow(NotFound::new);
            if (ticket.getStatus() == TicketStatus.CLOSED) {
                throw InvalidInput.of("ids", "err.merge.closed", "Ticket #" + id + " is closed and cannot be merged", String.valueOf(id));
            }
            parties.add(ticket);
        }
        return parties;
    }

    private static List<Long> prepend(long first, List<Long> rest) {
        List<Long> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private String sourceText(Ticket source, Ticket target, boolean isPublic) {
        Locale locale = localeOf(source);
        return isPublic ? messages.getMessage("merge.source.public", new Object[] {String.valueOf(target.getId())}, locale)
                : messages.getMessage("merge.source.internal", new Object[] {String.valueOf(target.getId()), subject(target, locale)}, locale);
    }

    private String targetText(Ticket target, List<Ticket> sources, java.util.Map<Long, String> lastComments, boolean isPublic) {
        Locale locale = localeOf(target);
        StringBuilder text = new StringBuilder();
        for (Ticket source : sources) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            if (isPublic) {
                text.append(messages.getMessage("merge.target.public", new Object[] {String.valueOf(source.getId())}, locale));
            } else {
                text.append(messages.getMessage("merge.target.internal", new Object[] {String.valueOf(source.getId()), subject(source, locale)}, locale));
                String last = lastComments.get(source.getId());
                if (last != null && last.length() > QUOTED_MAX) {
                    last = last.substring(0, QUOTED_MAX) + " …";
                }
                if (last != null) {
                    text.append("\n\n").append(messages.getMessage("merge.target.lastComment", new Object[] {String.valueOf(source.getId())}, locale))
                            .append("\n\n").append(last);
                }
            }
        }
        return text.toString();
    }

    private String subject(Ticket ticket, Locale locale) {
        return ticket.getSubject() != null ? ticket.getSubject() : messages.getMessage("ws.ticket.noSubject", null, locale);
    }

    /** The requester's language: a public merge comment is written to them. */
    private Locale localeOf(Ticket ticket) {
        return users.find(ticket.getRequesterId()).map(u -> Locale.forLanguageTag(u.getLocale())).orElse(Locale.ENGLISH);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
