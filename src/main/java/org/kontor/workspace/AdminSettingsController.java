package org.kontor.workspace;

import org.kontor.security.KontorUser;
import org.kontor.settings.AccountSettingsService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** R8: admins turn private ticket creation on and off; and whether anyone can sign up in the Help Center. */
@Controller
class AdminSettingsController {
    private final AccountSettingsService settings;

    AdminSettingsController(AccountSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/settings";
    }

    @GetMapping("/admin/settings")
    String show(Model model) {
        model.addAttribute("privateTicketCreation", settings.tickets().firstCommentPrivateEnabled());
        model.addAttribute("helpCenterSignUp", settings.helpCenterSignUp());
        return "admin/settings";
    }

    @PostMapping("/admin/settings")
    String save(@AuthenticationPrincipal KontorUser me,
                @RequestParam(defaultValue = "false") boolean privateTicketCreation,
                @RequestParam(defaultValue = "false") boolean helpCenterSignUp) {
        settings.updateTickets(privateTicketCreation, me.actor());
        settings.updateHelpCenterSignUp(helpCenterSignUp, me.actor());
        return "redirect:/admin/settings?saved";
    }
}
