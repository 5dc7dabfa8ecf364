package org.kontor.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The real-world-shaped messages under {@code src/test/resources/mail/}. Placeholders such as {@code {{FROM}}},
 * {@code {{TO}}}, {@code {{TICKET}}} and {@code {{UNIQUE}}} are replaced byte-wise, so non-UTF-8 bodies stay
 * exactly as they are.
 */
final class Corpus {
    private Corpus() {
    }

    static byte[] load(String name, Map<String, String> values) {
        byte[] raw;
        try (InputStream in = Corpus.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus message " + name);
            }
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // ISO-8859-1 maps every byte to one char and back, so 8-bit bodies survive the replacement.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
