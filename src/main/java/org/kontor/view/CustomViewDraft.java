package org.kontor.view;

import org.kontor.group.Audience;

/** What a create or update gives; null parts (and a restriction not given) are left as they are. */
public record CustomViewDraft(String title, String description, Boolean active, ViewConditions conditions,
                              Audience.Choice restriction) {
    public CustomViewDraft {
        restriction = restriction == null ? Audience.Choice.NOT_GIVEN : restriction;
    }
}
