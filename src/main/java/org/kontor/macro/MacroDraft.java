package org.kontor.macro;

import org.kontor.group.Audience;

/** What a create or update gives; null parts (and a restriction not given) are left as they are. */
public record MacroDraft(String title, String description, Boolean active, MacroActions actions, Audience.Choice restriction) {
    public MacroDraft {
        restriction = restriction == null ? Audience.Choice.NOT_GIVEN : restriction;
    }
}
