package org.kontor.helpcenter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A section of a category; articles live in sections. */
@Entity
@Table(name = "hc_sections")
public class Section {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hc_section_seq")
    @SequenceGenerator(name = "hc_section_seq", sequenceName = "hc_section_seq", allocationSize = 50)
    private Long id;
    private Long categoryId;
    private String name;
    private String description;
    private String locale;
    private int position;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Section() {
    }

    Section(long categoryId, String name, String description, String locale, int position, Instant now) {
        this.createdAt = now;
        this.categoryId = categoryId;
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

    public Long getCategoryId() {
        return categoryId;
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
