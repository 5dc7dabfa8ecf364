package org.kontor.helpcenter;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleRepository extends JpaRepository<Article, Long> {
    List<Article> findAllByOrderByPositionAscIdAsc();

    List<Article> findByDraftFalseOrderByPositionAscIdAsc();

    List<Article> findBySectionIdOrderByPositionAscIdAsc(long sectionId);

    List<Article> findBySectionIdAndDraftFalseOrderByPositionAscIdAsc(long sectionId);

    boolean existsBySectionId(long sectionId);
}
