package org.kontor.helpcenter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.kontor.common.Conflict;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's use cases. Agents write and see drafts; end users and anonymous visitors
 * ({@code reader == null}) see published articles only, and a draft answers them 404.
 */
@Service
@Transactional
public class KnowledgeBase {
    private final CategoryRepository categories;
    private final SectionRepository sections;
    private final ArticleRepository articles;
    private final Clock clock = Clock.systemUTC();

    KnowledgeBase(CategoryRepository categories, SectionRepository sections, ArticleRepository articles) {
        this.categories = categories;
        this.sections = sections;
        this.articles = articles;
    }

    public record CategoryInput(String name, String description, String locale, Integer position) {
    }

    public record SectionInput(Long categoryId, String name, String description, String locale, Integer position) {
    }

    /** {@code bodyFormat} "html" (the default, as in Zendesk's API) or "markdown"; null fields stay as they are on update. */
    public record ArticleInput(Long sectionId, String title, String body, String bodyFormat, String locale, Boolean draft,
                               Integer position) {
        public ArticleInput(Long sectionId, String title, String body, String locale, Boolean draft, Integer position) {
            this(sectionId, title, body, null, locale, draft, position);
        }
    }

    /** Whether the reader may see drafts and write: agents and admins. */
    public static boolean isEditor(Actor reader) {
        return reader != null && reader.isAgent();
    }

    private static void requireEditor(Actor actor) {
        if (!isEditor(actor)) {
            throw new Forbidden("Only agents can change the knowledge base");
        }
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return categories.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public Category category(long id) {
        return categories.findById(id).orElseThrow(NotFound::new);
    }

    public Category createCategory(CategoryInput in, Actor actor) {
        requireEditor(actor);
        Category c = new Category(required(in.name(), "name"), in.description(), locale(in.locale()),
                in.position() == null ? 0 : in.position(), now());
        return categories.save(c);
    }

    public Category updateCategory(long id, CategoryInput in, Actor actor) {
        requireEditor(actor);
        Category c = category(id);
        c.change(in.name() == null ? c.getName() : required(in.name(), "name"),
                in.description() == null ? c.getDescription() : in.description(),
                in.locale() == null ? c.getLocale() : locale(in.locale()),
                in.position() == null ? c.getPosition() : in.position(), now());
        return c;
    }

    public void deleteCategory(long id, Actor actor) {
        requireEditor(actor);
        Category c = category(id);
        if (sections.existsByCategoryId(id)) {
            throw new Conflict("Category " + id + " still has sections; delete or move them first");
        }
        categories.delete(c);
    }

    @Transactional(readOnly = true)
    public List<Section> sections(Long categoryId) {
        if (categoryId == null) {
            return sections.findAllByOrderByPositionAscIdAsc();
        }
        category(categoryId);
        return sections.findByCategoryIdOrderByPositionAscIdAsc(categoryId);
    }

    @Transactional(readOnly = true)
    public Section section(long id) {
        return sections.findById(id).orElseThrow(NotFound::new);
    }

    public Section createSection(SectionInput in, Actor actor) {
        requireEditor(actor);
        if (in.categoryId() == null) {
            throw InvalidInput.of("category_id", "err.category.required", "Category: is required");
        }
        category(in.categoryId());
        return sections.save(new Section(in.categoryId(), required(in.name(), "name"), in.description(),
                locale(in.locale()), in.position() == null ? 0 : in.position(), now()));
    }

    public Section updateSection(long id, SectionInput in, Actor actor) {
        requireEditor(actor);
        Section s = section(id);
        s.change(in.name() == null ? s.getName() : required(in.name(), "name"),
                in.description() == null ? s.getDescription() : in.description(),
                in.locale() == null ? s.getLocale() : locale(in.locale()),
                in.position() == null ? s.getPosition() : in.position(), now());
        return s;
    }

    public void deleteSection(long id, Actor actor) {
        requireEditor(actor);
        Section s = section(id);
        if (articles.existsBySectionId(id)) {
            throw new Conflict("Section " + id + " still has articles; delete or move them first");
        }
        sections.delete(s);
    }

    /** Articles of a section, or all; drafts only for editors. */
    @Transactional(readOnly = true)
    public List<Article> articles(Long sectionId, Actor reader) {
        boolean editor = isEditor(reader);
        if (sectionId == null) {
            return editor ? articles.findAllByOrderByPositionAscIdAsc() : articles.findByDraftFalseOrderByPositionAscIdAsc();
        }
        section(sectionId);
        return editor ? articles.findBySectionIdOrderByPositionAscIdAsc(sectionId)
                : articles.findBySectionIdAndDraftFalseOrderByPositionAscIdAsc(sectionId);
    }

    /** One article; a draft answers 404 to readers who may not see drafts. */
    @Transactional(readOnly = true)
    public Article article(long id, Actor reader) {
        return articles.findById(id).filter(a -> !a.isDraft() || isEditor(reader)).orElseThrow(NotFound::new);
    }

    public Article createArticle(ArticleInput in, Actor actor) {
        requireEditor(actor);
        if (in.sectionId() == null) {
            throw InvalidInput.of("section_id", "err.section.required", "Section: is required");
        }
        section(in.sectionId());
        return articles.save(new Article(in.sectionId(), actor.id(), required(in.title(), "title"),
                ArticleBody.of(in.bodyFormat(), in.body()),
                locale(in.locale()), in.draft() != null && in.draft(), in.position() == null ? 0 : in.position(), now()));
    }

    public Article updateArticle(long id, ArticleInput in, Actor actor) {
        requireEditor(actor);
        Article a = article(id, actor);
        long sectionId = in.sectionId() == null ? a.getSectionId() : section(in.sectionId()).getId();
        a.change(sectionId, in.title() == null ? a.getTitle() : required(in.title(), "title"),
                body(a, in),
                in.locale() == null ? a.getLocale() : locale(in.locale()),
                in.draft() == null ? a.isDraft() : in.draft(),
                in.position() == null ? a.getPosition() : in.position(), now());
        return a;
    }

    /**
     * A new body replaces the old in its format (HTML unless said otherwise, as the API sends); a new format alone
     * re-reads the text the author edits in that format.
     */
    private static ArticleBody body(Article a, ArticleInput in) {
        if (in.body() != null) {
            return ArticleBody.of(in.bodyFormat(), in.body());
        }
        if (in.bodyFormat() != null && !ArticleBody.format(in.bodyFormat()).equals(a.getBodyFormat())) {
            return ArticleBody.of(in.bodyFormat(), a.body().editable());
        }
        return a.body();
    }

    public void deleteArticle(long id, Actor actor) {
        requireEditor(actor);
        articles.delete(article(id, actor));
    }

    private Instant now() {
        return clock.instant();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of(field, "err." + field + ".blank", Character.toUpperCase(field.charAt(0)) + field.substring(1) + ": cannot be blank");
        }
        if (value.length() > 1000) {
            throw InvalidInput.of(field, "err." + field + ".tooLong", field + ": is too long", 1000);
        }
        return value.strip();
    }

    private static String locale(String locale) {
        if (locale == null || locale.isBlank()) {
            return "en-us";
        }
        if (!locale.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw InvalidInput.of("locale", "err.locale.invalid", "Locale: " + locale + " is not a locale", locale);
        }
        return locale.toLowerCase(java.util.Locale.ROOT);
    }
}
