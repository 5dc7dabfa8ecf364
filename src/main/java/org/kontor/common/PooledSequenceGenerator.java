package org.kontor.common;

import java.lang.reflect.Member;
import java.util.Properties;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;
import org.hibernate.generator.GeneratorCreationContext;
import org.hibernate.id.enhanced.SequenceStyleGenerator;

/**
 * Hibernate's pooled sequence generator for {@link PooledSequence}, which keeps an id the entity already has: one
 * drawn through {@link EntityIds} before the entity was persisted.
 */
public class PooledSequenceGenerator extends SequenceStyleGenerator {
    private final PooledSequence config;

    public PooledSequenceGenerator(PooledSequence config, Member member, GeneratorCreationContext context) {
        this.config = config;
    }

    @Override
    public void configure(GeneratorCreationContext context, Properties parameters) {
        parameters.setProperty(SEQUENCE_PARAM, config.value());
        parameters.setProperty(INCREMENT_PARAM, Integer.toString(config.allocationSize()));
        super.configure(context, parameters);
    }

    @Override
    public boolean allowAssignedIdentifiers() {
        return true;
    }

    @Override
    public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue, EventType eventType) {
        return currentValue != null ? currentValue : generate(session, owner);
    }
}
