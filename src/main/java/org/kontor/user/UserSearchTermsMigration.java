package org.kontor.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V14: the table of the type-ahead's keys ({@link SearchTerms}), filled for existing users. Java rather
 * than SQL for two reasons: the keys of existing users are computed by the same code that keeps them current
 * (splitting names into words is not portable SQL), and on PostgreSQL the key column is collated "C", so that a
 * prefix range and its order come from the B-tree whatever the database's collation; H2 compares that way anyway
 * and knows no COLLATE clause.
 */
@Component
class UserSearchTermsMigration implements JavaMigration {
    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "user search terms";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE user_search_terms (user_id BIGINT NOT NULL REFERENCES users (id), term VARCHAR("
                    + SearchTerms.MAX_LENGTH + ")" + (postgres ? " COLLATE \"C\"" : "") + " NOT NULL,"
                    + " CONSTRAINT pk_user_search_terms PRIMARY KEY (user_id, term))");
            s.execute("CREATE INDEX ix_user_search_terms_term ON user_search_terms (term, user_id)");
        }
        try (Statement read = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO user_search_terms (user_id, term) VALUES (?, ?)")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet users = read.executeQuery("SELECT id, name, email, phone FROM users")) {
                while (users.next()) {
                    for (String term : SearchTerms.of(users.getString(2), users.getString(3), users.getString(4))) {
                        insert.setLong(1, users.getLong(1));
                        insert.setString(2, term);
                        insert.addBatch();
                        if (++pending % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
