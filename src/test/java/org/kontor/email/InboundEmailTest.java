package org.kontor.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kontor.group.Group;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The inbound email channel end to end: mail sent over SMTP to a GreenMail server, fetched by Kontor over IMAP
 * (or pushed to the MIME endpoint), and what agents and end users then see through the API.
 */
class InboundEmailTest extends IntegrationTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    @Value("${kontor.mail.domain:kontor.local}")
    String domain;
    @Autowired
    ImapPoller poller;
    @Autowired
    EmailImporter importer;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String support;
    private long mailboxId;
    private Group group;

    @BeforeEach
    void supportMailbox() {
        support = Fixtures.unique("help-") + "@support.example";
        greenMail.setUser(support, support, "secret");
        group = fixtures.group("Email");
        mailboxId = createMailbox(support, group.getId(), false);
    }

    private long createMailbox(String address, Long groupId, boolean enabled) {
        Map<String, Object> mailbox = new HashMap<>();
        mailbox.put("address", address);
        mailbox.put("group_id", groupId);
        mailbox.put("host", "127.0.0.1");
        mailbox.put("port", greenMail.getImap().getPort());
        mailbox.put("security", "none");
        mailbox.put("username", address);
        mailbox.put("password", "secret");
        mailbox.put("folder", "INBOX");
        mailbox.put("after_import", "mark_seen");
        mailbox.put("poll_interval", "PT5S");
        mailbox.put("enabled", enabled);
        return fixtures.asAdmin().body(Map.of("mailbox", mailbox)).post("/api/v2/kontor/mailboxes")
                .then().statusCode(201).body("mailbox.password", equalTo(null)).extract().jsonPath().getLong("mailbox.id");
    }

    private Map<String, String> values(String from) {
        Map<String, String> v = new HashMap<>();
        v.put("FROM", from);
        v.put("TO", support);
        v.put("DOMAIN", domain);
        v.put("UNIQUE", Fixtures.unique("m"));
        return v;
    }

    /** Sends the raw message over SMTP with the support mailbox as envelope recipient, whatever its headers say. */
    private void smtp(byte[] raw) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        p.setProperty("mail.smtp.localhost", "localhost");
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw)) {
            @Override
            protected void updateMessageID() {
                // keep the corpus Message-ID: threading and idempotency depend on it
            }
        };
        Transport.send(message, new Address[] {new InternetAddress(support)});
    }

    private ImapPoller.PollResult poll() {
        return poller.poll(mailboxId, EmailImporter.BeforeCommit.NONE, true);
    }

    private byte[] simple(String from, String subject, String body) {
        return ("From: " + from + "\r\nTo: " + support + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + Fixtures.unique("s")
                + "@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String address(String name) {
        return Fixtures.unique(name + "-") + "@customer.example";
    }

    private User user(String email) {
        return fixtures.users().findByEmail(email).orElseThrow();
    }

    private JsonPath ticket(long id) {
        return fixtures.asAdmin().get("/api/v2/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> comments(long id) {
        return fixtures.asAdmin().get("/api/v2/tickets/" + id + "/comments").then().statusCode(200).extract().jsonPath().getList("comments");
    }

    private List<Integer> requestIds(User user) {
        return fixtures.as(user).get("/api/v2/requests").then().statusCode(200).extract().jsonPath().getList("requests.id");
    }

    private long newTicketByMail(String from, String subject) throws Exception {
        smtp(simple(from, subject, "Please help with " + subject));
        assertThat(poll().imported()).isEqualTo(1);
        List<Integer> ids = requestIds(user(from));
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    @Test
    void newEmailCreatesAPublicTicketWithRequesterAndCcs_R10() throws Exception {
        String from = address("juergen");
        Map<String, String> v = values(from);
        v.put("CC1", address("anna"));
        v.put("CC2", address("bob"));
        smtp(Corpus.load("multipart-alternative.eml", v));

        ImapPoller.PollResult result = poll();

        assertThat(result.imported()).isEqualTo(1);
        User requester = user(from);
        assertThat(requester.getName()).isEqualTo("Jürgen Müller");
        List<Integer> requests = requestIds(requester);
        assertThat(requests).hasSize(1);
        long id = requests.get(0);
        JsonPath t = ticket(id);
        assertThat(t.getBoolean("ticket.is_public")).isTrue();
        assertThat(t.getString("ticket.via.channel")).isEqualTo("email");
        assertThat(t.getString("ticket.subject")).isEqualTo("Drucker im 2. Stock druckt leere Seiten – dringend");
        assertThat(t.getLong("ticket.group_id")).isEqualTo(group.getId());
        User anna = user(v.get("CC1"));
        User bob = user(v.get("CC2"));
        assertThat(t.getList("ticket.collaborator_ids", Long.class)).containsExactlyInAnyOrder(anna.getId(), bob.getId());
        assertThat(fixtures.users().findByEmail(support)).as("the support address never becomes a user or CC").isEmpty();
        // R19: the CCs see the request; the requester sees its sanitised first comment.
        assertThat(fixtures.as(anna).get("/api/v2/requests/ccd").then().statusCode(200).extract().jsonPath().getList("requests.id"))
                .contains((int) id);
        String html = fixtures.as(requester).get("/api/v2/requests/" + id + "/comments").then().statusCode(200)
                .extract().jsonPath().getString("comments[0].html_body");
        assertThat(html).contains("<b>2. Stock</b>").doesNotContain("<script");
    }

    @Test
    void replyThreadsByInReplyToAndLosesTheQuotedHistory() throws Exception {
        String from = address("jane");
        long id = newTicketByMail(from, "Printer prints blank pages");
        Map<String, String> v = values(from);
        v.put("TICKET", String.valueOf(id));
        smtp(Corpus.load("gmail-reply.eml", v));

        assertThat(poll().imported()).isEqualTo(1);

        assertThat(requestIds(user(from))).containsExactly((int) id);
        List<Map<String, Object>> comments = comments(id);
        assertThat(comments).hasSize(2);
        assertThat(comments.get(1).get("public")).isEqualTo(true);
        assertThat((String) comments.get(1).get("plain_body")).isEqualTo("Thanks, the new toner fixed it.");
    }

    @Test
    void replyThreadsBySubjectToken() throws Exception {
        String from = address("peter");
        long id = newTicketByMail(from, "Zugang zum Portal");
        Map<String, String> v = values(from);
        v.put("TICKET", String.valueOf(id));
        smtp(Corpus.load("outlook-reply.eml", v));

        assertThat(poll().imported()).isEqualTo(1);

        List<Map<String, Object>> comments = comments(id);
        assertThat(comments).hasSize(2);
        assertThat((String) comments.get(1).get("plain_body")).contains("Vielen Dank für die schnelle Hilfe!").doesNotContain("zurückgesetzt");
        assertThat(requestIds(user(from))).containsExactly((int) id);
    }

    @Test
    void replyThreadsByTheReplyToPlusAddress() throws Exception {
        String from = address("sam");
        long id = newTicketByMail(from, "Serial number needed");
        Map<String, String> v = values(from);
        v.put("TICKET", String.valueOf(id));
        smtp(Corpus.load("plus-address-reply.eml", v));

        assertThat(poll().imported()).isEqualTo(1);

        List<Map<String, Object>> comments = comments(id);
        assertThat(comments).hasSize(2);
        assertThat(comments.get(1).get("plain_body")).isEqualTo("Here is the serial number: SN-4711.");
    }

    @Test
    void anyEmailCommentOnAPrivateTicketIsAnInternalNoteAndTheTicketStaysPrivate_R12() throws Exception {
        User requester = fixtures.endUser("Private Requester");
        User agent = fixtures.agent("Mail Agent");
        String stranger = address("stranger");
        fixtures.privateTicketCreation(true);
        long id;
        try {
            id = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Call notes", "requester_id", requester.getId(),
                            "comment", Map.of("body", "Customer called; investigating.", "public", false))))
                    .post("/api/v2/tickets").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        } finally {
            fixtures.privateTicketCreation(false);
        }

        smtp(simple(requester.getEmail(), "Re: [#" + id + "] Call notes", "I am the requester and I reply by email."));
        smtp(simple(agent.getEmail(), "Re: [#" + id + "] Call notes", "Agent's emailed reply."));
        smtp(simple(stranger, "Re: [#" + id + "] Call notes", "A stranger guessed the ticket number."));
        assertThat(poll().imported()).isEqualTo(3);

        JsonPath t = ticket(id);
        assertThat(t.getBoolean("ticket.is_public")).isFalse();
        List<Map<String, Object>> comments = comments(id);
        assertThat(comments).hasSize(4);
        assertThat(comments).extracting(c -> c.get("public")).containsOnly(false);
        assertThat(comments.stream().map(c -> (String) ((Map<?, ?>) c.get("via")).get("channel")).toList())
                .containsExactly("api", "email", "email", "email");
        User strangerUser = user(stranger);
        assertThat(t.getList("ticket.collaborator_ids", Long.class)).doesNotContain(strangerUser.getId());
        // Neither the requester nor the stranger can see the private ticket.
        fixtures.as(requester).get("/api/v2/requests/" + id).then().statusCode(404);
        fixtures.as(strangerUser).get("/api/v2/requests/" + id).then().statusCode(404);
        assertThat(requestIds(strangerUser)).isEmpty();
    }

    @Test
    void anUnknownSenderNeverJoinsAPublicTicketAndAClosedTicketGetsAFollowUp() throws Exception {
        String from = address("owner");
        long id = newTicketByMail(from, "My own problem");
        String stranger = address("intruder");
        smtp(simple(stranger, "Re: [#" + id + "] My own problem", "Let me in."));
        assertThat(poll().imported()).isEqualTo(1);
        User intruder = user(stranger);
        assertThat(ticket(id).getList("ticket.collaborator_ids", Long.class)).doesNotContain(intruder.getId());
        assertThat(comments(id)).hasSize(1);
        List<Integer> own = requestIds(intruder);
        assertThat(own).hasSize(1).doesNotContain((int) id);

        fixtures.asAdmin().body(Map.of("ticket", Map.of("status", "solved"))).put("/api/v2/tickets/" + id).then().statusCode(200);
        fixtures.asAdmin().body(Map.of("ticket", Map.of("status", "closed"))).put("/api/v2/tickets/" + id).then().statusCode(200);
        smtp(simple(from, "Re: [#" + id + "] My own problem", "It is broken again."));
        assertThat(poll().imported()).isEqualTo(1);
        List<Integer> requests = requestIds(user(from));
        assertThat(requests).hasSize(2).contains((int) id);
        assertThat(comments(id)).hasSize(1);
    }

    @Test
    void autoRepliesAndBouncesCreateNoTicket() throws Exception {
        String from = address("ooo");
        smtp(Corpus.load("auto-reply.eml", values(from)));
        smtp(Corpus.load("bounce.eml", values(from)));
        smtp(Corpus.load("iso-8859-1.eml", values(support)));

        ImapPoller.PollResult result = poll();

        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.imported()).isZero();
        assertThat(fixtures.users().findByEmail(from)).isEmpty();
        List<Map<String, Object>> skipped = fixtures.asAdmin().get("/api/v2/kontor/inbound_emails?status=skipped")
                .then().statusCode(200).extract().jsonPath().getList("inbound_emails");
        assertThat(skipped).extracting(e -> (String) e.get("reason")).anyMatch(r -> r.startsWith("auto-reply"))
                .anyMatch(r -> r.startsWith("bounce")).anyMatch(r -> r.startsWith("loop"));
    }

    @Test
    void theSameMessageDeliveredTwiceCreatesOneTicket() throws Exception {
        String from = address("twice");
        byte[] raw = simple(from, "Delivered twice", "Once only, please.");
        smtp(raw);
        smtp(raw);

        ImapPoller.PollResult result = poll();

        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(requestIds(user(from))).hasSize(1);
        // A second poll fetches nothing new; the endpoint also imports a message once.
        assertThat(poll().fetched()).isZero();
        byte[] pushed = simple(address("pushed"), "Pushed twice", "Once only.");
        long first = fixtures.asAdmin().contentType("message/rfc822").body(pushed).post("/api/v2/channels/email/inbound")
                .then().statusCode(201).body("inbound_email.duplicate", equalTo(false)).extract().jsonPath().getLong("inbound_email.ticket_id");
        long second = fixtures.asAdmin().contentType("message/rfc822").body(pushed).post("/api/v2/channels/email/inbound")
                .then().statusCode(200).body("inbound_email.duplicate", equalTo(true)).extract().jsonPath().getLong("inbound_email.ticket_id");
        assertThat(second).isEqualTo(first);
    }

    /** Thrown inside the import transaction: the JVM "dies" after the fetch, before the commit. */
    static final class SimulatedCrash extends Error {
    }

    @Test
    void aRestartMidImportLosesNothingAndDuplicatesNothing() throws Exception {
        List<String> senders = List.of(address("first"), address("second"), address("third"));
        for (String sender : senders) {
            smtp(simple(sender, "Crash test " + sender, "Body of " + sender));
        }
        try {
            poller.poll(mailboxId, record -> {
                if (senders.get(1).equals(record.getFromAddress())) {
                    throw new SimulatedCrash();
                }
            }, true);
        } catch (SimulatedCrash expected) {
            // the poll died with the second message's transaction open
        }
        assertThat(fixtures.users().findByEmail(senders.get(1))).as("rolled back with its ticket").isEmpty();
        // The other messages import in lanes beside it: each was imported completely or not at all.
        int importedBeforeTheCrash = 0;
        for (String sender : List.of(senders.get(0), senders.get(2))) {
            Optional<User> user = fixtures.users().findByEmail(sender);
            int requests = user.map(u -> requestIds(u).size()).orElse(0);
            assertThat(requests).as(sender).isLessThanOrEqualTo(1);
            importedBeforeTheCrash += requests;
        }

        ImapPoller.PollResult again = poll();

        assertThat(again.fetched()).isEqualTo(3);
        assertThat(again.duplicates()).isEqualTo(importedBeforeTheCrash);
        assertThat(again.imported()).isEqualTo(3 - importedBeforeTheCrash);
        for (String sender : senders) {
            assertThat(requestIds(user(sender))).as(sender).hasSize(1);
        }
    }

    @Test
    void aConversationFetchedInOnePollThreadsInOrderWhileOtherMailImportsBesideIt() throws Exception {
        String alice = address("alice");
        String carol = address("carol");
        String opening = "<" + Fixtures.unique("open") + "@client.example>";
        smtp(("From: " + alice + "\r\nTo: " + support + "\r\nCc: " + carol + "\r\nSubject: Broken invoice\r\nMessage-ID: "
                + opening + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe invoice is wrong.\r\n")
                .getBytes(StandardCharsets.UTF_8));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(address("other" + i));
            smtp(simple(others.get(i), "Unrelated " + i, "Something else " + i));
        }
        // Carol (a CC) answers the opening mail, then Alice adds to it: both only by In-Reply-To.
        smtp(reply(carol, opening, "I see the same on my invoice."));
        smtp(reply(alice, opening, "Here is the invoice number: 4711."));

        ImapPoller.PollResult result = poll();

        assertThat(result.imported()).isEqualTo(9);
        assertThat(requestIds(user(carol))).as("Carol's reply opened no ticket of her own").isEmpty();
        List<Integer> aliceTickets = requestIds(user(alice));
        assertThat(aliceTickets).hasSize(1);
        assertThat(comments(aliceTickets.get(0))).extracting(c -> c.get("plain_body"))
                .containsExactly("The invoice is wrong.", "I see the same on my invoice.", "Here is the invoice number: 4711.");
        for (String other : others) {
            assertThat(requestIds(user(other))).as(other).hasSize(1);
        }
    }

    @Test
    void importedMessagesAreMarkedSeenMovedOrDeletedOnTheServer() throws Exception {
        smtp(simple(address("seen-a"), "Seen A", "first"));
        smtp(simple(address("seen-b"), "Seen B", "second"));
        assertThat(poll().imported()).isEqualTo(2);
        assertThat(folderContents("INBOX")).containsExactlyInAnyOrder("Seen A seen", "Seen B seen");

        fixtures.asAdmin().body(Map.of("mailbox", Map.of("after_import", "move", "move_to_folder", "Imported")))
                .put("/api/v2/kontor/mailboxes/" + mailboxId).then().statusCode(200);
        smtp(simple(address("move-a"), "Move A", "third"));
        smtp(simple(address("move-b"), "Move B", "fourth"));
        assertThat(poll().imported()).isEqualTo(2);
        assertThat(folderContents("INBOX")).containsExactlyInAnyOrder("Seen A seen", "Seen B seen");
        assertThat(folderContents("Imported")).extracting(m -> m.substring(0, 6)).containsExactlyInAnyOrder("Move A", "Move B");

        fixtures.asAdmin().body(Map.of("mailbox", Map.of("after_import", "delete")))
                .put("/api/v2/kontor/mailboxes/" + mailboxId).then().statusCode(200);
        smtp(simple(address("delete"), "Delete me", "fifth"));
        assertThat(poll().imported()).isEqualTo(1);
        assertThat(folderContents("INBOX")).containsExactlyInAnyOrder("Seen A seen", "Seen B seen");
    }

    /** "subject seen|unseen" of every message in the folder, read without changing a flag. */
    private List<String> folderContents(String name) throws Exception {
        jakarta.mail.Store store = imapStore();
        try {
            jakarta.mail.Folder folder = store.getFolder(name);
            folder.open(jakarta.mail.Folder.READ_ONLY);
            List<String> result = new ArrayList<>();
            for (jakarta.mail.Message m : folder.getMessages()) {
                result.add(m.getSubject() + (m.isSet(jakarta.mail.Flags.Flag.SEEN) ? " seen" : " unseen"));
            }
            folder.close(false);
            return result;
        } finally {
            store.close();
        }
    }

    @Test
    void importedMailBecomesSearchableMomentsAfterItsImport() throws Exception {
        String word = Fixtures.unique("zebrafish").replaceAll("[^A-Za-z0-9]", "");
        smtp(simple(address("searcher"), "Lost parcel", "My parcel " + word + " never arrived."));
        assertThat(poll().imported()).isEqualTo(1);

        List<Long> found = List.of();
        for (int i = 0; i < 50 && found.isEmpty(); i++) {
            found = fixtures.asAdmin().queryParam("query", word).get("/api/v2/search.json").then().statusCode(200)
                    .extract().jsonPath().getList("results.findAll { it.result_type == 'ticket' }.id", Long.class);
            if (found.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("found within 5 s").hasSize(1);
    }

    private byte[] reply(String from, String inReplyTo, String body) {
        return ("From: " + from + "\r\nTo: " + support + "\r\nSubject: Re: Broken invoice\r\nMessage-ID: <" + Fixtures.unique("r")
                + "@client.example>\r\nIn-Reply-To: " + inReplyTo + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMalformedMessageIsQuarantinedVisibleToAdminsAndCanBeRetried() throws Exception {
        smtp(Corpus.load("malformed-no-from.eml", values("nobody@example.org")));

        ImapPoller.PollResult result = poll();

        assertThat(result.quarantined()).isEqualTo(1);
        List<Map<String, Object>> quarantined = fixtures.asAdmin().get("/api/v2/kontor/inbound_emails?status=quarantined")
                .then().statusCode(200).extract().jsonPath().getList("inbound_emails");
        Map<String, Object> record = quarantined.get(0);
        assertThat((String) record.get("reason")).contains("no From address");
        assertThat(record.get("raw_stored")).isEqualTo(true);
        Number recordId = (Number) record.get("id");
        fixtures.asAdmin().post("/api/v2/kontor/inbound_emails/" + recordId + "/retry").then().statusCode(200)
                .body("inbound_email.status", equalTo("quarantined")).body("inbound_email.attempts", equalTo(2));
        fixtures.as(fixtures.agent("Curious Agent")).get("/api/v2/kontor/inbound_emails").then().statusCode(403);
    }

    @Test
    void aSkippedMessageRetriedByAnAdminIsImported() throws Exception {
        String from = address("vacation");
        smtp(Corpus.load("auto-reply.eml", values(from)));
        assertThat(poll().skipped()).isEqualTo(1);
        Number recordId = fixtures.asAdmin().get("/api/v2/kontor/inbound_emails?status=skipped").then().statusCode(200)
                .extract().jsonPath().getList("inbound_emails", Map.class).stream()
                .filter(e -> from.equals(e.get("from"))).map(e -> (Number) e.get("id")).findFirst().orElseThrow();

        fixtures.asAdmin().post("/api/v2/kontor/inbound_emails/" + recordId + "/retry").then().statusCode(200)
                .body("inbound_email.status", equalTo("imported")).body("inbound_email.ticket_id", notNullValue());

        assertThat(requestIds(user(from))).hasSize(1);
    }

    @Test
    @DisplayName("Exactly once per source: a mailbox folder's UIDVALIDITY+UID is imported once whatever its Message-ID; another source imports its own copy")
    void uniquenessIsPerSourceByMessageIdAndByUid() {
        long other = createMailbox(Fixtures.unique("other-") + "@support.example", null, false);
        String from = address("uid");
        byte[] first = simple(from, "UID once", "first");
        EmailImporter.Result imported = importer.importMessage(first, EmailImporter.Source.imap(mailboxId, "INBOX", 77, 5));
        assertThat(imported.duplicate()).isFalse();
        // The same UID again (a re-read after a crash, with a Message-ID the server rewrote): nothing new.
        EmailImporter.Result again = importer.importMessage(simple(from, "UID once", "rewritten"),
                EmailImporter.Source.imap(mailboxId, "INBOX", 77, 5));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.ticketId()).isEqualTo(imported.ticketId());
        // The same message under another UID of the same mailbox (copied in the folder): its Message-ID knows it.
        assertThat(importer.importMessage(first, EmailImporter.Source.imap(mailboxId, "INBOX", 77, 6)).duplicate()).isTrue();
        // The same UIDVALIDITY+UID in another folder is another message.
        assertThat(importer.importMessage(simple(from, "UID elsewhere", "other folder"),
                EmailImporter.Source.imap(mailboxId, "Archive", 77, 5)).duplicate()).isFalse();
        // Another mailbox is another source (as agreed): it imports its copy once.
        EmailImporter.Result elsewhere = importer.importMessage(first, EmailImporter.Source.imap(other, "INBOX", 77, 5));
        assertThat(elsewhere.duplicate()).isFalse();
        assertThat(importer.importMessage(first, EmailImporter.Source.imap(other, "INBOX", 78, 9)).duplicate()).isTrue();
        // The database refuses a second row for the same source, folder and UID, whatever the code does.
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM inbound_emails", Long.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("INSERT INTO inbound_emails (id, source, message_id, "
                        + "imap_folder, uid_validity, uid, status, size_bytes, attempts, received_at, updated_at, version) VALUES "
                        + "(?, ?, '<x@y>', 'INBOX', 77, 5, 'IMPORTED', 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)",
                        id + 100_000, "imap:" + mailboxId))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    /** Two new folders of the support account with the same UIDVALIDITY, as servers that derive it from the creation second give. */
    private String[] twoFoldersWithOneUidValidity() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String[] names = {Fixtures.unique("Support-"), Fixtures.unique("Billing-")};
            long[] validity = new long[2];
            jakarta.mail.Store store = imapStore();
            try {
                for (int i = 0; i < 2; i++) {
                    jakarta.mail.Folder folder = store.getFolder(names[i]);
                    folder.create(jakarta.mail.Folder.HOLDS_MESSAGES);
                    folder.open(jakarta.mail.Folder.READ_ONLY);
                    validity[i] = ((jakarta.mail.UIDFolder) folder).getUIDValidity();
                    folder.close(false);
                }
            } finally {
                store.close();
            }
            if (validity[0] == validity[1]) {
                return names;
            }
        }
        throw new IllegalStateException("GreenMail gave every pair of folders different UIDVALIDITY values");
    }

    private jakarta.mail.Store imapStore() throws Exception {
        jakarta.mail.Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), support, "secret");
        return store;
    }

    /** Appends the message to the folder; answers its UID there. */
    private long append(String folderName, byte[] raw) throws Exception {
        jakarta.mail.Store store = imapStore();
        try {
            jakarta.mail.Folder folder = store.getFolder(folderName);
            folder.open(jakarta.mail.Folder.READ_WRITE);
            folder.appendMessages(new jakarta.mail.Message[] {new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw))});
            jakarta.mail.Message[] all = folder.getMessages();
            long uid = ((jakarta.mail.UIDFolder) folder).getUID(all[all.length - 1]);
            folder.close(false);
            return uid;
        } finally {
            store.close();
        }
    }

    private void pollFolder(String folder) {
        fixtures.asAdmin().body(Map.of("mailbox", Map.of("folder", folder))).put("/api/v2/kontor/mailboxes/" + mailboxId)
                .then().statusCode(200);
    }

    @Test
    @DisplayName("Exactly once per folder: the same UIDVALIDITY+UID in two folders of one account imports both messages, a re-poll none")
    void theSameUidInTwoFoldersImportsBothMessagesOnce() throws Exception {
        String[] folders = twoFoldersWithOneUidValidity();
        String support1 = address("folder-a");
        String billing1 = address("folder-b");
        assertThat(append(folders[0], simple(support1, "In the support folder", "first folder"))).isEqualTo(1);
        assertThat(append(folders[1], simple(billing1, "In the billing folder", "second folder"))).isEqualTo(1);

        pollFolder(folders[0]);
        assertThat(poll().imported()).isEqualTo(1);
        // The admin points the mailbox at the other folder: its UID 1 under the same UIDVALIDITY is a new message.
        pollFolder(folders[1]);
        ImapPoller.PollResult second = poll();
        assertThat(second.imported()).isEqualTo(1);
        assertThat(second.duplicates()).isZero();
        assertThat(requestIds(user(support1))).hasSize(1);
        assertThat(requestIds(user(billing1))).hasSize(1);

        // Re-polls import nothing again: the same folder, and the first folder read from its start once more.
        ImapPoller.PollResult again = poll();
        assertThat(again.imported()).isZero();
        pollFolder(folders[0]);
        ImapPoller.PollResult back = poll();
        assertThat(back.imported()).isZero();
        assertThat(back.duplicates()).isEqualTo(1);
        assertThat(requestIds(user(support1))).hasSize(1);
        assertThat(requestIds(user(billing1))).hasSize(1);
    }

    @Test
    @DisplayName("Secrets at rest: the IMAP password is stored encrypted; a plain one from before still polls and is encrypted at start-up")
    void imapPasswordsAreEncryptedAtRest() throws Exception {
        String stored = jdbc.queryForObject("SELECT imap_password FROM email_mailboxes WHERE id = ?", String.class, mailboxId);
        assertThat(stored).startsWith("enc:v1:").doesNotContain("secret");
        // GreenMail checks the password: a poll signs in only with the decrypted one.
        smtp(simple(address("sealed"), "Sealed", "one"));
        assertThat(poll().imported()).isEqualTo(1);

        jdbc.update("UPDATE email_mailboxes SET imap_password = 'secret' WHERE id = ?", mailboxId);
        smtp(simple(address("plain"), "Plain", "two"));
        assertThat(poll().imported()).isEqualTo(1);
        assertThat(mailboxes.sealPlainPasswords()).isGreaterThanOrEqualTo(1);
        String resealed = jdbc.queryForObject("SELECT imap_password FROM email_mailboxes WHERE id = ?", String.class, mailboxId);
        assertThat(resealed).startsWith("enc:v1:").isNotEqualTo(stored);
        smtp(simple(address("again"), "Again", "three"));
        assertThat(poll().imported()).isEqualTo(1);
    }

    @Test
    @DisplayName("Email files become comment attachments downloadable through the access policy; cid: images point at them (V1)")
    void attachmentsAndInlineImagesBecomeCommentAttachments() throws Exception {
        String from = address("maria");
        smtp(Corpus.load("inline-image-related.eml", values(from)));
        assertThat(poll().imported()).isEqualTo(1);
        User requester = user(from);
        long id = requestIds(requester).get(0);
        JsonPath withInline = fixtures.asAdmin().get("/api/v2/tickets/" + id + "/comments?include_inline_images=true").then()
                .statusCode(200).extract().jsonPath();
        assertThat(withInline.getList("comments[0].attachments.file_name")).containsExactly("image001.png", "Rechnung März.pdf");
        assertThat(withInline.getList("comments[0].attachments.inline")).containsExactly(true, false);
        // Zendesk lists inline images only when asked.
        assertThat(fixtures.asAdmin().get("/api/v2/tickets/" + id + "/comments").jsonPath().getList("comments[0].attachments.file_name"))
                .containsExactly("Rechnung März.pdf");
        String imageUrl = withInline.getString("comments[0].attachments[0].content_url");
        String imagePath = imageUrl.substring(imageUrl.indexOf("/attachments/"));
        String html = withInline.getString("comments[0].html_body");
        assertThat(html).doesNotContain("cid:").contains("src=\"" + imagePath.replace("&", "&amp;") + "\"");

        String pdfUrl = withInline.getString("comments[0].attachments[1].content_url");
        byte[] pdf = io.restassured.RestAssured.given().port(port).auth().preemptive().basic(requester.getEmail() + "/token", fixtures.apiToken())
                .get(pdfUrl.substring(pdfUrl.indexOf("/attachments/"))).then().statusCode(200).extract().asByteArray();
        assertThat(new String(pdf, StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
        io.restassured.RestAssured.given().port(port).auth().preemptive().basic(fixtures.endUser("Other").getEmail() + "/token", fixtures.apiToken())
                .get(imagePath).then().statusCode(404);
    }

    @Test
    void theMimeEndpointRejectsUnauthenticatedCallsEndUsersAndAgents() {
        byte[] raw = simple(address("pusher"), "Pushed", "Hello");
        anonymous().contentType("message/rfc822").body(raw).post("/api/v2/channels/email/inbound").then().statusCode(401)
                .body("error", notNullValue());
        fixtures.as(fixtures.endUser("Pushy End User")).contentType("message/rfc822").body(raw)
                .post("/api/v2/channels/email/inbound").then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(fixtures.agent("Pushy Agent")).contentType("message/rfc822").body(raw)
                .post("/api/v2/channels/email/inbound").then().statusCode(403);
        fixtures.asAdmin().contentType(ContentType.JSON).body("{}").post("/api/v2/channels/email/inbound").then().statusCode(415);
        fixtures.asAdmin().contentType("message/rfc822").body(raw).post("/api/v2/channels/email/inbound").then().statusCode(201)
                .body("inbound_email.status", equalTo("imported")).body("inbound_email.ticket_id", notNullValue());
    }

    @Test
    void theAddressAMailWasSentToPicksTheGroup() {
        Group billing = fixtures.group("Billing");
        String billingAddress = Fixtures.unique("billing-") + "@support.example";
        fixtures.asAdmin().body(Map.of("mailbox", Map.of("address", billingAddress, "group_id", billing.getId())))
                .post("/api/v2/kontor/mailboxes").then().statusCode(201);
        String from = address("payer");
        byte[] raw = ("From: " + from + "\r\nTo: Billing <" + billingAddress + ">\r\nSubject: Refund\r\nMessage-ID: <"
                + Fixtures.unique("r") + "@client.example>\r\n\r\nPlease refund.\r\n").getBytes(StandardCharsets.US_ASCII);

        long id = fixtures.asAdmin().contentType("message/rfc822").body(raw).post("/api/v2/channels/email/inbound")
                .then().statusCode(201).extract().jsonPath().getLong("inbound_email.ticket_id");

        assertThat(ticket(id).getLong("ticket.group_id")).isEqualTo(billing.getId());
    }

    @Test
    void theScheduledTaskPollsEnabledMailboxes() throws Exception {
        String address = Fixtures.unique("auto-") + "@support.example";
        greenMail.setUser(address, address, "secret");
        long scheduled = createMailbox(address, null, true);
        try {
            pollScheduled(address);
        } finally {
            // Leave no enabled mailbox behind: this GreenMail stops with the class, the shared context lives on.
            fixtures.asAdmin().delete("/api/v2/kontor/mailboxes/" + scheduled).then().statusCode(204);
        }
    }

    private void pollScheduled(String address) throws Exception {
        String from = address("scheduled");
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        p.setProperty("mail.smtp.localhost", "localhost");
        MimeMessage message = new MimeMessage(Session.getInstance(p), new ByteArrayInputStream(simple(from, "Polled by the scheduler", "Hi")));
        Transport.send(message, new Address[] {new InternetAddress(address)});

        // The poll records itself after it has imported, so the message may be in before last_poll_at is.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while ((fixtures.users().findByEmail(from).isEmpty() || lastPollAt(address) == null) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(requestIds(user(from))).hasSize(1);
        assertThat(lastPollAt(address)).isNotNull();
    }

    private String lastPollAt(String address) {
        JsonPath mailboxes = fixtures.asAdmin().get("/api/v2/kontor/mailboxes").then().statusCode(200).extract().jsonPath();
        List<String> at = mailboxes.getList("mailboxes.findAll { it.address == '" + address + "' }.last_poll_at");
        return at.isEmpty() ? null : at.get(0);
    }

    @Test
    void concurrentDeliveriesImportOnceAndANewSendersParallelMailsAllBecomeTickets() throws Exception {
        String from = address("racer");
        byte[] same = simple(from, "Raced", "The same message, delivered twice at once.");
        byte[] other = simple(from, "Raced too", "Another message from the same new sender.");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<EmailImporter.Result> results = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<EmailImporter.Result>> deliveries = List.of(
                    () -> importer.importMessage(same, EmailImporter.Source.ENDPOINT),
                    () -> importer.importMessage(same, EmailImporter.Source.ENDPOINT),
                    () -> importer.importMessage(other, EmailImporter.Source.ENDPOINT));
            for (java.util.concurrent.Future<EmailImporter.Result> f : pool.invokeAll(deliveries)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(results).extracting(EmailImporter.Result::status).containsOnly(InboundEmail.Status.IMPORTED);
        assertThat(results.subList(0, 2)).extracting(EmailImporter.Result::duplicate).containsExactlyInAnyOrder(true, false);
        assertThat(results.get(0).ticketId()).isEqualTo(results.get(1).ticketId());
        assertThat(requestIds(user(from))).hasSize(2);
    }
}
