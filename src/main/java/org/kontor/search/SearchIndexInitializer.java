package org.kontor.search;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.kontor.helpcenter.Article;
import org.kontor.organization.Organization;
import org.kontor.ticket.Ticket;
import org.kontor.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes an existing database searchable: on start, an index that is empty while its table has rows (a new or
 * lost index directory) is filled by the mass indexer, in the background so the application starts at once.
 */
@Component
class SearchIndexInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexInitializer.class);
    private static final List<Class<?>> INDEXED = List.of(Ticket.class, User.class, Organization.class, Article.class);

    private final EntityManagerFactory emf;

    SearchIndexInitializer(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexIfEmpty() {
        SearchMapping mapping = Search.mapping(emf);
        for (Class<?> type : INDEXED) {
            var em = emf.createEntityManager();
            try {
                long rows = em.createQuery("select count(e) from " + type.getSimpleName() + " e", Long.class).getSingleResult();
                long documents = Search.session(em).search(type).where(f -> f.matchAll()).fetchTotalHitCount();
                if (rows > 0 && documents == 0) {
                    LOG.info("Search index for {} is empty; indexing {} rows in the background", type.getSimpleName(), rows);
                    mapping.scope(type).massIndexer().threadsToLoadObjects(2).start().whenComplete((ok, error) -> {
                        if (error != null) {
                            LOG.error("Indexing {} failed", type.getSimpleName(), error);
                        } else {
                            LOG.info("Search index for {} is ready", type.getSimpleName());
                        }
                    });
                }
            } finally {
                em.close();
            }
        }
    }

    /** Rebuilds every index from the database, waiting until done (benchmarks, recovery). */
    void reindexAll() throws InterruptedException {
        Search.mapping(emf).scope(Object.class).massIndexer().threadsToLoadObjects(2).startAndWait();
    }
}
