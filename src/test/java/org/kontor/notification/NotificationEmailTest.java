package org.kontor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.support.TestMail;
import org.kontor.ticket.TicketInput;
import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification emails end to end: real HTTP changes, the default triggers, the outbox, real SMTP (GreenMail).
 * Every end-user email any test here causes is scanned for internal-note text at the end (V1).
 */
class NotificationEmailTest extends IntegrationTest {
    /** Put into every internal note; must never reach an end user's mailbox. */
    static final String INTERNAL = "INTERNAL-NOTE-MARKER";
    private static final List<String> END_USER_EMAILS = new ArrayList<>();

    @Autowired
    TicketService ticketService;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    NotificationDelivery delivery;

    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Nora Notifier");
        customer = endUser("Carl Customer", null);
    }

    private User endUser(String name, String locale) {
        User u = fixtures.users().create(new UserDraft(name, Fixtures.unique("mail-") + "@example.test", null, Role.END_USER,
                null, locale, null, null, null, null, null, null), fixtures.adminActor());
        synchronized (END_USER_EMAILS) {
            END_USER_EMAILS.add(u.getEmail());
        }
        return u;
    }

    private JsonPath createTicket(User as, Map<String, Object> ticket) {
        return fixtures.as(as).body(Map.of("ticket", ticket)).post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath();
    }

    private void update(User as, long id, Map<String, Object> ticket) {
        fixtures.as(as).body(Map.of("ticket", ticket)).put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
    }

    static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        // Generous: in the whole suite, mail of earlier test classes (e.g. "all agents" of every request) may still be queued.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; last: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }

    static List<MimeMessage> mailTo(User user, int atLeast) {
        return await(atLeast + " email(s) to " + user.getEmail(), () -> TestMail.to(user.getEmail()), l -> l.size() >= atLeast);
    }

    /** Waits until every outbox row of the ticket is settled, so that "no email" can be asserted. */
    private List<Notification> settled(long ticketId) {
        return await("the outbox of ticket " + ticketId, () -> notifications.findByTicketIdOrderByIdAsc(ticketId),
                l -> l.stream().noneMatch(n -> n.getStatus().equals(Notification.PENDING) || n.getStatus().equals(Notification.SENDING)));
    }

    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart mp) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                sb.append(text(bp)).append('\n');
            }
            return sb.toString();
        }
        return "";
    }

    static boolean hasAlternative(Part part) throws Exception {
        if (part.isMimeType("multipart/alternative")) {
            return true;
        }
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (hasAlternative(mp.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void r6a_publicProactiveTicketEmailsTheRequesterOnceWithTheTicketNumberAndThreadingHeaders() throws Exception {
        long id = createTicket(agent, Map.of("subject", "Your replacement router", "requester_id", customer.getId(),
                "comment", Map.of("body", "We are shipping a replacement today."))).getLong("ticket.id");

        MimeMessage mail = mailTo(customer, 1).get(0);
        settled(id);
        assertThat(TestMail.to(customer.getEmail())).hasSize(1);
        assertThat(mail.getSubject()).contains("[#" + id + "]").contains("Your replacement router");
        String body = text(mail);
        assertThat(body).contains("created on your behalf").contains("We are shipping a replacement today.");
        assertThat(hasAlternative(mail)).as("text and HTML parts").isTrue();
        assertThat(mail.getHeader("Message-ID")[0]).matches("<ticket-" + id + "-n[0-9]+@kontor\\.local>");
        assertThat(mail.getHeader("In-Reply-To")[0]).isEqualTo("<ticket-" + id + "@kontor.local>");
        assertThat(mail.getHeader("References")[0]).isEqualTo("<ticket-" + id + "@kontor.local>");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("support+id" + id + "@kontor.local");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("en");

        // The log and the audits show who was emailed, by which trigger (agents only).
        JsonPath log = fixtures.as(agent).get("/api/v2/tickets/" + id + "/notifications.json").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("notifications.recipient_id", Long.class)).containsExactly(customer.getId());
        assertThat(log.getString("notifications[0].status")).isEqualTo("delivered");
        assertThat(log.getString("notifications[0].trigger.title")).isEqualTo("Notify requester of new proactive ticket");
        assertThat(log.getString("notifications[0].message_id")).isEqualTo(mail.getHeader("Message-ID")[0]);
        JsonPath audits = fixtures.as(agent).get("/api/v2/tickets/" + id + "/audits.json").then().statusCode(200).extract().jsonPath();
        assertThat(audits.getList("audits[0].events.type", String.class)).contains("Notification");
        fixtures.as(customer).get("/api/v2/tickets/" + id + "/notifications.json").then().statusCode(403);
    }

    @Test
    void r11_r13_privateTicketEmailsNoRequesterButTheAssigneeStillGetsTheAssignment() throws Exception {
        fixtures.privateTicketCreation(true);
        User assignee = fixtures.agent("Asta Assignee");
        long id = createTicket(agent, Map.of("subject", "Confidential investigation", "requester_id", customer.getId(),
                "assignee_id", assignee.getId(),
                "comment", Map.of("body", INTERNAL + " call notes", "public", false))).getLong("ticket.id");

        MimeMessage mail = mailTo(assignee, 1).get(0);
        assertThat(mail.getSubject()).contains("[#" + id + "]");
        assertThat(text(mail)).as("agents may read internal notes").contains(INTERNAL);
        List<Notification> log = settled(id);
        assertThat(log).extracting(Notification::getRecipientId).doesNotContain(customer.getId());
        assertThat(TestMail.to(customer.getEmail())).isEmpty();
    }

    @Test
    void r15_privateTicketMadePublicEmailsTheRequesterThenWithThePublicReplyOnly() throws Exception {
        fixtures.privateTicketCreation(true);
        long id = createTicket(agent, Map.of("subject", "Preparing a notice", "requester_id", customer.getId(),
                "comment", Map.of("body", INTERNAL + " draft", "public", false))).getLong("ticket.id");
        update(agent, id, Map.of("comment", Map.of("body", INTERNAL + " more internal work")));
        settled(id);
        assertThat(TestMail.to(customer.getEmail())).isEmpty();

        update(agent, id, Map.of("comment", Map.of("body", "Your account has been upgraded.", "public", true)));
        MimeMessage mail = mailTo(customer, 1).get(0);
        settled(id);
        assertThat(TestMail.to(customer.getEmail())).as("one email, not a second 'comment update' one").hasSize(1);
        String body = text(mail);
        assertThat(body).contains("Your account has been upgraded.").doesNotContain(INTERNAL);
        assertThat(mail.getSubject()).contains("[#" + id + "]");
    }

    @Test
    void r6a_publicReplyEmailsRequesterAndCcsButAnInternalNoteEmailsNoEndUser() throws Exception {
        User cc = endUser("Cleo Copy", null);
        long id = createTicket(agent, Map.of("subject", "Shared issue", "requester_id", customer.getId(),
                "collaborator_ids", List.of(cc.getId()), "comment", Map.of("body", "First answer"))).getLong("ticket.id");
        mailTo(customer, 1);
        mailTo(cc, 1);
        update(agent, id, Map.of("comment", Map.of("body", INTERNAL + " do not tell", "public", false)));
        settled(id);
        update(agent, id, Map.of("comment", Map.of("body", "Second public answer", "public", true)));
        MimeMessage toCustomer = mailTo(customer, 2).get(1);
        MimeMessage toCc = mailTo(cc, 2).get(1);
        settled(id);
        assertThat(TestMail.to(customer.getEmail())).hasSize(2);
        assertThat(text(toCustomer)).contains("Second public answer").contains("First answer").doesNotContain(INTERNAL);
        assertThat(text(toCc)).contains("Second public answer").doesNotContain(INTERNAL);
    }

    @Test
    void v1_evenATriggerUsingAgentPlaceholdersRendersOnlyPublicCommentsForEndUsers() throws Exception {
        String tag = Fixtures.unique("leaky").toLowerCase();
        long triggerId = fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Leaky on purpose " + tag,
                        "conditions", Map.of("all", List.of(Map.of("field", "current_tags", "operator", "includes", "value", tag)), "any", List.of()),
                        "actions", List.of(Map.of("field", "notification_user", "value", List.of("requester_id", "Everything {{ticket.id}}",
                                "{{ticket.latest_comment}}|{{ticket.latest_comment_html}}|{{ticket.comments_formatted}}|{{ticket.description}}"
                                        + "|{% for c in ticket.comments %}{{c.value}}{% endfor %}"))))))
                .post("/api/v2/triggers.json").then().statusCode(201).extract().jsonPath().getLong("trigger.id");
        try {
            long id = createTicket(agent, Map.of("subject", "Mixed", "requester_id", customer.getId(), "tags", List.of(tag),
                    "comment", Map.of("body", "Public start"))).getLong("ticket.id");
            update(agent, id, Map.of("priority", "high"));
            update(agent, id, Map.of("comment", Map.of("body", INTERNAL + " secret", "public", false)));
            update(agent, id, Map.of("status", "pending"));
            List<MimeMessage> mails = mailTo(customer, 3);
            settled(id);
            for (MimeMessage m : TestMail.to(customer.getEmail())) {
                assertThat(text(m)).doesNotContain(INTERNAL);
            }
            assertThat(text(mails.get(0))).contains("Public start");
        } finally {
            fixtures.asAdmin().delete("/api/v2/triggers/" + triggerId + ".json").then().statusCode(204);
        }
    }

    /**
     * The outbox renders the mails of one change together, in one transaction: the assignee's mail shows the internal
     * note and the requester's, rendered beside it from the same loaded ticket, still does not (V1).
     */
    @Test
    void v1_mailsOfOneChangeRenderedTogetherEachShowOnlyTheirRecipientsView() throws Exception {
        User assignee = fixtures.agent("Ada Assignee");
        String tag = Fixtures.unique("together").toLowerCase();
        String body = "{{ticket.comments_formatted}}";
        long triggerId = fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Both views " + tag,
                        "conditions", Map.of("all", List.of(Map.of("field", "current_tags", "operator", "includes", "value", tag)), "any", List.of()),
                        "actions", List.of(
                                Map.of("field", "notification_user", "value", List.of("requester_id", "Both {{ticket.id}}", body)),
                                Map.of("field", "notification_user", "value", List.of("assignee_id", "Both {{ticket.id}}", body))))))
                .post("/api/v2/triggers.json").then().statusCode(201).extract().jsonPath().getLong("trigger.id");
        try {
            long id = createTicket(agent, Map.of("subject", "Together", "requester_id", customer.getId(), "assignee_id", assignee.getId(),
                    "tags", List.of(tag), "comment", Map.of("body", "Public start"))).getLong("ticket.id");
            update(agent, id, Map.of("comment", Map.of("body", INTERNAL + " together", "public", false)));
            String reply = "Public reply " + tag;
            update(agent, id, Map.of("comment", Map.of("body", reply)));
            String subject = "Both " + id;
            MimeMessage toCustomer = await("the requester's mail of the reply", () -> mailsContaining(customer, subject, reply),
                    l -> !l.isEmpty()).get(0);
            MimeMessage toAssignee = await("the assignee's mail of the reply", () -> mailsContaining(assignee, subject, reply),
                    l -> !l.isEmpty()).get(0);
            settled(id);
            assertThat(text(toAssignee)).contains(INTERNAL + " together", "Public start");
            assertThat(text(toCustomer)).contains("Public start").doesNotContain(INTERNAL);
        } finally {
            fixtures.asAdmin().delete("/api/v2/triggers/" + triggerId + ".json").then().statusCode(204);
        }
    }

    private static List<MimeMessage> mailsContaining(User user, String subject, String marker) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : TestMail.to(user.getEmail())) {
            try {
                if (m.getSubject().contains(subject) && text(m).contains(marker)) {
                    found.add(m);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return found;
    }

    @Test
    void customTriggerCreatedThroughTheApiFiresAndRendersInTheRecipientsLanguage() throws Exception {
        User german = endUser("Greta Deutsch", "de");
        String tag = Fixtures.unique("vip").toLowerCase();
        long triggerId = fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "VIP escalation " + tag,
                        "conditions", Map.of("all", List.of(Map.of("field", "update_type", "operator", "is", "value", "Change"),
                                Map.of("field", "priority", "operator", "value", "value", "urgent"),
                                Map.of("field", "current_tags", "operator", "includes", "value", tag)), "any", List.of()),
                        "actions", List.of(Map.of("field", "notification_user", "value", List.of("requester_id",
                                        "Dringend: {{ticket.title}}", "Hallo {{ticket.requester.first_name}}, {{dc.comment_update_body}}")),
                                Map.of("field", "current_tags", "value", "escalated")))))
                .post("/api/v2/triggers.json").then().statusCode(201).extract().jsonPath().getLong("trigger.id");
        try {
            long id = createTicket(agent, Map.of("subject", "Produktionsausfall", "requester_id", german.getId(), "tags", List.of(tag),
                    "comment", Map.of("body", "Wir kümmern uns."))).getLong("ticket.id");
            mailTo(german, 1); // the proactive one
            update(agent, id, Map.of("priority", "urgent"));
            MimeMessage mail = mailTo(german, 2).get(1);
            assertThat(mail.getSubject()).isEqualTo("[#" + id + "] Dringend: Produktionsausfall");
            assertThat(text(mail)).contains("Hallo Greta,").contains("wurde aktualisiert");
            assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("de");
            assertThat(fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().extract().jsonPath()
                    .getList("ticket.tags", String.class)).contains("escalated");
        } finally {
            fixtures.asAdmin().delete("/api/v2/triggers/" + triggerId + ".json").then().statusCode(204);
        }
    }

    @Test
    void aRolledBackChangeMailsNothing() throws Exception {
        long id = createTicket(agent, Map.of("subject", "Rollback", "requester_id", customer.getId(),
                "comment", Map.of("body", "Hello"))).getLong("ticket.id");
        mailTo(customer, 1);
        settled(id);
        int before = notifications.findByTicketIdOrderByIdAsc(id).size();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            ticketService.update(id, new TicketInput.TicketChanges(null, new TicketInput.CommentInput("Rolled back reply", null, true, null),
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, null, null),
                    Actor.of(agent));
            assertThat(notifications.findByTicketIdOrderByIdAsc(id)).as("the outbox row exists inside the transaction").hasSize(before + 1);
            status.setRollbackOnly();
        });
        assertThat(notifications.findByTicketIdOrderByIdAsc(id)).hasSize(before);
        Thread.sleep(1500);
        assertThat(TestMail.to(customer.getEmail())).hasSize(1);
    }

    /**
     * Several delivery runs at once (as several Kontor instances, or a run and the outbox's own thread) claim, render
     * and send a backlog of mail in batches: every mail goes out exactly once.
     */
    @Test
    void concurrentDeliveryRunsSendEveryQueuedMailExactlyOnce() throws Exception {
        User reader = endUser("Bea Backlog", null);
        JsonPath created = createTicket(agent, Map.of("subject", "Backlog", "requester_id", reader.getId(),
                "comment", Map.of("body", "Backlog start")));
        long id = created.getLong("ticket.id");
        long auditId = created.getLong("audit.id");
        mailTo(reader, 1);
        settled(id);
        int queued = 70;
        Instant now = Instant.now();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < queued; i++) {
                notifications.save(new Notification(id, auditId, null, "Backlog", i, reader.getId(), agent.getId(),
                        "Backlog {{ticket.id}} " + i, "{{ticket.latest_comment}}", null, reader.getEmail(), now));
            }
        });
        java.util.concurrent.ExecutorService runs = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                results.add(runs.submit(() -> delivery.deliverDue()));
            }
            for (var result : results) {
                result.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            runs.shutdownNow();
        }
        List<Notification> rows = settled(id);
        assertThat(rows).hasSize(queued + 1).allMatch(n -> n.getStatus().equals(Notification.DELIVERED));
        mailTo(reader, queued + 1);
        Thread.sleep(500); // a second copy of any mail would have arrived by now
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage m : TestMail.to(reader.getEmail())) {
            messageIds.add(m.getMessageID());
        }
        assertThat(messageIds).hasSize(queued + 1).doesNotHaveDuplicates();
        assertThat(messageIds).containsExactlyInAnyOrderElementsOf(rows.stream().map(Notification::getMessageId).toList());
    }

    @Test
    void smtpDownThenUpDeliversTheMailOnceWithItsMessageId() throws Exception {
        TestMail.stop();
        long id;
        try {
            id = createTicket(agent, Map.of("subject", "During the outage", "requester_id", customer.getId(),
                    "comment", Map.of("body", "Sent while SMTP is down"))).getLong("ticket.id");
            List<Notification> failing = await("a failed attempt", () -> notifications.findByTicketIdOrderByIdAsc(id),
                    l -> !l.isEmpty() && l.get(0).getAttempts() >= 2);
            assertThat(failing.get(0).getStatus()).isIn(Notification.PENDING, Notification.SENDING);
            assertThat(failing.get(0).getLastError()).isNotBlank();
        } finally {
            TestMail.start();
        }
        MimeMessage mail = mailTo(customer, 1).get(0);
        List<Notification> log = settled(id);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).getStatus()).isEqualTo(Notification.DELIVERED);
        assertThat(mail.getHeader("Message-ID")[0]).isEqualTo("<ticket-" + id + "-n" + log.get(0).getId() + "@kontor.local>");
        Thread.sleep(1000);
        assertThat(TestMail.to(customer.getEmail())).hasSize(1);
    }

    @Test
    void endUserRequestAcknowledgesTheRequesterAndTellsAllAgentsAndGroupAssignmentTellsTheGroup() throws Exception {
        long id = fixtures.as(customer).body(Map.of("request", Map.of("subject", "Printer on fire",
                        "comment", Map.of("body", "Please help"))))
                .post("/api/v2/requests.json").then().statusCode(201).extract().jsonPath().getLong("request.id");
        MimeMessage ack = mailTo(customer, 1).get(0);
        assertThat(ack.getSubject()).contains("[#" + id + "]").contains("We received your request");
        MimeMessage toAgent = mailTo(agent, 1).get(0);
        assertThat(toAgent.getSubject()).contains("New request");

        Group group = fixtures.group("Second level");
        User member = fixtures.agent("Mia Member");
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", member.getId(), "group_id", group.getId())))
                .post("/api/v2/group_memberships.json").then().statusCode(201);
        update(agent, id, Map.of("group_id", group.getId()));
        MimeMessage toGroup = await("group mail", () -> TestMail.to(member.getEmail()),
                l -> l.stream().anyMatch(m -> subject(m).contains("Second level"))).stream()
                .filter(m -> subject(m).contains("Second level")).findFirst().orElseThrow();
        assertThat(toGroup.getSubject()).contains("[#" + id + "]");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** V1: every email any test of this class sent to an end user, scanned for internal-note text. */
    @AfterAll
    static void noEndUserEmailEverContainsAnInternalNote() throws Exception {
        int scanned = 0;
        for (String email : END_USER_EMAILS) {
            for (MimeMessage m : TestMail.to(email)) {
                assertThat(text(m)).as("email to end user " + email).doesNotContain(INTERNAL);
                assertThat(m.getSubject()).doesNotContain(INTERNAL);
                scanned++;
            }
        }
        assertThat(scanned).as("end-user emails scanned").isGreaterThan(0);
    }
}
