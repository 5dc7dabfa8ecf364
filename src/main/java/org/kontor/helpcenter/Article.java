package org.kontor.helpcenter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A knowledge-base article: its body as written (HTML or Markdown), the sanitised HTML readers get and its plain
 * text for search; draft until published.
 */
@Entity
@Table(name = "hc_articles")
public class Article {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hc_article_seq")
    @SequenceGenerator(name = "hc_article_seq", sequenceName = "hc_article_seq", allocationSize = 50)
    private Long id;
    private Long sectionId;
    @Column(updatable = false)
    private Long authorId;
    private String title;
    private String bodyHtml;
    private String bodyText;
    private String bodyFormat;
    private String bodySource;
    private String locale;
    private boolean draft;
    private int position;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Article() {
    }

    Article(long sectionId, long authorId, String title, ArticleBody body, String locale, boolean draft, int position,
            Instant now) {
        this.authorId = authorId;
        this.createdAt = now;
        change(sectionId, title, body, locale, draft, position, now);
    }

    void change(long sectionId, String title, ArticleBody body, String locale, boolean draft, int position, Instant now) {
        this.sectionId = sectionId;
        this.title = title;
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.bodyFormat = body.format();
        this.bodySource = body.source();
        this.locale = locale;
        this.draft = draft;
        this.position = position;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getSectionId() {
        return sectionId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getTitle() {
        return title;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    /** "html" or "markdown": how the author writes the body. */
    public String getBodyFormat() {
        return bodyFormat;
    }

    public ArticleBody body() {
        return new ArticleBody(bodyFormat, bodySource, bodyHtml, bodyText);
    }

    public String getLocale() {
        return locale;
    }

    public boolean isDraft() {
        return draft;
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
