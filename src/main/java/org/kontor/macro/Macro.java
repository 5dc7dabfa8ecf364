package org.kontor.macro;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import org.kontor.group.Audience;

/**
 * A prepared reply and field changes. Shared with all agents, with one group's members, or personal to one agent
 * (Zendesk's {@code restriction} {@code {"type": "Group" | "User", "id": …}}).
 */
@Entity
@Table(name = "macros")
public class Macro {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "macro_seq")
    @SequenceGenerator(name = "macro_seq", sequenceName = "macro_seq", allocationSize = 1)
    private Long id;
    private String title;
    private String description;
    private boolean active;
    private String actionsJson;
    private String restrictionType;
    private Long restrictionId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    @Transient
    private MacroActions actions;

    protected Macro() {
    }

    Macro(MacroDraft draft, Instant now) {
        this.createdAt = now;
        this.active = true;
        change(draft, now);
    }

    /** Applies what the draft gives; absent parts stay. */
    void change(MacroDraft draft, Instant now) {
        if (draft.title() != null) {
            this.title = draft.title().strip();
        }
        if (draft.description() != null) {
            this.description = draft.description().isBlank() ? null : draft.description();
        }
        if (draft.active() != null) {
            this.active = draft.active();
        }
        if (draft.actions() != null) {
            this.actions = draft.actions();
            this.actionsJson = draft.actions().toJson().toString();
        }
        if (draft.restriction().given()) {
            this.restrictionType = draft.restriction().kind() == null ? null : draft.restriction().kind().name();
            this.restrictionId = draft.restriction().kind() == null ? null : draft.restriction().id();
        }
        this.updatedAt = now;
    }

    public MacroActions actions() {
        if (actions == null) {
            actions = MacroActions.fromStored(actionsJson);
        }
        return actions;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public boolean isActive() {
        return active;
    }

    /** Null: every agent may use it. */
    public Audience.Kind getRestriction() {
        return restrictionType == null ? null : Audience.Kind.valueOf(restrictionType);
    }

    public Long getRestrictionId() {
        return restrictionId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
