package org.kontor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.support.TestMail;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's edges, with real SMTP (GreenMail) and the real database: a shutdown in the middle of a batch, and a
 * batch whose shared read fails. The application's own delivery is stopped meanwhile, so that only the instance under
 * test sends.
 */
class OutboxDeliveryTest extends IntegrationTest {
    @Autowired
    NotificationRepository notifications;
    @Autowired
    NotificationDelivery delivery;
    @Autowired
    MailRenderer renderer;
    @Autowired
    MailSettings settings;
    @Autowired
    JavaMailSender smtp;
    @Autowired
    PlatformTransactionManager transactions;

    private User reader;
    private long ticketId;
    private long auditId;

    @BeforeEach
    void queueNothingYet() {
        User agent = fixtures.agent("Olga Outbox");
        reader = fixtures.endUser("Rita Reader");
        JsonPath created = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Outbox edges",
                        "requester_id", reader.getId(), "comment", Map.of("body", "First message"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath();
        ticketId = created.getLong("ticket.id");
        auditId = created.getLong("audit.id");
        NotificationEmailTest.mailTo(reader, 1);
        NotificationEmailTest.await("the first mail recorded", () -> notifications.findByTicketIdOrderByIdAsc(ticketId),
                l -> l.stream().allMatch(n -> n.getStatus().equals(Notification.DELIVERED)));
        // Mail of earlier tests still due would be sent in the batches under test too.
        NotificationEmailTest.await("an idle outbox", () -> notifications.findDue(Instant.now(), 1), List::isEmpty);
        delivery.stop();
    }

    @AfterEach
    void restartDelivery() {
        delivery.start();
    }

    private List<Long> queue(int count, String subject) {
        return queue(reader, count, subject);
    }

    private List<Long> queue(User to, int count, String subject) {
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                ids.add(notifications.save(new Notification(ticketId, auditId, null, "Outbox test", i, to.getId(),
                        reader.getId(), subject + " {{ticket.id}} " + i, "{{ticket.latest_comment}}", null,
                        to.getEmail(), now)).getId());
            }
        });
        return ids;
    }

    private List<Notification> rows(List<Long> ids) {
        return notifications.findAllById(ids);
    }

    private List<String> subjectsTo(User user, String prefix) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : TestMail.to(user.getEmail())) {
            if (m.getSubject().contains(prefix)) {
                subjects.add(m.getSubject());
            }
        }
        return subjects;
    }

    @Test
    void stoppingInTheMiddleOfABatchFinishesTheMailBeingSentCountsNoFailureAndHandsTheRestBack() throws Exception {
        List<Long> ids = queue(8, "Shutdown");
        AtomicInteger sends = new AtomicInteger();
        SmtpMailTransport real = new SmtpMailTransport(smtp);
        NotificationDelivery[] stoppable = new NotificationDelivery[1];
        MailTransport stopsOnThirdMail = new MailTransport() {
            @Override
            public void send(OutgoingMail mail) throws Exception {
                if (sends.incrementAndGet() == 3) {
                    stoppable[0].stop(); // the shutdown arrives while this mail is on its way
                }
                real.send(mail);
            }

            @Override
            public String name() {
                return "smtp";
            }
        };
        stoppable[0] = new NotificationDelivery(notifications, renderer, settings, stopsOnThirdMail, transactions);

        int handled = stoppable[0].deliverDue();

        assertThat(handled).isEqualTo(3).isEqualTo(sends.get());
        List<Notification> after = rows(ids);
        assertThat(after).filteredOn(n -> n.getStatus().equals(Notification.DELIVERED)).hasSize(3)
                .allMatch(n -> n.getAttempts() == 1);
        assertThat(after).filteredOn(n -> !n.getStatus().equals(Notification.DELIVERED)).hasSize(5)
                .allSatisfy(n -> {
                    assertThat(n.getStatus()).isEqualTo(Notification.PENDING);
                    assertThat(n.getAttempts()).isZero();
                    assertThat(n.getLastError()).isNull();
                });
        assertThat(subjectsTo(reader, "Shutdown")).hasSize(3);

        // The next start sends the rest at once (no claim lease to wait for), each mail once.
        delivery.start();
        NotificationEmailTest.await("the rest sent", () -> rows(ids),
                l -> l.stream().allMatch(n -> n.getStatus().equals(Notification.DELIVERED)));
        Thread.sleep(500); // a second copy of any mail would have arrived by now
        assertThat(subjectsTo(reader, "Shutdown")).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void mailQueuedBeforeItsRecipientWasSuspendedOrDeletedIsCancelledNotSent() throws Exception {
        User colleague = fixtures.agent("Carl Colleague");
        String colleagueAddress = colleague.getEmail();
        List<Long> toReader = queue(1, "Suspended meanwhile");
        List<Long> toColleague = queue(colleague, 1, "Deleted meanwhile");
        fixtures.asAdmin().body(Map.of("user", Map.of("suspended", true)))
                .put("/api/v2/users/" + reader.getId() + ".json").then().statusCode(200);
        fixtures.asAdmin().delete("/api/v2/users/" + colleague.getId() + ".json").then().statusCode(200);

        new NotificationDelivery(notifications, renderer, settings, new SmtpMailTransport(smtp), transactions).deliverDue();

        assertThat(rows(toReader)).singleElement().satisfies(n -> assertThat(n.getStatus()).isEqualTo(Notification.CANCELLED));
        assertThat(rows(toColleague)).singleElement().satisfies(n -> assertThat(n.getStatus()).isEqualTo(Notification.CANCELLED));
        assertThat(subjectsTo(reader, "Suspended meanwhile")).isEmpty();
        assertThat(TestMail.to(colleagueAddress)).noneMatch(m -> {
            try {
                return m.getSubject().contains("Deleted meanwhile");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void whenTheBatchReadFailsEachMailIsRenderedAloneAndSentOnce() throws Exception {
        List<Long> ids = queue(5, "Fallback");
        AtomicInteger batchReads = new AtomicInteger();
        NotificationRepository failingBatchRead = (NotificationRepository) Proxy.newProxyInstance(
                NotificationRepository.class.getClassLoader(), new Class<?>[] {NotificationRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findAllById") && batchReads.incrementAndGet() == 1) {
                        throw new DataAccessResourceFailureException("connection reset while reading the batch");
                    }
                    try {
                        return method.invoke(notifications, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        NotificationDelivery oneByOne = new NotificationDelivery(failingBatchRead, renderer, settings,
                new SmtpMailTransport(smtp), transactions);

        assertThat(oneByOne.deliverDue()).isEqualTo(5);

        assertThat(batchReads.get()).as("the failed batch read happened").isEqualTo(1);
        assertThat(rows(ids)).hasSize(5).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.DELIVERED);
            assertThat(n.getAttempts()).isEqualTo(1);
        });
        List<String> subjects = subjectsTo(reader, "Fallback");
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> "[#" + ticketId + "] Fallback " + ticketId + " " + i).toList());
        for (MimeMessage m : TestMail.to(reader.getEmail())) {
            if (m.getSubject().contains("Fallback")) {
                assertThat(NotificationEmailTest.text(m)).contains("First message");
            }
        }
    }
}
