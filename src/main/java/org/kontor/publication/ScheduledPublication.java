package org.kontor.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A public reply waiting to be posted on a private ticket (K1). */
@Entity
@Table(name = "scheduled_publications")
public class ScheduledPublication {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheduled_publication_seq")
    @SequenceGenerator(name = "scheduled_publication_seq", sequenceName = "scheduled_publication_seq", allocationSize = 50)
    private Long id;
    @Column(updatable = false)
    private Long ticketId;
    private Long authorId;
    private String body;
    private Instant publishAt;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected ScheduledPublication() {
    }

    ScheduledPublication(long ticketId, long authorId, String body, Instant publishAt, Instant now) {
        this.ticketId = ticketId;
        this.authorId = authorId;
        this.body = body;
        this.publishAt = publishAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(long authorId, String body, Instant publishAt, Instant now) {
        this.authorId = authorId;
        this.body = body;
        this.publishAt = publishAt;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public Instant getPublishAt() {
        return publishAt;
    }
}
