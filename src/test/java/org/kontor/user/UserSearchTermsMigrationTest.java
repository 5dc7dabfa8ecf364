package org.kontor.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** Migration V14 gives the users that exist before it the same type-ahead keys (R2) as the application would. */
class UserSearchTermsMigrationTest {
    @Test
    void r2_existingUsersGetTheirKeys() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:v14-" + System.nanoTime(), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL, email VARCHAR(320), phone VARCHAR(64))");
                s.execute("INSERT INTO users VALUES (1, 'Anna Müller-Lüdenscheidt', 'anna@mail.acme.test', '+49 (30) 1234-567'),"
                        + " (2, 'Bert', NULL, NULL)");
            }
            new UserSearchTermsMigration().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
            assertThat(terms(c, 1)).containsExactlyInAnyOrderElementsOf(
                    SearchTerms.of("Anna Müller-Lüdenscheidt", "anna@mail.acme.test", "+49 (30) 1234-567"));
            assertThat(terms(c, 1)).contains("n:müller", "n:lüdenscheidt", "@:mail.acme.test", "d:acme.test", "p:49301234567");
            assertThat(terms(c, 2)).containsExactly("n:bert");
        }
    }

    private static List<String> terms(Connection c, long userId) throws Exception {
        List<String> terms = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT term FROM user_search_terms WHERE user_id = " + userId)) {
            while (rs.next()) {
                terms.add(rs.getString(1));
            }
        }
        return terms;
    }
}
