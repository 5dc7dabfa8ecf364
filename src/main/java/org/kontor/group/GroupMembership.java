package org.kontor.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "group_memberships")
public class GroupMembership {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "group_membership_seq")
    @SequenceGenerator(name = "group_membership_seq", sequenceName = "group_membership_seq", allocationSize = 50)
    private Long id;
    private Long userId;
    private Long groupId;
    @Column(name = "is_default")
    private boolean defaultMembership;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected GroupMembership() {
    }

    GroupMembership(long userId, long groupId, boolean defaultMembership) {
        this.userId = userId;
        this.groupId = groupId;
        this.defaultMembership = defaultMembership;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void makeDefault(boolean value) {
        this.defaultMembership = value;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public boolean isDefaultMembership() {
        return defaultMembership;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
