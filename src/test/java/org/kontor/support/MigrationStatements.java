package org.kontor.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The INSERT statements of a SQL migration, to derive in tests and benchmarks what a migration derives. */
public final class MigrationStatements {
    private MigrationStatements() {
    }

    /** The migration's {@code INSERT} statements, comments removed, in file order. */
    public static List<String> inserts(String resource) {
        try (InputStream in = MigrationStatements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No migration " + resource);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(sql.split(";")).map(String::trim).filter(s -> s.startsWith("INSERT")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
