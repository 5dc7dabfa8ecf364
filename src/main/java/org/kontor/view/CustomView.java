package org.kontor.view;

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

/** A saved ticket filter in the side bar; shared like a macro (all agents, one group) or personal to one agent. */
@Entity
@Table(name = "custom_views")
public class CustomView {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "custom_view_seq")
    @SequenceGenerator(name = "custom_view_seq", sequenceName = "custom_view_seq", allocationSize = 1)
    private Long id;
    private String title;
    private String description;
    private boolean active;
    private String conditionsJson;
    private String restrictionType;
    private Long restrictionId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    @Transient
    private ViewConditions conditions;

    protected CustomView() {
    }

    CustomView(CustomViewDraft draft, Instant now) {
        this.createdAt = now;
        this.active = true;
        change(draft, now);
    }

    void change(CustomViewDraft draft, Instant now) {
        if (draft.title() != null) {
            this.title = draft.title().strip();
        }
        if (draft.description() != null) {
            this.description = draft.description().isBlank() ? null : draft.description();
        }
        if (draft.active() != null) {
            this.active = draft.active();
        }
        if (draft.conditions() != null) {
            this.conditions = draft.conditions();
            this.conditionsJson = draft.conditions().toJson().toString();
        }
        if (draft.restriction().given()) {
            this.restrictionType = draft.restriction().kind() == null ? null : draft.restriction().kind().name();
            this.restrictionId = draft.restriction().kind() == null ? null : draft.restriction().id();
        }
        this.updatedAt = now;
    }

    public ViewConditions conditions() {
        if (conditions == null) {
            conditions = ViewConditions.fromStored(conditionsJson);
        }
        return conditions;
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

    /** Null: every agent sees it. */
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
