package org.kontor.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.attachment.AttachmentTooLarge;
import org.kontor.attachment.Attachments;
import org.kontor.attachment.web.FormUploads;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.common.RuleViolation;
import org.kontor.macro.MacroService;
import org.kontor.macro.Proposal;
import org.kontor.publication.ScheduledPublications;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Audit;
import org.kontor.ticket.AuditEvent;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Comment;
import org.kontor.ticket.VoiceCall;
import org.kontor.ticket.Patch;
import org.kontor.ticket.Priority;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketInput.CcInput;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.TicketChanges;
import org.kontor.ticket.TicketPrivacy;
import org.kontor.ticket.TicketMerge;
import org.kontor.ticket.TicketService;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket page: conversation (public replies and internal notes), requester and CCs, assignment, status,
 * the privacy state with its reason, "Make private" where R17 allows it, the audit trail (V3), the composer
 * (R12 default, R15 warning, K2 undo window), "View as requester" (K3) and "Schedule publication" (K1). Reads go through VisibleTickets,
 * changes through TicketService.
 */
@Controller
class TicketPage {
    private static final int MAX_SHOWN = 100;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final List<TicketStatus> SUBMIT_STATUSES =
            List.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD, TicketStatus.SOLVED);

    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final TicketService tickets;
    private final UserService users;
    private final Directory directory;
    private final MessageSource messages;
    private final int undoSeconds;
    private final ScheduledPublications publications;
    private final Attachments attachments;

    private final TicketMerge merge;
    private final MacroService macros;

    TicketPage(VisibleTickets visible, AccessPolicy policy, TicketService tickets, UserService users, Directory directory,
               MessageSource messages, @Value("${kontor.workspace.publish-undo-seconds:10}") int undoSeconds,
               ScheduledPublications publications, Attachments attachments, TicketMerge merge, MacroService macros) {
        this.merge = merge;
        this.macros = macros;
        this.attachments = attachments;
        this.publications = publications;
        this.visible = visible;
        this.policy = policy;
        this.tickets = tickets;
        this.users = users;
        this.directory = directory;
        this.messages = messages;
        this.undoSeconds = undoSeconds;
    }

    /** {@code voice} is the call of a voice comment (C1), shown to agents only; null for other comments. */
    public record CommentView(long id, String author, String when, String body, boolean isPublic, String madePrivateAt,
                              VoiceCall voice) {
    }

    public record AuditView(String author, String when, List<String> lines) {
    }

    /** The values the ticket's field controls start with: the ticket's, or a macro's proposal. */
    public record FieldValues(Long assigneeId, Long groupId, Priority priority, TicketType type, java.util.Collection<String> tags) {
        public String priorityWire() {
            return priority == null ? null : priority.wire();
        }

        public String typeWire() {
            return type == null ? null : type.wire();
        }

        public String tagsText() {
            return String.join(" ", tags);
        }
    }

    /** What "Make private" may do on this ticket now (R16/R17), asked of TicketPrivacy. */
    public record MakePrivateState(boolean allowed, String reasonKey) {
    }

    /** {@code macro}: the page with that macro's proposal in the composer and fields, nothing saved until Submit. */
    @GetMapping("/agent/tickets/{id}")
    String show(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam(required = false) Long macro,
                Model model) {
        Viewer viewer = policy.viewerFor(me.actor());
        Ticket ticket = visible.ticket(viewer, id);
        List<Comment> comments = visible.comments(viewer, id, page(), new Paging.Ordering(Paging.SortKey.ID, true), null).items();
        List<Audit> audits = visible.audits(viewer, id, page(), new Paging.Ordering(Paging.SortKey.ID, true)).items();
        Set<Long> ids = new HashSet<>(ticket.getCollaboratorIds());
        ids.add(ticket.getRequesterId());
        ids.add(ticket.getSubmitterId());
        comments.forEach(c -> ids.add(c.getAuthorId()));
        audits.forEach(a -> ids.add(a.getAuthorId()));
        Map<Long, String> names = directory.names(ids);
        Formats fmt = new Formats();

        model.addAttribute("ticket", ticket);
        model.addAttribute("requester", users.find(ticket.getRequesterId()).map(directory::person).orElse(null));
        model.addAttribute("ccs", directory.people(users.findAll(ticket.getCollaboratorIds())));
        model.addAttribute("comments", comments.stream().map(c -> new CommentView(c.getId(), names.get(c.getAuthorId()),
                fmt.dateTime(c.getCreatedAt()), c.getPlainBody(), c.isPublic(),
                c.getMadePrivateAt() == null ? null : fmt.dateTime(c.getMadePrivateAt()), c.getVoice())).toList());
        model.addAttribute("files", attachments.viewsOfComments(viewer, ticket, comments));
        model.addAttribute("audits", audits.stream().map(a -> new AuditView(names.get(a.getAuthorId()),
                fmt.dateTime(a.getCreatedAt()), lines(a, names))).toList());
        model.addAttribute("privacyReason", privacyReason(ticket.privacy()));
        model.addAttribute("makePrivate", makePrivateState(ticket.privacy()));
        Proposal proposal = null;
        if (macro != null) {
            try {
                proposal = macros.apply(id, macro, me.actor());
                model.addAttribute("macroApplied", proposal.macroTitle());
                model.addAttribute("proposal", proposal);
                if (proposal.comment() != null) {
                    model.addAttribute("draft", proposal.comment());
                }
                if (proposal.commentPublic() != null) {
                    model.addAttribute("draftMode", proposal.commentPublic() ? "public" : "internal");
                }
            } catch (NotFound e) {
                model.addAttribute("errors", List.of(msg("ws.macro.notFound")));
            }
        }
        Object draftMode = model.getAttribute("draftMode");
        model.addAttribute("defaultMode", "public".equals(draftMode) || "internal".equals(draftMode) ? draftMode
                : ticket.privacy().nextCommentStartsPublic() ? "public" : "internal");
        model.addAttribute("undoSeconds", undoSeconds);
        TicketStatus mainStatus = proposal == null ? ticket.getStatus() : proposal.status();
        model.addAttribute("mainStatus", mainStatus.wire());
        model.addAttribute("statuses", SUBMIT_STATUSES.stream().filter(s -> s != mainStatus).toList());
        model.addAttribute("macros", macros.menu(me.actor()));
        model.addAttribute("agents", directory.agents());
        model.addAttribute("groups", directory.groups());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("fields", proposal == null
                ? new FieldValues(ticket.getAssigneeId(), ticket.getGroupId(), ticket.getPriority(), ticket.getType(), ticket.getTags())
                : new FieldValues(proposal.assigneeId(), proposal.groupId(), proposal.priority(), proposal.type(), proposal.tags()));
        publications.pending(id, me.actor()).ifPresent(p -> {
            model.addAttribute("publication", p);
            model.addAttribute("publicationAt", fmt.dateTime(p.getPublishAt()));
            model.addAttribute("publicationInput", LOCAL_INPUT.format(p.getPublishAt().atZone(me.zone())));
        });
        // "Z" would puzzle people; an agent without a time zone of their own works in UTC.
        model.addAttribute("zone", me.zone().equals(java.time.ZoneOffset.UTC) ? "UTC" : me.zone().getId());
        return "agent/ticket";
    }

    @PostMapping("/agent/tickets/{id}")
    String update(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                  @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String mode,
                  @RequestParam(required = false) String status, @RequestParam(required = false) Long assigneeId,
                  @RequestParam(required = false) Long groupId, @RequestParam(required = false) String priority,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String tags,
                  @RequestParam(required = false) String addCc, @RequestParam(required = false) String subject,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        visible.ticket(policy.viewerFor(me.actor()), id);
        try {
            if (FormUploads.any(files) && body.isBlank()) {
                throw new InvalidInput("files", msg("att.needsComment"));
            }
            String uploads = FormUploads.upload(attachments, files, me.actor());
            CommentInput comment = body.isBlank() ? null
                    : new CommentInput(body, null, mode.isBlank() ? null : "public".equals(mode), null,
                    uploads == null ? List.of() : List.of(uploads));
            List<CcInput> ccs = Forms.blankToNull(addCc) == null ? null : List.of(new CcInput(null, addCc.trim(), null, false));
            TicketStatus newStatus = status == null ? null : TicketStatus.parse(status)
                    .orElseThrow(() -> InvalidInput.of("status", "err.status.unknown", "Status: unknown"));
            tickets.update(id, new TicketChanges(subject == null || subject.isBlank() ? null : Patch.of(subject.strip()), comment, null, null, Patch.of(assigneeId), null, Patch.of(groupId),
                    null, newStatus, Patch.of(Priority.parse(priority).orElse(null)),
                    Patch.of(TicketType.parse(type).orElse(null)), tags == null ? null : Forms.tags(tags), null, null,
                    null, ccs, null, null, false, null, Channel.WEB), me.actor());
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | RuleViolation | Forbidden e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
            redirect.addFlashAttribute("draft", body);
        } catch (AttachmentTooLarge e) {
            // Nothing was changed: the composer comes back with the text and comment type; files are chosen again.
            redirect.addFlashAttribute("filesError", FormUploads.tooLarge(e, messages));
            redirect.addFlashAttribute("draft", body);
            redirect.addFlashAttribute("draftMode", mode);
        }
        return "redirect:/agent/tickets/" + id;
    }

    /** K1: schedules (or changes) when the public reply of a private ticket is posted, in the agent's time zone. */
    @PostMapping("/agent/tickets/{id}/publication")
    String schedulePublication(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                               @RequestParam(defaultValue = "") String publicationBody,
                               @RequestParam(defaultValue = "") String publishAt, RedirectAttributes redirect) {
        try {
            Instant at;
            try {
                at = LocalDateTime.parse(publishAt).atZone(me.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("publish_at", "err.publishAt.required", "Publish at: choose a date and time");
            }
            publications.schedule(id, publicationBody, at, me.actor());
            redirect.addFlashAttribute("scheduled", true);
        } catch (InvalidInput | RuleViolation e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/agent/tickets/" + id;
    }

    @PostMapping("/agent/tickets/{id}/publication/cancel")
    String cancelPublication(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        visible.ticket(policy.viewerFor(me.actor()), id);
        publications.cancel(id, me.actor());
        redirect.addFlashAttribute("publicationCancelled", true);
        return "redirect:/agent/tickets/" + id;
    }

    /** R17: a public comment becomes an internal note; R16 may refuse, and the page says why. */
    @PostMapping("/agent/tickets/{id}/comments/{commentId}/make-private")
    String makePrivate(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @PathVariable long commentId,
                       RedirectAttributes redirect) {
        visible.comment(policy.viewerFor(me.actor()), id, commentId);
        try {
            tickets.makeCommentPrivate(id, commentId, me.actor());
            redirect.addFlashAttribute("madePrivate", true);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/agent/tickets/" + id;
    }

    /** Merges this ticket into the one given by number (see {@link TicketMerge}); the target's page shows the result. */
    @PostMapping("/agent/tickets/{id}/merge")
    String merge(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam(defaultValue = "") String target,
                 @RequestParam(defaultValue = "false") boolean publicComments, RedirectAttributes redirect) {
        visible.ticket(policy.viewerFor(me.actor()), id);
        String number = target.strip().replaceFirst("^#", "");
        try {
            if (!number.matches("\\d{1,18}")) {
                throw InvalidInput.of("target", "err.merge.target", "Ticket number: give the number of the ticket to merge into");
            }
            long into = Long.parseLong(number);
            merge.merge(into, List.of(id), new TicketMerge.Comments(null, publicComments, null, publicComments), Channel.WEB, me.actor());
            redirect.addFlashAttribute("mergedFrom", String.valueOf(id));
            return "redirect:/agent/tickets/" + into;
        } catch (InvalidInput | NotFound e) {
            redirect.addFlashAttribute("errors", e instanceof NotFound
                    ? List.of(messages.getMessage("err.merge.notFound", new Object[] {number},
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                    : Forms.errors(e, messages));
            return "redirect:/agent/tickets/" + id;
        }
    }

    /** Zendesk's redaction: the text goes from the comment for good; a text not found is refused, and the page says so. */
    @PostMapping("/agent/tickets/{id}/comments/{commentId}/redact")
    String redact(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @PathVariable long commentId,
                  @RequestParam(required = false) String text, RedirectAttributes redirect) {
        visible.comment(policy.viewerFor(me.actor()), id, commentId);
        try {
            tickets.redactComment(id, commentId, text, Channel.WEB, me.actor());
            redirect.addFlashAttribute("redacted", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/agent/tickets/" + id;
    }

    /** Zendesk's attachment redaction: the file becomes an empty redacted.txt for everyone, for good. */
    @PostMapping("/agent/tickets/{id}/comments/{commentId}/attachments/{attachmentId}/redact")
    String redactAttachment(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @PathVariable long commentId,
                            @PathVariable long attachmentId, RedirectAttributes redirect) {
        Viewer viewer = policy.viewerFor(me.actor());
        visible.comment(viewer, id, commentId);
        String name = attachments.get(viewer, attachmentId).getFileName();
        tickets.redactAttachment(id, commentId, attachmentId, Channel.WEB, me.actor());
        redirect.addFlashAttribute("fileRedacted", name);
        return "redirect:/agent/tickets/" + id;
    }

    /** K3: exactly what the requester sees, through the same access policy the Help Center and Requests API use. */
    @GetMapping("/agent/tickets/{id}/as-requester")
    String asRequester(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        Ticket ticket = visible.ticket(policy.viewerFor(me.actor()), id);
        User requester = users.get(ticket.getRequesterId());
        Viewer theirs = policy.endUserView(Actor.of(requester));
        boolean canSee = visible.findTicket(theirs, id).isPresent();
        List<Comment> seen = canSee
                ? visible.comments(theirs, id, page(), new Paging.Ordering(Paging.SortKey.ID, true), null).items() : List.of();
        Map<Long, String> names = directory.names(seen.stream().map(Comment::getAuthorId).toList());
        Formats fmt = new Formats();
        model.addAttribute("ticket", ticket);
        model.addAttribute("requesterName", requester.getName());
        model.addAttribute("canSee", canSee);
        model.addAttribute("comments", seen.stream().map(c -> new CommentView(c.getId(), names.get(c.getAuthorId()),
                fmt.dateTime(c.getCreatedAt()), c.getPlainBody(), c.isPublic(), null, null)).toList());
        // K3: the files exactly as the requester would read them (their view, through the access policy).
        model.addAttribute("files", canSee ? attachments.viewsOfComments(theirs, ticket, seen) : Map.of());
        return "agent/as-requester";
    }

    private static PageParams page() {
        return new PageParams(false, 1, MAX_SHOWN, null, null);
    }

    private static String privacyReason(TicketPrivacy privacy) {
        if (privacy.isPublic()) {
            return privacy.wasMadePublicFromPrivate() ? "ws.privacy.reason.madePublic" : "ws.privacy.reason.public";
        }
        return privacy.publicCommentsEver() == 0 ? "ws.privacy.reason.createdPrivate" : "ws.privacy.reason.madePrivate";
    }

    private static MakePrivateState makePrivateState(TicketPrivacy privacy) {
        if (!privacy.canCommentBeMadePrivate()) {
            return new MakePrivateState(false, "ws.makePrivate.refusedR16");
        }
        return new MakePrivateState(true, privacy.makingCommentPrivateWouldHideTicket()
                ? "ws.makePrivate.hidesTicket" : "ws.makePrivate.hidesComment");
    }

    /** V3: each audit's events in words; visibility changes named as such. */
    private List<String> lines(Audit audit, Map<Long, String> names) {
        List<String> out = new ArrayList<>();
        for (AuditEvent e : audit.getEvents()) {
            String field = e.getFieldName();
            String line = switch (e.getType()) {
                case COMMENT -> msg(Boolean.TRUE.equals(e.getIsPublic()) ? "ws.event.publicReply" : "ws.event.internalNote",
                        String.valueOf(e.getCommentId()));
                case COMMENT_PRIVACY_CHANGE -> msg("ws.event.commentMadePrivate", String.valueOf(e.getCommentId()));
                case COMMENT_REDACTION -> msg("ws.event.commentRedacted", String.valueOf(e.getCommentId()));
                case ATTACHMENT_REDACTION -> msg("ws.event.attachmentRedacted", String.valueOf(e.getCommentId()));
                case CREATE -> "is_public".equals(field) ? msg("ws.event.createdAs", visibility(e.value())) : null;
                case CHANGE -> "is_public".equals(field)
                        ? msg("ws.event.visibility", visibility(e.previousValue()), visibility(e.value()))
                        : msg("ws.event.change", field, show(e.previousValue()), show(e.value()));
            };
            if (line != null && e.getViaRuleId() != null) {
                line = msg("ws.event.byRule", line, e.getViaRuleTitle());
            }
            if (line != null) {
                out.add(line);
            }
        }
        return out;
    }

    private String visibility(Object value) {
        return msg("true".equals(String.valueOf(value)) ? "ws.privacy.public" : "ws.privacy.private");
    }

    private static String show(Object value) {
        return value == null ? "–" : Objects.toString(value);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
