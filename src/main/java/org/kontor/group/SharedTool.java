package org.kontor.group;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A tool agents share, such as a macro or a view: its title, description, whether it is active, and who may use it
 * ({@link Audience}: every agent, one group's members, or one agent).
 */
@MappedSuperclass
public abstract class SharedTool {
    private String title;
    private String description;
    private boolean active;
    private String restrictionType;
    private Long restrictionId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected SharedTool() {
    }

    protected SharedTool(Instant now) {
        this.createdAt = now;
        this.active = true;
    }

    /** Applies what is given; null parts (and a restriction not given) stay as they are. */
    protected void describe(String title, String description, Boolean active, Audience.Choice restriction, Instant now) {
        if (title != null) {
            this.title = title.strip();
        }
        if (description != null) {
            this.description = description.isBlank() ? null : description;
        }
        if (active != null) {
            this.active = active;
        }
        if (restriction.given()) {
            this.restrictionType = restriction.kind() == null ? null : restriction.kind().name();
            this.restrictionId = restriction.kind() == null ? null : restriction.id();
        }
        this.updatedAt = now;
    }

    public abstract Long getId();

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
