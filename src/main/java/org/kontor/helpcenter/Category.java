package org.kontor.helpcenter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The top level of the knowledge base. */
@Entity
@Table(name = "hc_categories")
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hc_category_seq")
    @SequenceGenerator(name = "hc_category_seq", sequenceName = "hc_category_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String description;
    private String locale;
    private int position;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Category() {
    }

    Category(String name, String description, String locale, int position, Instant now) {
        this.createdAt = now;
        change(name, description, locale, position, now);
    }

    void change(String name, String description, String locale, int position, Instant now) {
        this.name = name;
        this.description = description;
        this.locale = locale;
        this.position = position;
        this.updatedAt = now;
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

    public String getLocale() {
        return locale;
    }

    public int getPosition() {
        return position;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
