package org.kontor.web;

import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WebController {
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal KontorUser me, Model model) {
        if (!me.actor().isAgent()) {
            // End users land in the Help Center after signing in.
            return "redirect:/hc";
        }
        model.addAttribute("name", me.name());
        model.addAttribute("role", me.actor().role().wire());
        return "home";
    }
}
