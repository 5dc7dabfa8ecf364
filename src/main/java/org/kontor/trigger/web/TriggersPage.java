package org.kontor.trigger.web;

import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.security.KontorUser;
import org.kontor.trigger.Trigger;
import org.kontor.trigger.TriggerService;
import org.kontor.trigger.TriggerService.TriggerDraft;
import org.kontor.workspace.Forms;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin page to list, edit, reorder, activate and deactivate triggers ({@code /admin/**} is admins only). */
@Controller
class TriggersPage {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TriggerService triggers;
    private final MessageSource messages;

    TriggersPage(TriggerService triggers, MessageSource messages) {
        this.triggers = triggers;
        this.messages = messages;
    }

    @GetMapping("/admin/triggers")
    String list(@AuthenticationPrincipal KontorUser me, Model model) {
        model.addAttribute("triggers", triggers.list(null, me.actor()));
        return "admin/triggers";
    }

    @PostMapping("/admin/triggers/{id}/move")
    String move(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam int direction) {
        triggers.move(id, direction < 0 ? -1 : 1, me.actor());
        return "redirect:/admin/triggers";
    }

    @PostMapping("/admin/triggers/{id}/active")
    String active(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam boolean value) {
        triggers.update(id, TriggerDraft.of(null, null, value, null), me.actor());
        return "redirect:/admin/triggers";
    }

    @PostMapping("/admin/triggers/{id}/delete")
    String delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        triggers.delete(id, me.actor());
        return "redirect:/admin/triggers";
    }

    @GetMapping("/admin/triggers/new")
    String create(Model model) {
        model.addAttribute("form", new Form(null, "", "", true,
                "{\n  \"all\": [{\"field\": \"update_type\", \"operator\": \"is\", \"value\": \"Create\"}],\n  \"any\": []\n}",
                "[{\"field\": \"notification_user\", \"value\": [\"requester_id\", \"[#{{ticket.id}}] {{ticket.title}}\", \"{{ticket.latest_public_comment}}\"]}]"));
        return "admin/trigger-edit";
    }

    @GetMapping("/admin/triggers/{id}")
    String edit(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        Trigger t = triggers.get(id, me.actor());
        model.addAttribute("form", new Form(t.getId(), t.getTitle(), t.getDescription() == null ? "" : t.getDescription(), t.isActive(),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(t.rules().conditionsJson()),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(t.rules().actionsJson())));
        return "admin/trigger-edit";
    }

    @PostMapping({"/admin/triggers/new", "/admin/triggers/{id}"})
    String save(@AuthenticationPrincipal KontorUser me, @PathVariable(required = false) Long id,
                @RequestParam String title, @RequestParam(defaultValue = "") String description,
                @RequestParam(defaultValue = "false") boolean active, @RequestParam String conditions,
                @RequestParam String actions, Model model) {
        Form form = new Form(id, title, description, active, conditions, actions);
        try {
            TriggerDraft draft = new TriggerDraft(title, description, active, null, parse(conditions, "conditions"), null, null,
                    parse(actions, "actions"));
            Trigger saved = id == null ? triggers.create(draft, me.actor()) : triggers.update(id, draft, me.actor());
            return "redirect:/admin/triggers/" + saved.getId() + "?saved";
        } catch (InvalidInput e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", Forms.errors(e, messages));
            return "admin/trigger-edit";
        } catch (NotFound e) {
            throw e;
        }
    }

    private static JsonNode parse(String text, String field) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            String detail = e.getMessage().lines().findFirst().orElse("");
            throw InvalidInput.of(field, "err.trigger.json", field + ": not valid JSON (" + detail + ")", field, detail);
        }
    }

    /** What the edit form shows. */
    record Form(Long id, String title, String description, boolean active, String conditions, String actions) {
    }
}
