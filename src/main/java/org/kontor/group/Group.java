package org.kontor.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group of agents; tickets put into its queue are worked by its members. */
@Entity
@Table(name = "agent_groups")
public class Group {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_group_seq")
    @SequenceGenerator(name = "agent_group_seq", sequenceName = "agent_group_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String description;
    @Column(name = "is_default")
    private boolean defaultGroup;
    private boolean deleted;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Group() {
    }

    Group(String name, String description) {
        this.name = name;
        this.description = description;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void rename(String name) {
        this.name = name;
        this.updatedAt = Instant.now();
    }

    void describe(String description) {
        this.description = description;
        this.updatedAt = Instant.now();
    }

    void delete() {
        this.deleted = true;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isDefaultGroup() {
        return defaultGroup;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
