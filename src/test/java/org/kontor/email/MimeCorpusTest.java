package org.kontor.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kontor.ticket.CommentBody;

/** The corpus of real-world-shaped messages, parsed: what Kontor reads from each. */
class MimeCorpusTest {
    private static final Map<String, String> VALUES = Map.of("FROM", "jane@customer.example", "TO", "help@kontor.test",
            "CC1", "anna@customer.example", "CC2", "bob@customer.example", "TICKET", "42", "UNIQUE", "u1", "DOMAIN", "kontor.test");

    private static ParsedEmail parse(String name) throws Exception {
        return MimeParser.parse(Corpus.load(name, VALUES));
    }

    @Test
    void multipartAlternativeGivesEncodedSubjectSenderCcsTextAndHtml() throws Exception {
        ParsedEmail mail = parse("multipart-alternative.eml");
        assertThat(mail.subject()).isEqualTo("Drucker im 2. Stock druckt leere Seiten – dringend");
        assertThat(mail.from()).isEqualTo(new ParsedEmail.Address("jane@customer.example", "Jürgen Müller"));
        assertThat(mail.messageId()).isEqualTo("<CAF=+abcu1@mail.gmail.com>");
        assertThat(mail.to()).extracting(ParsedEmail.Address::email).containsExactly("help@kontor.test");
        assertThat(mail.cc()).extracting(ParsedEmail.Address::email)
                .containsExactly("anna@customer.example", "bob@customer.example", "help@kontor.test");
        assertThat(mail.text()).contains("Grüße\r\nJürgen").contains("druckt nur noch leere Seiten");
        assertThat(mail.html()).contains("<b>2. Stock</b>");
        assertThat(mail.attachments()).isEmpty();
        CommentBody body = CommentBody.of(null, mail.html());
        assertThat(body.html()).contains("<b>2. Stock</b>").doesNotContain("script").doesNotContain("alert");
    }

