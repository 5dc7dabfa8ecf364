package org.kontor.voice.web;

import java.util.List;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.InvalidInput;
import org.kontor.common.RuleViolation;
import org.kontor.security.KontorUser;
import org.kontor.settings.AccountSettingsService;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.VoiceCall;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.kontor.voice.CallInput;
import org.kontor.voice.VoiceService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Log a call": an agent records a phone call by hand as a public or private ticket (C1, R9/R10, R13). */
@Controller
class CallsPage {
    private final VoiceService voice;
    private final AccountSettingsService settings;
    private final VisibleTickets visible;
    private final AccessPolicy policy;

    CallsPage(VoiceService voice, AccountSettingsService settings, VisibleTickets visible, AccessPolicy policy) {
        this.voice = voice;
        this.settings = settings;
        this.visible = visible;
        this.policy = policy;
    }

    @GetMapping("/agent/calls/new")
    String form(Model model) {
        model.addAttribute("privateAllowed", settings.tickets().firstCommentPrivateEnabled());
        model.addAttribute("privateDefault", settings.callTicketsStartPrivate());
        return "agent/call-new";
    }

    @PostMapping("/agent/calls")
    String log(@AuthenticationPrincipal KontorUser me, @RequestParam String phone,
               @RequestParam(defaultValue = "inbound") String direction, @RequestParam(required = false) Integer minutes,
               @RequestParam(required = false) String subject, @RequestParam(required = false) String notes,
               @RequestParam(defaultValue = "public") String visibility, Model model) {
        int viaId = "outbound".equals(direction) ? VoiceCall.OUTBOUND : VoiceCall.INBOUND;
        boolean outbound = viaId == VoiceCall.OUTBOUND;
        try {
            CallInput in = new CallInput(viaId, null, subject, null, null, null, null, null, null, null,
                    outbound ? null : phone, outbound ? phone : null, null, java.time.Instant.now(),
                    minutes == null ? null : Math.max(0, minutes) * 60, me.actor().id(), null, null,
                    !"private".equals(visibility), notes);
            long id = voice.record(in, me.actor()).ticket().getId();
            return "redirect:/agent/calls/" + id;
        } catch (InvalidInput | RuleViolation e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("privateAllowed", settings.tickets().firstCommentPrivateEnabled());
            model.addAttribute("privateDefault", "private".equals(visibility));
            return "agent/call-new";
        }
    }

    /** The logged call's ticket with its voice comments, read through the access policy like every ticket read. */
    @GetMapping("/agent/calls/{id}")
    String show(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        Viewer viewer = policy.viewerFor(me.actor());
        Ticket ticket = visible.ticket(viewer, id);
        List<Comment> comments = visible.comments(viewer, id, new PageParams(false, 1, 100, null, null),
                new Paging.Ordering(Paging.SortKey.CREATED_AT, true), null).items();
        model.addAttribute("ticket", ticket);
        model.addAttribute("comments", comments);
        return "agent/call";
    }
}
