package org.kontor.search;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.kontor.helpcenter.Article;
import org.kontor.organization.Organization;
import org.kontor.ticket.Ticket;
import org.kontor.user.User;

/**
 * What is indexed, declared here rather than with annotations on the domain classes, so the search engine's
 * vocabulary lives in one package. Only backend-neutral features are used (default analyzer, highlighting),
 * so the Elasticsearch/OpenSearch backend can replace Lucene by configuration.
 */
public class KontorSearchMapping implements HibernateOrmSearchMappingConfigurer {
    static final String CREATED = "created_at";
    static final String UPDATED = "updated_at";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        var mapping = context.programmaticMapping();

        var ticket = mapping.type(Ticket.class);
        ticket.indexed().index("ticket");
        ticket.binder(new TicketDocument.Binder());

        var user = mapping.type(User.class);
        user.indexed().index("user");
        user.property("name").fullTextField("name");
        user.property("email").fullTextField("email").keywordField("email_exact");
        user.property("role").keywordField("role");
        user.property("organizationId").genericField("organization_id");
        user.property("active").genericField("active");
        user.property("createdAt").genericField(CREATED).sortable(Sortable.YES);
        user.property("updatedAt").genericField(UPDATED).sortable(Sortable.YES);

        var organization = mapping.type(Organization.class);
        organization.indexed().index("organization");
        organization.property("name").fullTextField("name");
        organization.property("createdAt").genericField(CREATED).sortable(Sortable.YES);
        organization.property("updatedAt").genericField(UPDATED).sortable(Sortable.YES);

        var article = mapping.type(Article.class);
        article.indexed().index("article");
        article.property("title").fullTextField(ArticleFields.TITLE).projectable(Projectable.YES)
                .highlightable(java.util.List.of(Highlightable.UNIFIED));
        article.property("bodyText").fullTextField(ArticleFields.BODY).projectable(Projectable.YES)
                .highlightable(java.util.List.of(Highlightable.UNIFIED));
        article.property("locale").keywordField(ArticleFields.LOCALE);
        article.property("draft").genericField(ArticleFields.DRAFT);
        article.property("sectionId").genericField(ArticleFields.SECTION);
        article.property("createdAt").genericField(CREATED).sortable(Sortable.YES);
        article.property("updatedAt").genericField(UPDATED).sortable(Sortable.YES);
    }

    /** Field names of the article index. */
    static final class ArticleFields {
        static final String TITLE = "title";
        static final String BODY = "body";
        static final String LOCALE = "locale";
        static final String DRAFT = "draft";
        static final String SECTION = "section_id";

        private ArticleFields() {
        }
    }
}
