package org.kontor.web;

import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where end users land until the Help Center feature serves {@code /hc}; delete this class when it does. */
@Controller
class HelpCenterPlaceholder {
    @GetMapping("/hc")
    String helpCenter(@AuthenticationPrincipal KontorUser me, Model model) {
        model.addAttribute("name", me.name());
        return "hc-placeholder";
    }
}
