package org.kontor.helpcenter;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.kontor.common.InvalidInput;

/** An article body: HTML passed through jsoup's relaxed safelist (as comments are), and its text for search. */
public record ArticleBody(String html, String text) {
    static final int MAX_LENGTH = 500_000;
    private static final Safelist SAFELIST = Safelist.relaxed().addProtocols("a", "href", "mailto", "tel")
            .preserveRelativeLinks(false);

    public static ArticleBody of(String html) {
        if (html == null || html.isBlank()) {
            throw new InvalidInput("body", "Body: cannot be blank");
        }
        if (html.length() > MAX_LENGTH) {
            throw new InvalidInput("body", "Body: is longer than " + MAX_LENGTH + " characters");
        }
        String clean = Jsoup.clean(html, SAFELIST);
        return new ArticleBody(clean, Jsoup.parse(clean).text());
    }
}
