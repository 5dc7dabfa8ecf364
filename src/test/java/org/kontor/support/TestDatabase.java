package org.kontor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database a test run uses, chosen by {@code -Dkontor.test.db=h2|postgresql}. Each JVM gets a fresh
 * database of its own (an H2 in-memory database, or a new PostgreSQL database dropped at exit), so runs
 * never see each other's data and migrations always run from scratch.
 */
public final class TestDatabase {
    private static Map<String, String> properties;

    private TestDatabase() {
    }

    public static String kind() {
        return System.getProperty("kontor.test.db", "h2");
    }

    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = kind().equals("postgresql") ? postgresql() : h2();
            properties.put("kontor.search.index-dir", newSearchIndexDir());
        }
        return properties;
    }

    /**
     * A search index directory: a fresh temporary directory, removed at exit. One per application context (Lucene
     * locks its index for one writer), so a test with its own context needs its own.
     */
    public static String newSearchIndexDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kontor-test-index-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var paths = java.nio.file.Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // A leftover temporary directory is harmless.
                }
            }));
            return dir.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> h2() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", "jdbc:h2:mem:kontor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        p.put("spring.datasource.username", "sa");
        p.put("spring.datasource.password", "");
        return p;
    }

    private static Map<String, String> postgresql() {
        String adminUrl = System.getProperty("kontor.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("kontor.test.pg.user", "postgres");
        String password = System.getProperty("kontor.test.pg.password", "");
        String name = "kontor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests does not answer at " + adminUrl
                    + " (start it, or set -Dkontor.test.pg.url): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // A leftover test database is harmless; the next run uses a new name.
            }
        }));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name);
        p.put("spring.datasource.username", user);
        p.put("spring.datasource.password", password);
        return p;
    }
}