    @Test
    void inlineImagesAndAttachmentsAreSeparatedFromTheBody() throws Exception {
        ParsedEmail mail = parse("inline-image-related.eml");
        assertThat(mail.text()).isNull();
        assertThat(mail.html()).contains("cid:image001.png@01DB8D");
        assertThat(mail.attachments()).hasSize(2);
        ParsedEmail.Part image = mail.attachments().get(0);
        assertThat(image.fileName()).isEqualTo("image001.png");
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.contentId()).isEqualTo("<image001.png@01DB8D>");
        assertThat(image.inline()).isTrue();
        assertThat(image.content()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        ParsedEmail.Part pdf = mail.attachments().get(1);
        assertThat(pdf.fileName()).isEqualTo("Rechnung März.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.inline()).isFalse();
        assertThat(new String(pdf.content(), java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
    }

    @Test
    void isoLatin1SubjectSenderAndQuotedPrintableBody() throws Exception {
        ParsedEmail mail = parse("iso-8859-1.eml");
        assertThat(mail.subject()).isEqualTo("Problème de connexion à l'application");
        assertThat(mail.from().name()).isEqualTo("François Béranger");
        assertThat(mail.text()).contains("connecter à l'application").contains("Grüße aus München, ça ne marche pas");
    }

    @Test
    void windows1252EightBitBodyKeepsQuotesAndEuroSign() throws Exception {
        ParsedEmail mail = parse("windows-1252.eml");
        assertThat(mail.text()).contains("“€ 12.50”").contains("paid € 10 – please");
    }

    @Test
    void longFoldedHeadersAreUnfolded() throws Exception {
        ParsedEmail mail = parse("long-folded-headers.eml");
        assertThat(mail.subject()).isEqualTo("This is a very long subject line that was folded by the sending mail client because it"
                + " is longer than seventy-eight characters and contains ümlauts in the third encoded word");
        assertThat(mail.to()).extracting(ParsedEmail.Address::email)
                .containsExactly("help@kontor.test", "someone.else@example.net", "another.recipient@example.net");
        assertThat(mail.references()).hasSize(15).first().isEqualTo("<ref0-u1@mail.example.net>");
        assertThat(mail.from().name()).isEqualTo("Very Long Display Name Of A Person Who Writes Long Subjects");
    }

    @Test
    void gmailReplyThreadsByInReplyToAndLosesItsQuote() throws Exception {
        ParsedEmail mail = parse("gmail-reply.eml");
        TicketReference refs = new TicketReference("kontor.test");
        assertThat(mail.inReplyTo()).isEqualTo("<ticket-42-n7@kontor.test>");
        assertThat(refs.fromMessageIds(mail.references())).contains(42L);
        assertThat(QuotedText.trimPlain(mail.text())).isEqualTo("Thanks, the new toner fixed it.");
        assertThat(QuotedText.trimHtml(mail.html())).contains("Thanks, the new toner fixed it.")
                .doesNotContain("replacement toner").doesNotContain("wrote:");
    }

    @Test
    void outlookReplyThreadsBySubjectTokenAndLosesItsHeaderBlock() throws Exception {
        ParsedEmail mail = parse("outlook-reply.eml");
        assertThat(TicketReference.fromSubject(mail.subject())).contains(42L);
        String trimmed = QuotedText.trimPlain(mail.text());
        assertThat(trimmed).contains("Vielen Dank für die schnelle Hilfe!").endsWith("Peter").doesNotContain("zurückgesetzt");
        assertThat(QuotedText.trimHtml(mail.html())).contains("schnelle Hilfe").doesNotContain("zurückgesetzt").doesNotContain("Gesendet");
    }

    @Test
    void germanAttributionAndPlusAddress() throws Exception {
        ParsedEmail mail = parse("plus-address-reply.eml");
        assertThat(TicketReference.fromAddress(mail.to().get(0).email())).contains(42L);
        assertThat(QuotedText.trimPlain(mail.text())).isEqualTo("Here is the serial number: SN-4711.");
    }

    @Test
    void autoRepliesBouncesAndLoopsAreRecognised() throws Exception {
        LoopGuard guard = new LoopGuard(new TicketReference("kontor.test"), 3, Duration.ofMinutes(10));
        Set<String> support = Set.of("help@kontor.test");
        assertThat(guard.autoGenerated(parse("auto-reply.eml"), support)).get().asString().startsWith("auto-reply");
        assertThat(guard.autoGenerated(parse("bounce.eml"), support)).get().asString().startsWith("bounce");
        assertThat(guard.autoGenerated(parse("multipart-alternative.eml"), support)).isEmpty();
        byte[] fromSupport = Corpus.load("iso-8859-1.eml", Map.of("FROM", "help+id3@kontor.test", "TO", "help@kontor.test", "UNIQUE", "x"));
        assertThat(guard.autoGenerated(MimeParser.parse(fromSupport), support)).get().asString().startsWith("loop");
    }

    @Test
    void aSenderOverTheRateIsStopped() {
        LoopGuard guard = new LoopGuard(new TicketReference("kontor.test"), 3, Duration.ofMinutes(10));
        assertThat(guard.allow("storm@example.org")).isTrue();
        assertThat(guard.allow("Storm@example.org")).isTrue();
        assertThat(guard.allow("storm@example.org")).isTrue();
        assertThat(guard.allow("storm@example.org")).isFalse();
        assertThat(guard.allow("calm@example.org")).isTrue();
    }

    @Test
    void aMessageWithoutSenderIsMalformed() {
        assertThatThrownBy(() -> parse("malformed-no-from.eml")).isInstanceOf(MimeParser.MalformedMessage.class)
                .hasMessageContaining("no From address");
    }

    @Test
    void aMessageWithoutMessageIdGetsAStableOne() throws Exception {
        byte[] raw = "From: a@example.org\r\nSubject: x\r\n\r\nhello\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(MimeParser.parse(raw).messageId()).isEqualTo(MimeParser.parse(raw).messageId()).startsWith("<sha256-");
    }
}
