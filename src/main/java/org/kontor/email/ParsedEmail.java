package org.kontor.email;

import java.util.List;
import java.util.Map;

/**
 * What Kontor reads from a raw message. Addresses are lower-case; {@code html} is the message's HTML part as
 * sent (sanitised later, when it becomes a comment body); headers keep the ones loop detection needs.
 */
public record ParsedEmail(String messageId, String subject, Address from, List<Address> to, List<Address> cc,
                          List<Address> deliveredTo, String inReplyTo, List<String> references, String returnPath,
                          Map<String, String> headers, String text, String html, List<Part> attachments) {

    public record Address(String email, String name) {
    }

    /** An attachment or inline image, already transfer-decoded. */
    public record Part(String fileName, String contentType, String contentId, boolean inline, byte[] content) {
    }

    /** A header's value, or null; names are case-insensitive. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
