package org.kontor.notification.web;

import org.kontor.common.NotFound;
import org.kontor.notification.DeveloperMailbox;
import org.kontor.notification.NotificationDelivery;
import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The developer mailbox for admins: mail kept instead of sent while no SMTP server is configured. */
@Controller
class MailboxPage {
    private final DeveloperMailbox mailbox;
    private final NotificationDelivery delivery;

    MailboxPage(DeveloperMailbox mailbox, NotificationDelivery delivery) {
        this.mailbox = mailbox;
        this.delivery = delivery;
    }

    @GetMapping("/admin/mailbox")
    String list(@AuthenticationPrincipal KontorUser me, Model model) {
        model.addAttribute("mails", mailbox.latest(200, me.actor()));
        model.addAttribute("smtp", delivery.transportName().equals("smtp"));
        return "admin/mailbox";
    }

    @GetMapping("/admin/mailbox/{id}")
    String show(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        model.addAttribute("mail", mailbox.find(id, me.actor()).orElseThrow(NotFound::new));
        return "admin/mailbox-message";
    }
}
