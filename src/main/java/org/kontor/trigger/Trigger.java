package org.kontor.trigger;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;

/** An admin-managed business rule. Its conditions and actions are stored as Zendesk's JSON, validated on the way in. */
@Entity
@Table(name = "triggers")
public class Trigger {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trigger_seq")
    @SequenceGenerator(name = "trigger_seq", sequenceName = "trigger_seq", allocationSize = 1)
    private Long id;
    private String title;
    private String description;
    private boolean active;
    private int position;
    private String conditionsJson;
    private String actionsJson;
    private boolean isDefault;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    @Transient
    private TriggerRules rules;

    protected Trigger() {
    }

    Trigger(String title, String description, boolean active, int position, TriggerRules rules, Instant now) {
        this.title = title;
        this.description = description;
        this.active = active;
        this.position = position;
        this.isDefault = false;
        this.createdAt = now;
        change(rules, now);
    }

    void change(TriggerRules rules, Instant now) {
        this.rules = rules;
        this.conditionsJson = rules.conditionsJson().toString();
        this.actionsJson = rules.actionsJson().toString();
        this.updatedAt = now;
    }

    void rename(String title, String description, Instant now) {
        this.title = title;
        this.description = description;
        this.updatedAt = now;
    }

    void activate(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    void moveTo(int position, Instant now) {
        if (this.position != position) {
            this.position = position;
            this.updatedAt = now;
        }
    }

    public TriggerRules rules() {
        if (rules == null) {
            rules = TriggerRules.fromStored(conditionsJson, actionsJson);
        }
        return rules;
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

    public int getPosition() {
        return position;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
