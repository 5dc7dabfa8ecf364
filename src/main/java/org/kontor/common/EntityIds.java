package org.kontor.common;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;
import org.springframework.stereotype.Component;

/**
 * Draws the id of an entity mapped with {@link PooledSequence} before it is persisted, from the same pool Hibernate
 * uses. A use case that builds a whole aggregate in memory first can then persist each row once, with its final
 * state, instead of an INSERT followed by an UPDATE.
 */
@Component
public class EntityIds {
    private final EntityManager entityManager;

    EntityIds(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long next(Class<?> entityType) {
        SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
        var generator = session.getFactory().getMappingMetamodel().getEntityDescriptor(entityType).getGenerator();
        if (!(generator instanceof PooledSequenceGenerator pooled)) {
            throw new IllegalArgumentException(entityType.getSimpleName() + " is not mapped with @PooledSequence");
        }
        return ((Number) pooled.generate(session, null, null, EventType.INSERT)).longValue();
    }
}
