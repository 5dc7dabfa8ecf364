package org.kontor.common;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the JDBC driver send Hibernate's insert batches as multi-row INSERTs
 * ({@code reWriteBatchedInserts}): a new ticket's audit events, for example, go as two statements instead of six.
 * An explicit {@code spring.datasource.hikari.data-source-properties.reWriteBatchedInserts} (or URL parameter) wins.
 * H2 has no such setting and is left alone.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {
    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null && ds.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !ds.getJdbcUrl().contains(PROPERTY) && !ds.getDataSourceProperties().containsKey(PROPERTY)) {
            ds.addDataSourceProperty(PROPERTY, "true");
        }
        return bean;
    }
}
