package org.kontor.email.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.kontor.common.InvalidInput;
import org.kontor.email.ImapPoller;
import org.kontor.email.InboundEmail;
import org.kontor.email.InboundEmails;
import org.kontor.email.Mailbox;
import org.kontor.email.Mailboxes;
import org.kontor.security.KontorUser;
import org.kontor.workspace.Forms;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/email}: support addresses with their polling status, and received mail that needs an admin. */
@Controller
class EmailAdminController {
    private final Mailboxes mailboxes;
    private final InboundEmails inbound;
    private final ImapPoller poller;
    private final MessageSource messages;

    EmailAdminController(Mailboxes mailboxes, InboundEmails inbound, ImapPoller poller, MessageSource messages) {
        this.mailboxes = mailboxes;
        this.inbound = inbound;
        this.poller = poller;
        this.messages = messages;
    }

    @GetMapping("/admin/email")
    String show(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "attention") String show, Model model) {
        List<InboundEmail.Status> statuses = switch (show) {
            case "all" -> List.of();
            case "imported" -> List.of(InboundEmail.Status.IMPORTED);
            default -> List.of(InboundEmail.Status.QUARANTINED, InboundEmail.Status.SKIPPED);
        };
        model.addAttribute("mailboxes", mailboxes.list(me.actor()));
        model.addAttribute("messages", inbound.list(statuses, 200, me.actor()));
        model.addAttribute("show", show.equals("all") || show.equals("imported") ? show : "attention");
        model.addAttribute("quarantinedCount", inbound.count(InboundEmail.Status.QUARANTINED, me.actor()));
        return "admin/email";
    }

    @PostMapping("/admin/email/mailboxes")
    String create(@AuthenticationPrincipal KontorUser me, @RequestParam String address, @RequestParam(required = false) Long groupId,
                  @RequestParam(required = false) String host, @RequestParam(required = false) Integer port,
                  @RequestParam(defaultValue = "imaps") String security, @RequestParam(required = false) String username,
                  @RequestParam(required = false) String password, @RequestParam(defaultValue = "INBOX") String folder,
                  @RequestParam(defaultValue = "mark_seen") String afterImport, @RequestParam(required = false) String moveToFolder,
                  @RequestParam(defaultValue = "60") int pollSeconds, RedirectAttributes redirect) {
        try {
            mailboxes.create(new Mailbox.Settings(address, groupId, blankToNull(host), port,
                    choice(Mailbox.Security.class, security, "Security", "err.mailbox.security"), blankToNull(username),
                    blankToNull(password), folder,
                    choice(Mailbox.AfterImport.class, afterImport, "After import", "err.mailbox.afterImport"), blankToNull(moveToFolder),
                    Duration.ofSeconds(pollSeconds), true), me.actor());
            redirect.addAttribute("saved", "");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", String.join("; ", Forms.errors(e, messages)));
        }
        return "redirect:/admin/email";
    }

    /** A choice of the form's select; a forged value is refused with a message in the admin's language. */
    private static <E extends Enum<E>> E choice(Class<E> type, String value, String label, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", "));
        throw InvalidInput.of(label, code, label + ": " + value + " is not one of " + allowed, value, allowed);
    }

    @PostMapping("/admin/email/mailboxes/{id}/poll")
    String poll(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            ImapPoller.PollResult r = poller.pollNow(id, me.actor());
            redirect.addFlashAttribute("pollResult", r);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", String.join("; ", Forms.errors(e, messages)));
        }
        return "redirect:/admin/email";
    }

    @PostMapping("/admin/email/mailboxes/{id}/enabled")
    String enable(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam boolean enabled) {
        mailboxes.update(id, new Mailbox.Settings(null, null, null, null, null, null, null, null, null, null, null, enabled), me.actor());
        return "redirect:/admin/email";
    }

    @PostMapping("/admin/email/mailboxes/{id}/delete")
    String delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        mailboxes.delete(id, me.actor());
        return "redirect:/admin/email";
    }

    @PostMapping("/admin/email/messages/{id}/retry")
    String retry(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam(defaultValue = "attention") String show,
                 RedirectAttributes redirect) {
        inbound.retry(id, me.actor());
        redirect.addAttribute("show", show);
        redirect.addAttribute("retried", id);
        return "redirect:/admin/email";
    }

    @PostMapping("/admin/email/messages/{id}/delete")
    String deleteMessage(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                         @RequestParam(defaultValue = "attention") String show, RedirectAttributes redirect) {
        try {
            inbound.delete(id, me.actor());
            redirect.addAttribute("deleted", id);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", String.join("; ", Forms.errors(e, messages)));
        }
        redirect.addAttribute("show", show);
        return "redirect:/admin/email";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
