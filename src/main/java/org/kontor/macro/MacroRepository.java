package org.kontor.macro;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MacroRepository extends JpaRepository<Macro, Long> {
    List<Macro> findAllByOrderByTitleAscIdAsc();
}
