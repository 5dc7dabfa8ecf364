package org.kontor.settings.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.common.InvalidInput;
import org.kontor.security.KontorUser;
import org.kontor.settings.AccountSettingsService;
import org.kontor.settings.OperationsSettings;
import org.kontor.settings.TicketSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code settings.tickets.is_first_comment_private_enabled} is R8's switch; {@code tickets.close_solved_after_days}
 * when solved tickets close. Only admins change them.
 */
@RestController
@RequestMapping("/api/v2/account/settings")
class AccountSettingsController {
    private final AccountSettingsService settings;

    AccountSettingsController(AccountSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    Map<String, Object> show() {
        return json(settings.tickets(), settings.operations(), settings.closeSolvedAfterDays());
    }

    @PutMapping
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        JsonNode s = Json.root(body, "settings");
        JsonNode t = Json.object(s, "tickets");
        Boolean firstCommentPrivate = Json.bool(t, "is_first_comment_private_enabled");
        JsonNode days = t == null ? null : t.get("close_solved_after_days");
        if (days != null && !days.isNull()) {
            if (!days.isIntegralNumber() || !days.canConvertToInt()) {
                throw new InvalidInput("close_solved_after_days", "close_solved_after_days: must be a whole number of days");
            }
            settings.updateCloseSolvedAfterDays(days.intValue(), me.actor());
        }
        TicketSettings tickets = settings.updateTickets(firstCommentPrivate, me.actor());
        JsonNode voice = Json.object(s, "voice");
        JsonNode routing = Json.object(s, "routing");
        Boolean callTicketsPrivate = Json.bool(voice, "call_tickets_private");
        Boolean reassign = Json.bool(routing, "reassign_when_agent_offline");
        OperationsSettings operations = callTicketsPrivate == null && reassign == null ? settings.operations()
                : settings.updateOperations(callTicketsPrivate, reassign, me.actor());
        return json(tickets, operations, settings.closeSolvedAfterDays());
    }

    /** {@code tickets.close_solved_after_days} is Kontor's: Zendesk has it as a default automation instead. */
    private static Map<String, Object> json(TicketSettings t, OperationsSettings o, int closeSolvedAfterDays) {
        Map<String, Object> tickets = new LinkedHashMap<>();
        tickets.put("is_first_comment_private_enabled", t.firstCommentPrivateEnabled());
        tickets.put("close_solved_after_days", closeSolvedAfterDays);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("tickets", tickets);
        all.put("voice", Map.of("call_tickets_private", o.callTicketsPrivate()));
        all.put("routing", Map.of("reassign_when_agent_offline", o.reassignWhenAgentOffline()));
        return Envelope.of("settings", all);
    }
}
