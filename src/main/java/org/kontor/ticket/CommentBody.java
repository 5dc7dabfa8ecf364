package org.kontor.ticket;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import org.kontor.common.InvalidInput;

/**
 * A comment's text in its two forms: plain and sanitised HTML. HTML from clients passes jsoup's relaxed
 * safelist (no scripts, event handlers or javascript: links); plain text is escaped.
 */
public record CommentBody(String plain, String html) {
    public static final int MAX_LENGTH = 65_536;
    private static final Safelist SAFELIST = Safelist.relaxed().addProtocols("a", "href", "mailto", "tel")
            .preserveRelativeLinks(false);

    public static CommentBody of(String body, String htmlBody) {
        return of(body, htmlBody, Set.of());
    }

    /**
     * As {@link #of(String, String)}, and {@code <img src>} may also be exactly one of {@code imageSources}: the
     * addresses of the comment's own inline images (an email's {@code cid:} references, rewritten). No other
     * relative or unknown address passes.
     */
    public static CommentBody of(String body, String htmlBody, Set<String> imageSources) {
        if (htmlBody != null && !htmlBody.isBlank()) {
            check(htmlBody.length(), "html_body");
            String html = Jsoup.clean(htmlBody, imageSources.isEmpty() ? SAFELIST : withImages(imageSources));
            return new CommentBody(toPlain(html), html);
        }
        if (body != null && !body.isBlank()) {
            check(body.length(), "body");
            String plain = body.replace("\r\n", "\n").strip();
            return new CommentBody(plain, toHtml(plain));
        }
        throw InvalidInput.of("comment", "err.comment.blank", "Comment: body cannot be blank");
    }

    private static Safelist withImages(Set<String> sources) {
        return new Safelist(SAFELIST) {
            @Override
            public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
                if (tagName.equals("img") && attr.getKey().equals("src") && sources.contains(attr.getValue())) {
                    return true;
                }
                return super.isSafeAttribute(tagName, el, attr);
            }
        };
    }

    private static void check(int length, String field) {
        if (length > MAX_LENGTH) {
            throw InvalidInput.of("comment." + field, "err.comment.tooLong", "Comment: " + field + " is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
    }

    private static String toHtml(String plain) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : plain.split("\n\\s*\n")) {
            html.append("<p>").append(Entities.escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
    }

    private static String toPlain(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("br").after("\n");
        doc.select("p, div, li, h1, h2, h3, h4, h5, h6, pre, blockquote, tr").after("\n");
        return doc.body().wholeText().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
