package org.kontor.email;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Cuts the quoted history off a reply, so a ticket shows what was written, not the thread again. Knows the
 * common shapes: "On … wrote:" (Gmail, Apple Mail, Thunderbird), "Am … schrieb …:", Outlook's
 * "-----Original Message-----" and "From:/Sent:" header blocks and its underscore separator, and trailing
 * {@code >} lines. If trimming would leave nothing, the text is kept whole.
 */
final class QuotedText {
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On\\s.+\\swrote:|Am\\s.+\\sschrieb\\s.*:|Le\\s.+\\sa écrit\\s?:|El\\s.+\\sescribió:|Op\\s.+\\sschreef\\s.*:)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*(-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht|Message d'origine)\\s*-{2,}|_{20,})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De)\\s*:\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NEXT = Pattern.compile("^\\s*\\*?(Sent|Date|Gesendet|Datum|To|An|Subject|Betreff|Envoyé)\\s*:\\*?.*",
            Pattern.CASE_INSENSITIVE);

    private QuotedText() {
    }

    static String trimPlain(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int cut = lines.length;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String twoLines = i + 1 < lines.length ? line + " " + lines[i + 1] : line;
            if (SEPARATOR.matcher(line).matches()
                    || (HEADER_FROM.matcher(line).matches() && i + 1 < lines.length && HEADER_NEXT.matcher(lines[i + 1]).matches())) {
                cut = i;
                break;
            }
            if (ATTRIBUTION.matcher(line).matches()) {
                cut = i;
                break;
            }
            // Gmail wraps a long attribution: "On Mon, 3 Mar 2025 at 10:00, Jane <jane@example.com>" / "wrote:".
            if (line.trim().startsWith("On ") || line.trim().startsWith("Am ")) {
                if (ATTRIBUTION.matcher(twoLines).matches() && i + 1 < lines.length && lines[i + 1].trim().endsWith(":")) {
                    cut = i;
                    break;
                }
            }
            if (line.startsWith(">") && restIsQuoted(lines, i)) {
                cut = i;
                break;
            }
        }
        String trimmed = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, cut)).strip();
        return trimmed.isEmpty() ? text.strip() : trimmed;
    }

    /** From line i on, only quoted or blank lines (a reply below a quote is kept: interleaved answers). */
    private static boolean restIsQuoted(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (!lines[j].isBlank() && !lines[j].startsWith(">")) {
                return false;
            }
        }
        return true;
    }

    /** The HTML of a reply without its quoted history (Gmail, Outlook, Apple Mail, Thunderbird containers). */
    static String trimHtml(String html) {
        if (html == null) {
            return null;
        }
        Document doc = Jsoup.parse(html);
        doc.select("div.gmail_quote, div.gmail_extra, blockquote[type=cite], div.moz-cite-prefix, div.yahoo_quoted,"
                + " blockquote.gmail_quote, div#appendonsend ~ *, div#appendonsend").remove();
        for (Element marker : doc.select("div#divRplyFwdMsg, div#x_divRplyFwdMsg, div.OutlookMessageHeader")) {
            removeFrom(marker);
        }
        // Outlook desktop: the header block sits in a div whose top border separates it from the reply.
        for (Element div : doc.select("div[style*=border-top]")) {
            if (div.text().matches("(?s).*\\b(From|Von):.*") && div.parent() != null) {
                removeFrom(div.parent().tagName().equals("div") && div.parent().childrenSize() == 1 ? div.parent() : div);
            }
        }
        for (Element hr : doc.select("hr#stopSpelling, hr[tabindex=-1]")) {
            removeFrom(hr);
        }
        String text = doc.body().text();
        return text.isBlank() ? html : doc.body().html();
    }

    /** Removes the element and everything after it in document order, keeping its ancestors. */
    private static void removeFrom(Element element) {
        Node node = element;
        while (node != null && node.parent() != null && !(node instanceof Element e && e.tagName().equals("body"))) {
            Node next;
            while ((next = node.nextSibling()) != null) {
                next.remove();
            }
            node = node.parent();
        }
        element.remove();
    }
}
