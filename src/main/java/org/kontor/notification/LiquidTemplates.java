package org.kontor.notification;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import liqp.Template;
import liqp.TemplateParser;

/** The Liquid dialect of notification templates, with limits so that no template can run away. */
public final class LiquidTemplates {
    static final TemplateParser PARSER = new TemplateParser.Builder()
            .withMaxRenderTimeMillis(2000)
            .withMaxIterations(10_000)
            .withMaxSizeRenderedString(1_000_000)
            .withErrorMode(TemplateParser.ErrorMode.LAX)
            .build();

    /**
     * Runs renders under {@link #PARSER}'s time limit. Without it liqp starts a thread for every render (three per
     * email); a cached pool reuses idle ones and still starts another when a runaway template holds one.
     */
    private static final AtomicInteger RENDER_THREADS_STARTED = new AtomicInteger();
    private static final ExecutorService RENDER_THREADS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "kontor-liquid-" + RENDER_THREADS_STARTED.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    });

    private LiquidTemplates() {
    }

    /** Renders a parsed template within the parser's limits. */
    static String render(Template template, Map<String, Object> variables) {
        return template.render(variables, RENDER_THREADS, false);
    }

    /** Parses and renders a template (a macro's reply) within the parser's limits. */
    public static String render(String template, Map<String, Object> variables) {
        return render(PARSER.parse(template), variables);
    }

    /** How many render threads were started so far (they are reused while renders keep coming). */
    static int renderThreadsStarted() {
        return RENDER_THREADS_STARTED.get();
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
