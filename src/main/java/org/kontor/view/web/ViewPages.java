package org.kontor.view.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.security.KontorUser;
import org.kontor.view.CustomView;
import org.kontor.view.CustomViewDraft;
import org.kontor.view.CustomViews;
import org.kontor.view.ViewConditions;
import org.kontor.view.ViewConditions.Condition;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Admin → Views (every view) and an agent's own views ({@code /agent/custom-views}): one control per condition, no
 * JSON to type. The ticket statuses ticked are the view's "any" conditions, everything else must hold ("all").
 * Conditions the form has no control for (set through the API) are kept as they are.
 */
@Controller
class ViewPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");

    private final CustomViews views;
    private final SharedToolPages pages;
    private final MessageSource messages;

    ViewPages(CustomViews views, SharedToolPages pages, MessageSource messages) {
        this.views = views;
        this.pages = pages;
        this.messages = messages;
    }

    private static Area area(HttpServletRequest request) {
        return Area.of(request, "/admin/views", "/agent/custom-views");
    }

    /** The form's values; "" in a select means "any". */
    public record Form(Long id, String title, String description, boolean active, String availableTo, List<String> statuses,
                       String priority, String type, String assignee, String group, String visibility, String tagsIn,
                       String tagsOut, String updated, String hours, List<String> kept) {
    }

    @GetMapping({"/admin/views", "/agent/custom-views"})
    String list(@AuthenticationPrincipal KontorUser me, HttpServletRequest request, Model model) {
        pages.list(model, area(request), "views", views.available(null, me.actor()), v -> views.mayManage(v, me.actor()));
        return "admin/views";
    }

    @GetMapping({"/admin/views/new", "/agent/custom-views/new"})
    String create(@AuthenticationPrincipal KontorUser me, HttpServletRequest request, Model model) {
        Area area = area(request);
        return page(model, area, new Form(null, "", "", true, area.admin() ? "" : "user:" + me.actor().id(),
                List.of("new", "open", "pending", "hold"), "", "", "", "", "", "", "", "", "", List.of()), List.of());
    }

    @GetMapping({"/admin/views/{id}", "/agent/custom-views/{id}"})
    String edit(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request, Model model) {
        CustomView v = views.get(id, me.actor());
        if (!views.mayManage(v, me.actor())) {
            throw new Forbidden("Only admins change shared views");
        }
        return page(model, area(request), formOf(v), List.of());
    }

    @PostMapping({"/admin/views/new", "/admin/views/{id}", "/agent/custom-views/new", "/agent/custom-views/{id}"})
    String save(@AuthenticationPrincipal KontorUser me, @PathVariable(required = false) Long id, HttpServletRequest request,
                @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
                @RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "") String availableTo,
                @RequestParam(name = "status", required = false) List<String> statuses,
                @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String type,
                @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String group,
                @RequestParam(defaultValue = "") String visibility, @RequestParam(defaultValue = "") String tagsIn,
                @RequestParam(defaultValue = "") String tagsOut, @RequestParam(defaultValue = "") String updated,
                @RequestParam(defaultValue = "") String hours, Model model) {
        Area area = area(request);
        String audience = area.admin() ? availableTo : "user:" + me.actor().id();
        ViewConditions kept = id == null ? new ViewConditions(List.of(), List.of()) : kept(views.get(id, me.actor()).conditions());
        List<String> ticked = statuses == null ? List.of() : statuses.stream().filter(STATUSES::contains).distinct().toList();
        Form form = new Form(id, title, description, active, audience, ticked, priority, type, assignee, group, visibility, tagsIn,
                tagsOut, updated, hours, describe(kept));
        try {
            ObjectNode conditions = JSON.createObjectNode();
            ArrayNode all = conditions.putArray("all");
            ArrayNode any = conditions.putArray("any");
            if (ticked.size() < STATUSES.size()) {
                ticked.forEach(s -> add(any, "status", "is", s));
            }
            choice(all, "priority", priority);
            choice(all, "type", type);
            choice(all, "assignee_id", assignee);
            choice(all, "group_id", group);
            if (!visibility.isBlank()) {
                add(all, "ticket_is_public", "is", visibility);
            }
            if (!tagsIn.isBlank()) {
                add(all, "current_tags", "includes", tagsIn.strip());
            }
            if (!tagsOut.isBlank()) {
                add(all, "current_tags", "not_includes", tagsOut.strip());
            }
            if (updated.equals("less_than") || updated.equals("greater_than")) {
                add(all, "hours_since_updated", updated, hours.strip());
            }
            kept.all().forEach(c -> add(all, c.field(), c.operator(), c.value()));
            kept.any().forEach(c -> add(any, c.field(), c.operator(), c.value()));
            CustomViewDraft draft = new CustomViewDraft(title, description, active, ViewConditions.parse(conditions),
                    SharedToolPages.availableTo(audience));
            CustomView saved = id == null ? views.create(draft, me.actor()) : views.update(id, draft, me.actor());
            return "redirect:" + area.base() + "/" + saved.getId() + "?saved";
        } catch (InvalidInput | Forbidden e) {
            return page(model, area, form, Forms.errors(e, messages));
        }
    }

    @PostMapping({"/admin/views/{id}/delete", "/agent/custom-views/{id}/delete"})
    String delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        views.delete(id, me.actor());
        redirect.addAttribute("deleted", "");
        return "redirect:" + area(request).base();
    }

    private String page(Model model, Area area, Form form, List<String> errors) {
        pages.form(model, area, form.availableTo(), errors);
        model.addAttribute("form", form);
        model.addAttribute("statuses", STATUSES);
        return "admin/view-edit";
    }

    /** The form's values from a view's conditions; each control takes the first condition it can show. */
    private static Form formOf(CustomView v) {
        ViewConditions c = v.conditions();
        List<String> ticked = c.any().stream().filter(x -> x.field().equals("status") && x.operator().equals("is"))
                .map(Condition::value).toList();
        ViewConditions kept = kept(c);
        return new Form(v.getId(), v.getTitle(), v.getDescription() == null ? "" : v.getDescription(), v.isActive(),
                SharedToolPages.availableTo(v), ticked.isEmpty() ? STATUSES : ticked,
                shown(c, "priority", "is"), shown(c, "type", "is"), shown(c, "assignee_id", "is"), shown(c, "group_id", "is"),
                firstValue(c, "ticket_is_public", "is"), firstValue(c, "current_tags", "includes"),
                firstValue(c, "current_tags", "not_includes"),
                first(c, "hours_since_updated", "less_than") != null ? "less_than"
                        : first(c, "hours_since_updated", "greater_than") != null ? "greater_than" : "",
                firstValue(c, "hours_since_updated", "less_than").isEmpty() ? firstValue(c, "hours_since_updated", "greater_than")
                        : firstValue(c, "hours_since_updated", "less_than"), describe(kept));
    }

    /** What the controls cannot show: any "any" condition but "status is", and second or other-operator "all" ones. */
    private static ViewConditions kept(ViewConditions c) {
        List<Condition> all = new ArrayList<>();
        Set<String> shown = new java.util.HashSet<>();
        for (Condition x : c.all()) {
            String key = x.field() + "/" + x.operator();
            boolean controlled = Set.of("priority/is", "type/is", "assignee_id/is", "group_id/is", "ticket_is_public/is",
                    "current_tags/includes", "current_tags/not_includes", "hours_since_updated/less_than",
                    "hours_since_updated/greater_than").contains(key);
            String control = key.startsWith("hours_since_updated/") ? "hours" : key;
            if (!controlled || !shown.add(control)) {
                all.add(x);
            }
        }
        List<Condition> any = c.any().stream().filter(x -> !(x.field().equals("status") && x.operator().equals("is"))).toList();
        return new ViewConditions(all, any);
    }

    private static List<String> describe(ViewConditions kept) {
        List<String> out = new ArrayList<>();
        kept.all().forEach(c -> out.add(c.field() + " " + c.operator() + " " + c.value()));
        kept.any().forEach(c -> out.add("(any) " + c.field() + " " + c.operator() + " " + c.value()));
        return out;
    }

    private static Condition first(ViewConditions c, String field, String operator) {
        return c.all().stream().filter(x -> x.field().equals(field) && x.operator().equals(operator)).findFirst().orElse(null);
    }

    private static String firstValue(ViewConditions c, String field, String operator) {
        Condition x = first(c, field, operator);
        return x == null ? "" : x.value();
    }

    /** A select's value: "" any, "none" for a condition on no value, else the value. */
    private static String shown(ViewConditions c, String field, String operator) {
        Condition x = first(c, field, operator);
        return x == null ? "" : x.value().isEmpty() ? "none" : x.value();
    }

    private static void choice(ArrayNode all, String field, String value) {
        if (!value.isBlank()) {
            add(all, field, "is", value.equals("none") ? "" : value);
        }
    }

    private static void add(ArrayNode array, String field, String operator, String value) {
        array.addObject().put("field", field).put("operator", operator).put("value", value);
    }
}
