package org.kontor.workspace;

import java.util.List;
import org.kontor.attachment.AttachmentTooLarge;
import org.kontor.attachment.Attachments;
import org.kontor.attachment.web.FormUploads;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.RuleViolation;
import org.kontor.security.KontorUser;
import org.kontor.settings.AccountSettingsService;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Priority;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.NewTicket;
import org.kontor.ticket.TicketService;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import org.kontor.user.UserService;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "+ Add → Ticket": a new ticket on behalf of a requester (R1–R3), with the composer starting on Internal note
 * when private ticket creation is on (R9), submitted with a status (R5), with files on the first comment. TicketService
 * decides every rule; the access policy who may read the files (an internal note's: agents only, V1).
 */
@Controller
class NewTicketPage {
    private final TicketService tickets;
    private final AccountSettingsService settings;
    private final Directory directory;
    private final UserService users;
    private final MessageSource messages;
    private final Attachments attachments;

    NewTicketPage(TicketService tickets, AccountSettingsService settings, Directory directory, UserService users,
                  MessageSource messages, Attachments attachments) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.settings = settings;
        this.directory = directory;
        this.users = users;
        this.messages = messages;
    }

    /** R4: {@code ?requester=ID} (from a user's profile) opens the page with that requester filled in. */
    @GetMapping("/agent/tickets/new")
    String form(@RequestParam(name = "requester", required = false) Long requesterId, Model model) {
        boolean privateEnabled = settings.tickets().firstCommentPrivateEnabled();
        return page(model, NewTicketForm.empty(requesterId, privateEnabled ? "internal" : "public"), List.of());
    }

    @PostMapping("/agent/tickets")
    String create(@AuthenticationPrincipal KontorUser me, @ModelAttribute NewTicketForm form,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        try {
            TicketStatus status = form.status() == null ? null : TicketStatus.parse(form.status())
                    .orElseThrow(() -> InvalidInput.of("status", "err.status.unknown", "Status: unknown"));
            String uploads = FormUploads.upload(attachments, files, me.actor());
            NewTicket input = new NewTicket(Forms.blankToNull(form.subject()),
                    new CommentInput(form.body(), null, !form.internal(), null, uploads == null ? List.of() : List.of(uploads)),
                    form.requesterId(), null, form.assigneeId(), null, form.groupId(), null, status,
                    Priority.parse(form.priority()).orElse(null), TicketType.parse(form.type()).orElse(null),
                    Forms.tags(form.tags()), null, null, null, Channel.WEB);
            long id = tickets.create(input, me.actor()).ticket().getId();
            return "redirect:/agent/tickets/" + id;
        } catch (InvalidInput | RuleViolation | Forbidden e) {
            return page(model, form, Forms.errors(e, messages));
        } catch (AttachmentTooLarge e) {
            // The form comes back as the agent filled it in; only the files must be chosen again.
            model.addAttribute("filesError", FormUploads.tooLarge(e, messages));
            return page(model, form, List.of());
        }
    }

    private String page(Model model, NewTicketForm form, List<String> errors) {
        requesterWidget(model, form.requesterId() == null ? null
                : users.find(form.requesterId()).map(directory::person).orElse(null), directory);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("privateEnabled", settings.tickets().firstCommentPrivateEnabled());
        model.addAttribute("agents", directory.agents());
        model.addAttribute("groups", directory.groups());
        model.addAttribute("statuses", List.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD, TicketStatus.SOLVED));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        return "agent/ticket-new";
    }

    static void requesterWidget(Model model, Directory.Person requester, Directory directory) {
        model.addAttribute("requester", requester);
        model.addAttribute("organizations", directory.organizations());
    }
}
