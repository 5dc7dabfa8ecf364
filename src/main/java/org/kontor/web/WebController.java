package org.kontor.web;

import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WebController {
    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Each role lands in its area: agents and admins in the workspace, end users in the Help Center. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal KontorUser me) {
        return me.actor().isAgent() ? "redirect:/agent" : "redirect:/hc";
    }
}
