package org.kontor.macro.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.macro.Macro;
import org.kontor.macro.MacroActions;
import org.kontor.macro.MacroDraft;
import org.kontor.macro.MacroService;
import org.kontor.security.KontorUser;
import org.kontor.workspace.Forms;
import org.kontor.workspace.SharedToolPages;
import org.kontor.workspace.SharedToolPages.Area;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Admin → Macros (every macro) and the agent's own macros ({@code /agent/macros}: the ones they may use, and their
 * personal ones to create and change): the list and a form per macro, one control per action (no JSON to type).
 * Actions the form has no control for (set by the API: {@code set_tags}, {@code comment_value_html}) are kept.
 */
@Controller
class MacroPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Fields the form shows; any other action of a macro is carried over unchanged when it is saved. */
    private static final Set<String> FORM_FIELDS = Set.of("comment_value", "comment_mode_is_public", "subject", "status",
            "priority", "type", "group_id", "assignee_id", "current_tags", "remove_tags");

    private final MacroService macros;
    private final SharedToolPages pages;
    private final MessageSource messages;

    MacroPages(MacroService macros, SharedToolPages pages, MessageSource messages) {
        this.macros = macros;
        this.pages = pages;
        this.messages = messages;
    }

    private static Area area(HttpServletRequest request) {
        return Area.of(request, "/admin/macros", "/agent/macros");
    }

    /** The form's values; "" leaves a field as the ticket has it, "none" clears it. */
    public record Form(Long id, String title, String description, boolean active, String availableTo, String comment,
                       String mode, String subject, String status, String priority, String type, String groupId,
                       String assigneeId, String addTags, String removeTags, List<String> keptActions) {
    }

    @GetMapping({"/admin/macros", "/agent/macros"})
    String list(@AuthenticationPrincipal KontorUser me, HttpServletRequest request, Model model) {
        pages.list(model, area(request), "macros", macros.available(null, me.actor()), m -> macros.mayManage(m, me.actor()));
        return "admin/macros";
    }

    @GetMapping({"/admin/macros/new", "/agent/macros/new"})
    String create(@AuthenticationPrincipal KontorUser me, HttpServletRequest request, Model model) {
        Area area = area(request);
        return page(model, area, new Form(null, "", "", true, area.admin() ? "" : "user:" + me.actor().id(), "", "", "", "", "", "", "",
                "", "", "", List.of()), List.of());
    }

    @GetMapping({"/admin/macros/{id}", "/agent/macros/{id}"})
    String edit(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request, Model model) {
        Area area = area(request);
        Macro m = macros.get(id, me.actor());
        if (!macros.mayManage(m, me.actor())) {
            throw new Forbidden("Only admins change shared macros");
        }
        MacroActions a = m.actions();
        String availableTo = SharedToolPages.availableTo(m);
        List<String> kept = a.actions().stream().filter(x -> !FORM_FIELDS.contains(x.field())).map(MacroActions.Action::field).toList();
        return page(model, area, new Form(m.getId(), m.getTitle(), m.getDescription() == null ? "" : m.getDescription(), m.isActive(),
                availableTo, a.value("comment_value").orElse(""),
                a.value("comment_mode_is_public").map(v -> v.equals("true") ? "public" : "internal").orElse(""),
                a.value("subject").orElse(""), a.value("status").orElse(""), cleared(a, "priority"), cleared(a, "type"),
                cleared(a, "group_id"), cleared(a, "assignee_id"), a.value("current_tags").orElse(""),
                a.value("remove_tags").orElse(""), kept), List.of());
    }

    @PostMapping({"/admin/macros/new", "/admin/macros/{id}", "/agent/macros/new", "/agent/macros/{id}"})
    String save(@AuthenticationPrincipal KontorUser me, @PathVariable(required = false) Long id, HttpServletRequest request,
                @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
                @RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "") String availableTo,
                @RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String mode,
                @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String type,
                @RequestParam(defaultValue = "") String groupId, @RequestParam(defaultValue = "") String assigneeId,
                @RequestParam(defaultValue = "") String addTags, @RequestParam(defaultValue = "") String removeTags,
                Model model) {
        Area area = area(request);
        if (!area.admin()) {
            availableTo = "user:" + me.actor().id(); // an agent's macros are personal; the service refuses anything else
        }
        List<MacroActions.Action> kept = id == null ? List.of() : macros.get(id, me.actor()).actions().actions().stream()
                .filter(x -> !FORM_FIELDS.contains(x.field())).toList();
        Form form = new Form(id, title, description, active, availableTo, comment, mode, subject, status, priority, type, groupId,
                assigneeId, addTags, removeTags, kept.stream().map(MacroActions.Action::field).toList());
        try {
            ArrayNode actions = JSON.createArrayNode();
            add(actions, "comment_value", comment.isBlank() ? null : comment);
            add(actions, "comment_mode_is_public", mode.equals("public") ? "true" : mode.equals("internal") ? "false" : null);
            add(actions, "subject", subject.isBlank() ? null : subject);
            add(actions, "status", blankToNull(status));
            add(actions, "priority", clearing(priority));
            add(actions, "type", clearing(type));
            add(actions, "group_id", clearing(groupId));
            add(actions, "assignee_id", clearing(assigneeId));
            add(actions, "current_tags", blankToNull(addTags));
            add(actions, "remove_tags", blankToNull(removeTags));
            kept.forEach(k -> add(actions, k.field(), k.value()));
            MacroDraft draft = new MacroDraft(title, description, active, MacroActions.parse(actions), SharedToolPages.availableTo(availableTo));
            Macro saved = id == null ? macros.create(draft, me.actor()) : macros.update(id, draft, me.actor());
            return "redirect:" + area.base() + "/" + saved.getId() + "?saved";
        } catch (InvalidInput | Forbidden e) {
            return page(model, area, form, Forms.errors(e, messages));
        }
    }

    @PostMapping({"/admin/macros/{id}/delete", "/agent/macros/{id}/delete"})
    String delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        macros.delete(id, me.actor());
        redirect.addAttribute("deleted", "");
        return "redirect:" + area(request).base();
    }

    private String page(Model model, Area area, Form form, List<String> errors) {
        pages.form(model, area, form.availableTo(), errors);
        model.addAttribute("form", form);
        return "admin/macro-edit";
    }

    private static void add(ArrayNode actions, String field, String value) {
        if (value != null) {
            actions.addObject().put("field", field).put("value", value);
        }
    }

    /** "" leaves the field alone (no action), "none" is an action that clears it. */
    private static String clearing(String value) {
        return value.isBlank() ? null : value.equals("none") ? "" : value;
    }

    private static String cleared(MacroActions a, String field) {
        return a.value(field).map(v -> v.isEmpty() ? "none" : v).orElse("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
