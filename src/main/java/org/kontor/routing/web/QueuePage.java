package org.kontor.routing.web;

import java.util.Optional;
import org.kontor.common.InvalidInput;
import org.kontor.routing.AgentStatus;
import org.kontor.routing.AvailabilityService;
import org.kontor.routing.Router;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Ticket;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agent's own availability (online / away / offline) and "Get next ticket" (R13). */
@Controller
class QueuePage {
    private final AvailabilityService availability;
    private final Router router;

    QueuePage(AvailabilityService availability, Router router) {
        this.availability = availability;
        this.router = router;
    }

    @GetMapping("/agent/queue")
    String page(@AuthenticationPrincipal KontorUser me, Model model) {
        model.addAttribute("availability", availability.get(me.actor().id(), me.actor()));
        return "agent/queue";
    }

    @PostMapping("/agent/queue/status")
    String status(@AuthenticationPrincipal KontorUser me, @RequestParam String status) {
        AgentStatus s = AgentStatus.parse(status).orElseThrow(() -> new InvalidInput("status", "Unknown status"));
        availability.set(me.actor().id(), s, null, me.actor());
        return "redirect:/agent/queue";
    }

    @PostMapping("/agent/queue/next")
    String next(@AuthenticationPrincipal KontorUser me, RedirectAttributes flash) {
        try {
            Optional<Ticket> next = router.next(me.actor());
            if (next.isPresent()) {
                flash.addFlashAttribute("nextId", next.get().getId());
                flash.addFlashAttribute("nextSubject", next.get().getSubject());
            } else {
                flash.addFlashAttribute("message", "ops.queue.empty");
            }
        } catch (InvalidInput e) {
            flash.addFlashAttribute("message", "ops.queue.atCapacity");
        }
        return "redirect:/agent/queue";
    }
}
