package org.kontor.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A queued bulk operation and its progress (Zendesk's job status). Results are Zendesk's result objects as JSON. */
@Entity
@Table(name = "job_statuses")
public class Job {
    public static final String QUEUED = "queued";
    public static final String WORKING = "working";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    private String id;
    @Column(updatable = false)
    private long userId;
    @Column(updatable = false)
    private String kind;
    private int total;
    private int progress;
    private String status;
    private String message;
    @Column(updatable = false)
    private String payload;
    private String results;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Job() {
    }

    Job(String id, long userId, String kind, int total, String payload, Instant now) {
        this.id = id;
        this.userId = userId;
        this.kind = kind;
        this.total = total;
        this.progress = 0;
        this.status = QUEUED;
        this.payload = payload;
        this.results = "[]";
        this.createdAt = now;
        this.updatedAt = now;
    }

    void progressed(int progress, String results, Instant now) {
        this.progress = progress;
        this.results = results;
        this.updatedAt = now;
    }

    void finish(String status, String message, Instant now) {
        this.status = status;
        this.message = message;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getKind() {
        return kind;
    }

    public int getTotal() {
        return total;
    }

    public int getProgress() {
        return progress;
    }

    public String getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public String getPayload() {
        return payload;
    }

    public String getResults() {
        return results;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
