package org.kontor.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a raw RFC 822 message with Jakarta Mail (Angus): RFC 2047 encoded words, folded headers, nested
 * multiparts, quoted-printable and base64, and the charsets real mail uses. Lenient where real mail is sloppy
 * (addresses, parameters), strict where Kontor cannot work without it: a message without a usable sender is
 * malformed.
 */
public final class MimeParser {
    private static final Session SESSION;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final List<String> LOOP_HEADERS = List.of("auto-submitted", "precedence", "x-autoreply", "x-autorespond",
            "x-auto-response-suppress", "list-id", "x-loop", "x-kontor-ticket-id", "content-type");

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        SESSION = Session.getInstance(p);
    }

    private MimeParser() {
    }

    /** A message Kontor cannot read, with the reason admins see in the quarantine. */
    public static final class MalformedMessage extends Exception {
        public MalformedMessage(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** The Message-ID, or a stable stand-in derived from the bytes when the header is missing or unreadable. */
    public static String messageIdOf(byte[] raw) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String id = firstId(m.getHeader("Message-ID", null));
            if (id != null) {
                return id;
            }
        } catch (MessagingException | RuntimeException e) {
            // fall through to the digest
        }
        return syntheticId(raw);
    }

    /** From and Subject as far as they can be read, to describe a malformed message to admins. */
    static String[] bestEffortFromAndSubject(byte[] raw) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String from = m.getHeader("From", ",");
            return new String[] {from == null ? null : MimeUtility.unfold(from).trim(), subject(m)};
        } catch (MessagingException | RuntimeException e) {
            return new String[] {null, null};
        }
    }

    static String syntheticId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "<sha256-" + HexFormat.of().formatHex(digest) + "@kontor.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ParsedEmail parse(byte[] raw) throws MalformedMessage {
        MimeMessage m;
        try {
            m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            throw new MalformedMessage("The message's headers cannot be read: " + e.getMessage(), e);
        }
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : LOOP_HEADERS) {
                String value = m.getHeader(name, ",");
                if (value != null) {
                    headers.put(name, MimeUtility.unfold(value).trim());
                }
            }
            ParsedEmail.Address from = from(m);
            String messageId = firstId(m.getHeader("Message-ID", null));
            if (messageId == null) {
                messageId = syntheticId(raw);
            }
            String subject = subject(m);
            Body body = new Body();
            walk(m, body, 0);
            return new ParsedEmail(messageId, subject, from, addresses(m.getHeader("To", ",")), addresses(m.getHeader("Cc", ",")),
                    addresses(join(m.getHeader("Delivered-To", ","), m.getHeader("X-Original-To", ","), m.getHeader("Envelope-To", ","))),
                    firstId(m.getHeader("In-Reply-To", " ")), ids(m.getHeader("References", " ")), returnPath(m),
                    headers, body.text, body.html, body.parts);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MalformedMessage("The message's MIME structure cannot be read: " + e.getMessage(), e);
        }
    }

    private static String join(String... values) {
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            if (v != null) {
                s.append(s.isEmpty() ? "" : ",").append(v);
            }
        }
        return s.isEmpty() ? null : s.toString();
    }

    private static ParsedEmail.Address from(MimeMessage m) throws MessagingException, MalformedMessage {
        String header = m.getHeader("From", ",");
        if (header == null) {
            header = m.getHeader("Sender", ",");
        }
        if (header == null || header.isBlank()) {
            throw new MalformedMessage("The message has no From address", null);
        }
        List<ParsedEmail.Address> from = addresses(header);
        if (from.isEmpty() || !from.get(0).email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw new MalformedMessage("The From address cannot be read: " + header, null);
        }
        return from.get(0);
    }

    private static String subject(MimeMessage m) throws MessagingException {
        String raw = m.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(raw);
        try {
            return MimeUtility.decodeText(unfolded).replaceAll("\\s+", " ").trim();
        } catch (UnsupportedEncodingException e) {
            return unfolded.replaceAll("\\s+", " ").trim();
        }
    }

    private static String returnPath(MimeMessage m) throws MessagingException {
        String value = m.getHeader("Return-Path", null);
        return value == null ? null : value.trim();
    }

    static List<ParsedEmail.Address> addresses(String header) {
        List<ParsedEmail.Address> result = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return result;
        }
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(MimeUtility.unfold(header), false);
        } catch (AddressException e) {
            return result;
        }
        for (InternetAddress a : parsed) {
            if (a.getAddress() == null || a.getAddress().isBlank() || a.isGroup()) {
                continue;
            }
            String email = a.getAddress().trim().toLowerCase(Locale.ROOT);
            String name = a.getPersonal();
            result.add(new ParsedEmail.Address(email, name == null || name.isBlank() ? null : name.trim()));
        }
        return result;
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> ids(String header) {
        List<String> result = new ArrayList<>();
        if (header == null) {
            return result;
        }
        Matcher matcher = MESSAGE_ID.matcher(MimeUtility.unfold(header));
        while (matcher.find() && result.size() < 100) {
            String id = matcher.group();
            result.add(id.length() > 990 ? id.substring(0, 989) + ">" : id);
        }
        return result;
    }

    private static final class Body {
        String text;
        String html;
        final List<ParsedEmail.Part> parts = new ArrayList<>();
    }

    private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > 20) {
            throw new MessagingException("MIME parts nested deeper than 20 levels");
        }
        String disposition = disposition(part);
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException("a multipart without readable parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, depth + 1);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName(part) != null && !part.isMimeType("text/*"));
        if (!attachment && part.isMimeType("text/plain") && body.text == null) {
            body.text = text(part);
            return;
        }
        if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = text(part);
            return;
        }
        byte[] content;
        try (InputStream in = part.getInputStream()) {
            content = in.readAllBytes();
        }
        String name = fileName(part);
        String type = baseType(part);
        String contentId = part instanceof jakarta.mail.internet.MimePart mp ? firstId(mp.getContentID()) : null;
        if (name == null) {
            name = part.isMimeType("message/rfc822") ? "message.eml" : "attachment" + extension(type);
        }
        body.parts.add(new ParsedEmail.Part(name, type, contentId, Part.INLINE.equalsIgnoreCase(disposition) || contentId != null, content));
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            name = MimeUtility.decodeText(name).replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
            return name.isEmpty() ? null : (name.length() > 255 ? name.substring(name.length() - 255) : name);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    private static String extension(String type) {
        int slash = type.indexOf('/');
        String sub = slash < 0 ? "bin" : type.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return "." + (sub.isEmpty() ? "bin" : sub.length() > 8 ? sub.substring(0, 8) : sub);
    }

    /**
     * The text of a text part in its declared charset. ISO-8859-1 is read as Windows-1252, as browsers do,
     * because mail labelled Latin-1 usually carries Windows' quotes and euro sign; undeclared or unknown
     * charsets are tried as UTF-8 and fall back to Windows-1252.
     */
    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String declared = null;
        try {
            declared = new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException e) {
            // no usable charset parameter
        }
        Charset charset = charset(declared);
        if (charset != null) {
            return new String(bytes, charset);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = MimeUtility.javaCharset(declared.trim().replace("\"", ""));
        if (name.equalsIgnoreCase("ISO-8859-1") || name.equalsIgnoreCase("ISO8859_1") || name.equalsIgnoreCase("latin1")
                || name.equalsIgnoreCase("us-ascii") || name.equalsIgnoreCase("ASCII")) {
            return Charset.forName("windows-1252");
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
