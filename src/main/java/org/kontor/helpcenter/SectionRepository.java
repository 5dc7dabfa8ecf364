package org.kontor.helpcenter;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SectionRepository extends JpaRepository<Section, Long> {
    List<Section> findAllByOrderByPositionAscIdAsc();

    List<Section> findByCategoryIdOrderByPositionAscIdAsc(long categoryId);

    boolean existsByCategoryId(long categoryId);
}
