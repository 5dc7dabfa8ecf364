package org.kontor.notification;

import java.util.Optional;
import liqp.TemplateParser;

/** The Liquid dialect of notification templates, with limits so that no template can run away. */
public final class LiquidTemplates {
    static final TemplateParser PARSER = new TemplateParser.Builder()
            .withMaxRenderTimeMillis(2000)
            .withMaxIterations(10_000)
            .withMaxSizeRenderedString(1_000_000)
            .withErrorMode(TemplateParser.ErrorMode.LAX)
            .build();

    private LiquidTemplates() {
    }

    /** Why a template does not parse, or empty when it does. */
    public static Optional<String> problem(String template) {
        try {
            PARSER.parse(template);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
