package org.kontor.email;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Inline images of HTML mail: {@code <img src="cid:…">} refers to a MIME part by its Content-ID (RFC 2392). Each
 * reference to a stored part becomes that file's download address; a reference to nothing stored is dropped.
 */
final class InlineImages {
    private InlineImages() {
    }

    /** A Content-ID or a {@code cid:} URL's id, compared without angle brackets, percent-decoding and case. */
    static String key(String contentId) {
        String id = contentId.trim();
        if (id.regionMatches(true, 0, "cid:", 0, 4)) {
            id = id.substring(4);
        }
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        try {
            id = URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all
        }
        return id.toLowerCase(Locale.ROOT);
    }

    static String rewrite(String html, Map<String, String> addressByContentId) {
        if (!html.toLowerCase(Locale.ROOT).contains("cid:")) {
            return html;
        }
        Document doc = Jsoup.parse(html);
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src").trim();
            if (!src.regionMatches(true, 0, "cid:", 0, 4)) {
                continue;
            }
            String address = addressByContentId.get(key(src));
            if (address == null) {
                img.removeAttr("src");
            } else {
                img.attr("src", address);
            }
        }
        return doc.body().html();
    }
}
