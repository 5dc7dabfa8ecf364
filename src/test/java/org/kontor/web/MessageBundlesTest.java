package org.kontor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every UI text comes from the bundles, in English and in German. Each feature has its own bundle (the
 * basenames listed in {@code spring.messages.basename}); every one of them must have the same keys in both
 * languages, and every key a template or a Java class asks for must exist.
 */
class MessageBundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<String> basenames() throws IOException {
        Properties app = load(RESOURCES.resolve("application.properties"));
        List<String> names = new ArrayList<>();
        for (String name : app.getProperty("spring.messages.basename").split(",")) {
            names.add(name.trim());
        }
        return names;
    }

    private static Set<String> allEnglishKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String basename : basenames()) {
            keys.addAll(load(RESOURCES.resolve(basename + ".properties")).stringPropertyNames());
        }
        return keys;
    }

    @Test
    void germanHasEveryEnglishKeyAndNoOther() throws IOException {
        for (String basename : basenames()) {
            assertThat(load(RESOURCES.resolve(basename + "_de.properties")).stringPropertyNames())
                    .as(basename)
                    .isEqualTo(load(RESOURCES.resolve(basename + ".properties")).stringPropertyNames());
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String basename : basenames()) {
            for (String key : load(RESOURCES.resolve(basename + ".properties")).stringPropertyNames()) {
                assertThat(seen.add(key)).as("%s is defined twice (again in %s)", key, basename).isTrue();
            }
        }
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern message = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = message.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(allEnglishKeys()).containsAll(used);
    }

    /** A field error's message key ({@code InvalidInput.of(field, "err.…", …)}) that no bundle has would show in English. */
    @Test
    void everyFieldErrorKeyTheCodeGivesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(err\\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(allEnglishKeys()).containsAll(used);
    }
}
