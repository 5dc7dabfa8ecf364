package org.kontor.workspace;

import java.util.List;
import org.kontor.common.InvalidInput;
import org.kontor.security.KontorUser;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.kontor.user.UserService;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The requester field of a new ticket: the type-ahead's results (R2) and "+ Add user" (R3). */
@Controller
class RequesterController {
    static final int RESULTS = 8;

    private final Directory directory;
    private final UserService users;
    private final MessageSource messages;

    RequesterController(Directory directory, UserService users, MessageSource messages) {
        this.directory = directory;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/agent/requesters")
    String lookup(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        String q = query.trim();
        model.addAttribute("query", q);
        model.addAttribute("people", q.length() < 2 ? List.of() : directory.lookup(q, RESULTS));
        return "agent/requester :: options";
    }

    /** R3: creates an end user and makes them the requester, without leaving the new ticket. */
    @PostMapping("/agent/requesters")
    String addUser(@AuthenticationPrincipal KontorUser me, @RequestParam(name = "newName", defaultValue = "") String name,
                   @RequestParam(name = "newEmail", defaultValue = "") String email,
                   @RequestParam(name = "newPhone", defaultValue = "") String phone,
                   @RequestParam(name = "newOrganization", required = false) Long organizationId, Model model) {
        NewTicketPage.requesterWidget(model, null, directory);
        try {
            User created = users.create(new UserDraft(name, blankToNull(email), blankToNull(phone), Role.END_USER,
                    organizationId, null, null, null, null, null, null, null), me.actor());
            model.addAttribute("requester", directory.person(created));
        } catch (InvalidInput e) {
            model.addAttribute("addUserOpen", true);
            model.addAttribute("addUserErrors", Forms.errors(e, messages));
            model.addAttribute("newName", name);
            model.addAttribute("newEmail", email);
            model.addAttribute("newPhone", phone);
            model.addAttribute("newOrganization", organizationId);
        }
        return "agent/requester :: widget";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
