package org.kontor.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

class PostgresBatchInsertsTest extends IntegrationTest {
    @Autowired
    DataSource dataSource;

    @Test
    void postgresqlSendsInsertBatchesAsMultiRowInsertsAndH2IsLeftAlone() throws Exception {
        Object setting = dataSource.unwrap(HikariDataSource.class).getDataSourceProperties().get(PostgresBatchInserts.PROPERTY);
        assertThat(setting).isEqualTo("postgresql".equals(TestDatabase.kind()) ? "true" : null);
    }

    @Test
    void anExplicitSettingWins() {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:postgresql://db.example.com/kontor");
            ds.addDataSourceProperty(PostgresBatchInserts.PROPERTY, "false");
            new PostgresBatchInserts().postProcessAfterInitialization(ds, "dataSource");
            assertThat(ds.getDataSourceProperties().get(PostgresBatchInserts.PROPERTY)).isEqualTo("false");
        }
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:postgresql://db.example.com/kontor?reWriteBatchedInserts=false");
            new PostgresBatchInserts().postProcessAfterInitialization(ds, "dataSource");
            assertThat(ds.getDataSourceProperties()).doesNotContainKey(PostgresBatchInserts.PROPERTY);
        }
    }
}
