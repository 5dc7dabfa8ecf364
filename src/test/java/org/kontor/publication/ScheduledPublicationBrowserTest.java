package org.kontor.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.support.BrowserTest;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * K1 through the ticket page: an agent schedules the public reply of a private ticket; when it is due the requester
 * sees it (R15). The test makes the db-scheduler task due at once instead of waiting the minute; then the ticket's
 * events show the notification log (issue 4), which "View as requester" and the Help Center never show.
 */
class ScheduledPublicationBrowserTest extends BrowserTest {
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    ScheduledPublications publications;
    @Autowired
    SchedulerClient scheduler;

    private User requester;

    @Test
    @DisplayName("K1, R15: a reply scheduled on a private ticket is posted when due and the requester then sees it; the notification log is agents' only")
    void k1_anAgentSchedulesThePublicReplyAndTheRequesterSeesItWhenDue() {
        fixtures.privateTicketCreation(true);
        User agent = fixtures.agent("Scheduling Browser Agent");
        requester = fixtures.endUser("Scheduled Browser Customer");
        long id = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Prepared in advance", "requester_id", requester.getId(),
                        "comment", Map.of("body", "Preparing the answer.", "public", false))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        Instant inAMinute = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        step("the agent writes the public reply and schedules it a minute ahead", () -> {
            signIn(agent);
            open("/agent/tickets/" + id);
            field("Public reply to publish").sendKeys("Your replacement ships on Monday.");
            // Chromium's datetime-local widget takes typed digits in the locale's order; setting the value is exact.
            ((JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1]",
                    field("Publish at (UTC)"), LOCAL_INPUT.format(inAMinute.atOffset(ZoneOffset.UTC)));
            click("Schedule publication");
            waitForText("Publication scheduled.");
            assertThat(waitFor(By.id("publication-pending")).getText()).contains("Your replacement ships on Monday.")
                    .contains(LOCAL_INPUT.format(inAMinute.atOffset(ZoneOffset.UTC)).replace('T', ' '));
            assertThat(requesterSees(id)).as("still private until it is posted").isNull();
        });
        step("when it is due (made due now by the test) the reply is posted once and the ticket is public", () -> {
            ScheduledPublication p = publications.pending(id, Actor.of(agent)).orElseThrow();
            assertThat(p.getPublishAt()).isEqualTo(inAMinute);
            scheduler.reschedule(TaskInstanceId.of(ScheduledPublications.TASK, String.valueOf(p.getId())), Instant.now());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (requesterSees(id) == null && Instant.now().isBefore(deadline)) {
                sleep();
            }
            assertThat(requesterSees(id)).containsExactly("Your replacement ships on Monday.");
        });
        step("the requester sees it in the Help Center, without the internal note", () -> {
            signIn(requester);
            open("/hc/requests/" + id);
            waitForText("Your replacement ships on Monday.");
            assertThat(mainText()).doesNotContain("Preparing the answer.").doesNotContain("Notifications");
        });
        step("the agent's events list the email to the requester, by which trigger, and its state", () -> {
            signIn(agent);
            // Generous: in the whole suite, mail of earlier test classes ("all agents" of every request) may be queued first.
            waitUntil(java.time.Duration.ofSeconds(90), d -> {
                open("/agent/tickets/" + id);
                return d.findElements(By.cssSelector("#notifications tbody tr")).stream()
                        .anyMatch(r -> r.getText().contains("Scheduled Browser Customer") && r.getText().contains("delivered"));
            });
            String log = waitFor(By.id("notifications")).getText();
            assertThat(log).contains(requester.getEmail()).contains("Notify requester");
            assertThat(waitFor(By.id("notifications-title")).getText()).isEqualTo("Notifications");
        });
        step("View as requester does not show the log", () -> {
            open("/agent/tickets/" + id + "/as-requester");
            waitForText("Your replacement ships on Monday.");
            assertThat(all(By.id("notifications"))).isEmpty();
            assertThat(mainText()).doesNotContain("Notifications");
        });
    }

    /** The public comments the requester can read through the Requests API; null while the ticket is hidden (404). */
    private List<String> requesterSees(long id) {
        Response r = fixtures.as(requester).get("/api/v2/requests/" + id + "/comments.json");
        return r.statusCode() == 404 ? null : r.then().statusCode(200).extract().jsonPath().getList("comments.body", String.class);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
