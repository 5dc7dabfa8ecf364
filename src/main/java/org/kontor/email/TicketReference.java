package org.kontor.email;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket references Kontor puts into the mail it sends, and how to find them in a reply. The contract
 * with outbound notifications (issue 4), kept in this one class so it is trivial to adjust:
 * <ul>
 *   <li>{@code Message-ID: <ticket-{id}-n{notificationId}@{domain}>}, thread root {@code <ticket-{id}@{domain}>}
 *       in {@code In-Reply-To}/{@code References};</li>
 *   <li>{@code Reply-To: {localPart}+id{id}@{domain}} (plus-addressing);</li>
 *   <li>{@code [#{id}]} in the subject.</li>
 * </ul>
 */
public final class TicketReference {
    private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\[#(\\d{1,18})]");
    private static final Pattern PLUS_ID = Pattern.compile("^[^@+]+\\+id(\\d{1,18})@", Pattern.CASE_INSENSITIVE);

    private final String domain;
    private final Pattern messageId;

    public TicketReference(String domain) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.messageId = Pattern.compile("^<?ticket-(\\d{1,18})(?:-n\\d{1,18})?@" + Pattern.quote(this.domain) + ">?$",
                Pattern.CASE_INSENSITIVE);
    }

    public String domain() {
        return domain;
    }

    /** The thread root Kontor uses for a ticket. */
    public String threadRoot(long ticketId) {
        return "<ticket-" + ticketId + "@" + domain + ">";
    }

    /** The ticket a Message-ID Kontor generated belongs to. */
    public Optional<Long> fromMessageId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = messageId.matcher(id.trim());
        return m.matches() ? parse(m.group(1)) : Optional.empty();
    }

    /** The first ticket named by a list of Message-IDs, newest (last) first as References lists them oldest first. */
    public Optional<Long> fromMessageIds(List<String> ids) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<Long> ticket = fromMessageId(ids.get(i));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    /** {@code support+id42@example.com} names ticket 42. */
    public static Optional<Long> fromAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = PLUS_ID.matcher(address.trim());
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /** The address without its plus tag: {@code support+id42@example.com} is {@code support@example.com}. */
    public static String withoutPlusTag(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        int plus = a.indexOf('+');
        return plus > 0 && at > plus ? a.substring(0, plus) + a.substring(at) : a;
    }

    /** {@code Re: [#42] Printer on fire} names ticket 42. */
    public static Optional<Long> fromSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = SUBJECT_TOKEN.matcher(subject);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /** Did Kontor itself generate this Message-ID (a mail loop when it comes back as a new message)? */
    public boolean isOwnMessageId(String id) {
        return id != null && id.trim().toLowerCase(Locale.ROOT).endsWith("@" + domain + ">");
    }

    private static Optional<Long> parse(String digits) {
        try {
            long id = Long.parseLong(digits);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
