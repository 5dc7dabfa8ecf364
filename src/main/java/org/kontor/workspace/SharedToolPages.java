package org.kontor.workspace;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.kontor.common.InvalidInput;
import org.kontor.group.Audience;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.group.SharedTool;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the pages of macros and views share: where they live (Admin, every one; the agent's own area, their personal
 * ones), the "Available to" select ("" all agents, "group:{id}", "user:{id}") and the names their lists show.
 */
@Component
public class SharedToolPages {
    private final Directory directory;
    private final GroupService groups;
    private final UserService users;

    SharedToolPages(Directory directory, GroupService groups, UserService users) {
        this.directory = directory;
        this.groups = groups;
        this.users = users;
    }

    /** {@code base}: the list's path in this area. */
    public record Area(String base, boolean admin) {
        public static Area of(HttpServletRequest request, String adminBase, String agentBase) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/admin/")
                    ? new Area(adminBase, true) : new Area(agentBase, false);
        }
    }

    /** Anything but "", "group:{id}" and "user:{id}" is refused (a forged value), not taken for "all agents". */
    public static Audience.Choice availableTo(String value) {
        if (value == null || value.isEmpty()) {
            return new Audience.Choice(true, null, null);
        }
        if (!value.matches("(group|user):[0-9]{1,18}")) {
            throw InvalidInput.of("restriction", "err.macro.restrictionType", "Restriction: type must be \"Group\" or \"User\"");
        }
        long id = Long.parseLong(value.substring(value.indexOf(':') + 1));
        return new Audience.Choice(true, value.startsWith("group:") ? Audience.Kind.GROUP : Audience.Kind.USER, id);
    }

    public static String availableTo(SharedTool tool) {
        return tool.getRestriction() == null ? "" : tool.getRestriction().name().toLowerCase(Locale.ROOT) + ":" + tool.getRestrictionId();
    }

    /** The list page's model: the tools, which of them the user may edit, and the owners' and groups' names. */
    public <T extends SharedTool> void list(Model model, Area area, String name, List<T> tools, Predicate<T> manageable) {
        model.addAttribute("area", area);
        model.addAttribute(name, tools);
        model.addAttribute("manageable", tools.stream().filter(manageable).map(SharedTool::getId).collect(Collectors.toSet()));
        model.addAttribute("owners", directory.names(tools.stream().filter(t -> t.getRestriction() == Audience.Kind.USER)
                .map(SharedTool::getRestrictionId).toList()));
        model.addAttribute("groupNames", groups.findAll(tools.stream().filter(t -> t.getRestriction() == Audience.Kind.GROUP)
                .map(SharedTool::getRestrictionId).toList()).stream().collect(Collectors.toMap(Group::getId, Group::getName)));
    }

    /** The edit page's model beside its form: the pick lists, the errors and the personal tool's owner. */
    public void form(Model model, Area area, String availableTo, List<String> errors) {
        model.addAttribute("area", area);
        model.addAttribute("errors", errors.isEmpty() ? null : errors);
        model.addAttribute("groups", directory.groups());
        model.addAttribute("agents", directory.agents());
        Long owner = availableTo.startsWith("user:") ? availableTo(availableTo).id() : null;
        if (owner != null) {
            model.addAttribute("ownerName", users.find(owner).map(User::getName).filter(Objects::nonNull).orElse(null));
        }
    }
}
