package org.kontor.helpcenter;

import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.kontor.common.InvalidInput;

/**
 * An article body as its author wrote it ({@code format} "html" or "markdown", {@code source} the Markdown), the
 * sanitised HTML readers get — HTML, or rendered Markdown (CommonMark), passed through jsoup's relaxed safelist as
 * comments are — and its text for search.
 */
public record ArticleBody(String format, String source, String html, String text) {
    public static final String HTML = "html";
    public static final String MARKDOWN = "markdown";
    static final int MAX_LENGTH = 500_000;
    private static final Safelist SAFELIST = Safelist.relaxed().addProtocols("a", "href", "mailto", "tel")
            .preserveRelativeLinks(false);
    private static final Parser MARKDOWN_PARSER = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();

    /** An HTML body (the Help Center API's {@code body}). */
    public static ArticleBody of(String html) {
        return of(HTML, html);
    }

    public static ArticleBody of(String format, String body) {
        String f = format(format);
        if (body == null || body.isBlank()) {
            throw InvalidInput.of("body", "err.body.blank", "Body: cannot be blank");
        }
        if (body.length() > MAX_LENGTH) {
            throw InvalidInput.of("body", "err.body.tooLong", "Body: is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        String unsafe = f.equals(MARKDOWN) ? MARKDOWN_RENDERER.render(MARKDOWN_PARSER.parse(body)) : body;
        String clean = Jsoup.clean(unsafe, SAFELIST);
        return new ArticleBody(f, f.equals(MARKDOWN) ? body : null, clean, Jsoup.parse(clean).text());
    }

    /** What an editor edits: the Markdown as written, or the sanitised HTML. */
    public String editable() {
        return source != null ? source : html;
    }

    static String format(String format) {
        if (format == null || format.isBlank()) {
            return HTML;
        }
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals(HTML) && !f.equals(MARKDOWN)) {
            throw InvalidInput.of("body_format", "err.bodyFormat.invalid", "Body format: must be html or markdown");
        }
        return f;
    }
}
