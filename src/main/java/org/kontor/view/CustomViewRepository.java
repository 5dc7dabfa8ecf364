package org.kontor.view;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomViewRepository extends JpaRepository<CustomView, Long> {
    List<CustomView> findAllByOrderByTitleAscIdAsc();
}
