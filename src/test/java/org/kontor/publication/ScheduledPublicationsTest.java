package org.kontor.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.common.InvalidInput;
import org.kontor.common.RuleViolation;
import org.kontor.support.IntegrationTest;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.NewTicket;
import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/** K1: a public reply scheduled on a private ticket is posted once when due (R15 then applies); it can be changed or cancelled. */
class ScheduledPublicationsTest extends IntegrationTest {
    @Autowired
    ScheduledPublications publications;
    @Autowired
    TicketService tickets;
    @Autowired
    SchedulerClient scheduler;

    private User agent;
    private User customer;

    @BeforeEach
    void people() {
        fixtures.privateTicketCreation(true);
        agent = fixtures.agent("Scheduling Agent");
        customer = fixtures.endUser("Scheduled Customer");
    }

    private long ticket(boolean firstCommentPublic) {
        return tickets.create(new NewTicket("Prepared answer", new CommentInput("Preparing the answer.", null,
                firstCommentPublic, null), customer.getId(), null, null, null, null, null, null, null, null, null, null,
                null, null, null), Actor.of(agent)).ticket().getId();
    }

    private Optional<ScheduledExecution<Object>> task(ScheduledPublication p) {
        return scheduler.getScheduledExecutions().stream()
                .filter(e -> e.getTaskInstance().getTaskName().equals(ScheduledPublications.TASK)
                        && e.getTaskInstance().getId().equals(String.valueOf(p.getId())))
                .findFirst();
    }

    private List<String> requesterSees(long id) {
        Response r = fixtures.as(customer).get("/api/v2/requests/" + id + "/comments.json");
        return r.statusCode() == 404 ? null : r.then().statusCode(200).extract().jsonPath().getList("comments.body", String.class);
    }

    @Test
    void k1_r15_aScheduledReplyIsPostedOnceWhenDueAndMakesThePrivateTicketPublic() throws InterruptedException {
        long id = ticket(false);
        ScheduledPublication p = publications.schedule(id, "Here is our answer.", Instant.now().plusSeconds(2), Actor.of(agent));
        assertThat(task(p)).as("stored as a db-scheduler task, so it survives a restart").isPresent();
        assertThat(requesterSees(id)).as("still private until it is posted").isNull();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (requesterSees(id) == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(requesterSees(id)).containsExactly("Here is our answer.");
        assertThat(publications.pending(id, Actor.of(agent))).isEmpty();
        assertThat(task(p)).isEmpty();

        publications.publish(p.getId());
        assertThat(requesterSees(id)).as("a second execution posts nothing").containsExactly("Here is our answer.");
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + id + "/audits.json").then().statusCode(200).extract()
                .jsonPath().getList("audits.events.flatten().findAll { it.field_name == 'is_public' && it.type == 'Change' }"))
                .as("made public once, recorded (V3)").hasSize(1);
    }

    @Test
    void k1_aScheduledPublicationCanBeChangedAndCancelledUntilItIsPosted() {
        long id = ticket(false);
        Instant first = Instant.now().plus(Duration.ofHours(1));
        ScheduledPublication p = publications.schedule(id, "Draft answer.", first, Actor.of(agent));
        Instant later = Instant.now().plus(Duration.ofHours(2));
        ScheduledPublication changed = publications.schedule(id, "Final answer.", later, Actor.of(agent));
        assertThat(changed.getId()).isEqualTo(p.getId());
        assertThat(publications.pending(id, Actor.of(agent))).get()
                .satisfies(x -> assertThat(x.getBody()).isEqualTo("Final answer."));
        assertThat(task(p)).get().satisfies(e -> assertThat(e.getExecutionTime()).isCloseTo(later, org.assertj.core.api.Assertions.within(Duration.ofSeconds(1))));

        publications.cancel(id, Actor.of(agent));
        assertThat(publications.pending(id, Actor.of(agent))).isEmpty();
        assertThat(task(p)).isEmpty();
        publications.publish(p.getId());
        assertThat(requesterSees(id)).as("a cancelled publication posts nothing").isNull();
    }

    @Test
    void k1_onlyForAPrivateTicketAFutureTimeAndByAnAgent() {
        long publicTicket = ticket(true);
        assertThatThrownBy(() -> publications.schedule(publicTicket, "x", Instant.now().plusSeconds(60), Actor.of(agent)))
                .isInstanceOf(RuleViolation.class);
        long privateTicket = ticket(false);
        assertThatThrownBy(() -> publications.schedule(privateTicket, "x", Instant.now().minusSeconds(60), Actor.of(agent)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> publications.schedule(privateTicket, " ", Instant.now().plusSeconds(60), Actor.of(agent)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> publications.schedule(privateTicket, "x", Instant.now().plusSeconds(60), Actor.of(customer)))
                .isInstanceOf(org.kontor.common.Forbidden.class);
    }
}
