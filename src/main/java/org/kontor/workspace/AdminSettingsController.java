package org.kontor.workspace;

import java.util.List;
import org.kontor.common.InvalidInput;
import org.kontor.security.KontorUser;
import org.kontor.settings.AccountSettingsService;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * R8: admins turn private ticket creation on and off; when solved tickets close; and whether anyone can sign up in
 * the Help Center.
 */
@Controller
class AdminSettingsController {
    private final AccountSettingsService settings;
    private final MessageSource messages;

    AdminSettingsController(AccountSettingsService settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/settings";
    }

    @GetMapping("/admin/settings")
    String show(Model model) {
        return page(model, settings.tickets().firstCommentPrivateEnabled(), settings.helpCenterSignUp(),
                Integer.toString(settings.closeSolvedAfterDays()), List.of());
    }

    /** The days are checked first, so a refused value changes nothing and comes back with the form as sent. */
    @PostMapping("/admin/settings")
    String save(@AuthenticationPrincipal KontorUser me,
                @RequestParam(defaultValue = "false") boolean privateTicketCreation,
                @RequestParam(defaultValue = "false") boolean helpCenterSignUp,
                @RequestParam(defaultValue = "") String closeSolvedAfterDays, Model model) {
        try {
            if (!closeSolvedAfterDays.isBlank()) {
                settings.updateCloseSolvedAfterDays(days(closeSolvedAfterDays), me.actor());
            }
        } catch (InvalidInput e) {
            return page(model, privateTicketCreation, helpCenterSignUp, closeSolvedAfterDays, Forms.errors(e, messages));
        }
        settings.updateTickets(privateTicketCreation, me.actor());
        settings.updateHelpCenterSignUp(helpCenterSignUp, me.actor());
        return "redirect:/admin/settings?saved";
    }

    /** Not a whole number: out of range, so the range's message says what is allowed. */
    private static int days(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String page(Model model, boolean privateTicketCreation, boolean helpCenterSignUp, String closeSolvedAfterDays,
                               List<String> errors) {
        model.addAttribute("privateTicketCreation", privateTicketCreation);
        model.addAttribute("helpCenterSignUp", helpCenterSignUp);
        model.addAttribute("closeSolvedAfterDays", closeSolvedAfterDays);
        model.addAttribute("maxCloseSolvedAfterDays", AccountSettingsService.MAX_CLOSE_SOLVED_AFTER_DAYS);
        model.addAttribute("errors", errors);
        return "admin/settings";
    }
}
