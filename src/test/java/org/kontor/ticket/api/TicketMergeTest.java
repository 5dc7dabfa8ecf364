package org.kontor.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;

/**
 * Zendesk's merge ({@code POST /tickets/{id}/merge}, a job): sources close into the target with comments saying so.
 * The comments are internal unless asked otherwise and always when a ticket is private, and a public one never shows
 * one requester's conversation to another (V1, R11).
 */
class TicketMergeTest extends IntegrationTest {

    private long ticket(User agent, User requester, String subject, String body) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", subject, "requester_id", requester.getId(),
                "comment", Map.of("body", body)))).post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath()
                .getLong("ticket.id");
    }

    private JsonPath mergeJob(User agent, long target, Map<String, Object> body) throws InterruptedException {
        String jobId = fixtures.as(agent).body(body).post("/api/v2/tickets/" + target + "/merge.json")
                .then().statusCode(200).extract().jsonPath().getString("job_status.id");
        return fixtures.finishedJob(agent, jobId);
    }

    private JsonPath comments(User agent, long id) {
        return fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").jsonPath();
    }

    @Test
    void sourcesCloseIntoTheTargetWithInternalNotesNamingEachOtherByDefault() throws Exception {
        User agent = fixtures.agent("Mia Merger");
        User customer = fixtures.endUser("Max Duplicate");
        long target = ticket(agent, customer, "Printer broken", "The printer is broken");
        long first = ticket(agent, customer, "Printer still broken", "Still broken, any news?");
        long second = ticket(agent, customer, "Printer", "Paper jam as well");

        JsonPath job = mergeJob(agent, target, Map.of("ids", List.of(first, second)));

        assertThat(job.getString("job_status.status")).isEqualTo("completed");
        assertThat(job.getList("job_status.results.id", Long.class)).containsExactly(first, second);
        assertThat(job.getList("job_status.results.success", Boolean.class)).containsExactly(true, true);
        for (long source : List.of(first, second)) {
            assertThat(fixtures.as(agent).get("/api/v2/tickets/" + source + ".json").jsonPath().getString("ticket.status"))
                    .isEqualTo("closed");
            JsonPath c = comments(agent, source);
            int last = c.getList("comments").size() - 1;
            assertThat(c.getString("comments[" + last + "].body"))
                    .isEqualTo("This request was closed and merged into request #" + target + " \"Printer broken\".");
            assertThat(c.getBoolean("comments[" + last + "].public")).isFalse();
        }
        JsonPath onTarget = comments(agent, target);
        int last = onTarget.getList("comments").size() - 1;
        assertThat(onTarget.getBoolean("comments[" + last + "].public")).isFalse();
        assertThat(onTarget.getString("comments[" + last + "].body"))
                .contains("Request #" + first + " \"Printer still broken\" was closed and merged into this request.")
                .contains("Last comment in request #" + first + ":\n\nStill broken, any news?")
                .contains("Request #" + second + " \"Printer\" was closed and merged into this request.")
                .contains("Paper jam as well");
        // The requester's view of the target: the merge notes are internal (V1).
        assertThat(fixtures.as(customer).get("/api/v2/requests/" + target + "/comments.json").jsonPath()
                .getList("comments.body", String.class)).containsExactly("The printer is broken");
    }

    @Test
    void publicMergeCommentsNameTicketsByNumberOnlySoOneRequesterNeverSeesAnothersConversation() throws Exception {
        User agent = fixtures.agent("Pia Public");
        User alice = fixtures.endUser("Alice Target");
        User bob = fixtures.endUser("Bob Source");
        long target = ticket(agent, alice, "Alice's invoice", "Alice writes about her invoice");
        long source = ticket(agent, bob, "Bob's secret", "Bob's account number is 12345");

        mergeJob(agent, target, Map.of("ids", List.of(source), "source_comment_is_public", true, "target_comment_is_public", true));

        List<String> aliceSees = fixtures.as(alice).get("/api/v2/requests/" + target + "/comments.json").jsonPath()
                .getList("comments.body", String.class);
        assertThat(aliceSees).containsExactly("Alice writes about her invoice",
                "Request #" + source + " was closed and merged into this request.");
        assertThat(String.join("\n", aliceSees)).doesNotContain("Bob").doesNotContain("12345");
        List<String> bobSees = fixtures.as(bob).get("/api/v2/requests/" + source + "/comments.json").jsonPath()
                .getList("comments.body", String.class);
        assertThat(bobSees).containsExactly("Bob's account number is 12345",
                "This request was closed and merged into request #" + target + ".");
        fixtures.as(bob).get("/api/v2/requests/" + target + ".json").then().statusCode(404);
    }

    @Test
    void theDefaultTextsAreInEachRequestersLanguage() throws Exception {
        User agent = fixtures.agent("Mara Mehrsprachig");
        User german = fixtures.users().create(new UserDraft("Greta Deutsch", Fixtures.unique("greta-") + "@example.test", null,
                Role.END_USER, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        User english = fixtures.endUser("Eric English");
        long target = ticket(agent, english, "Printer broken", "The printer is broken");
        long source = ticket(agent, german, "Drucker kaputt", "Der Drucker druckt nicht");

        mergeJob(agent, target, Map.of("ids", List.of(source), "source_comment_is_public", true));

        List<String> gretaSees = fixtures.as(german).get("/api/v2/requests/" + source + "/comments.json").jsonPath()
                .getList("comments.body", String.class);
        assertThat(gretaSees).containsExactly("Der Drucker druckt nicht",
                "Diese Anfrage wurde geschlossen und mit Anfrage #" + target + " zusammengeführt.");
        JsonPath onTarget = comments(agent, target);
        int last = onTarget.getList("comments").size() - 1;
        assertThat(onTarget.getString("comments[" + last + "].body"))
                .startsWith("Request #" + source + " \"Drucker kaputt\" was closed and merged into this request.")
                .contains("Last comment in request #" + source + ":\n\nDer Drucker druckt nicht");
    }

    @Test
    void whenATicketIsPrivateTheCommentsStayInternalWhateverIsAsked() throws Exception {
        fixtures.privateTicketCreation(true);
        try {
            User agent = fixtures.agent("Pete Private");
            User customer = fixtures.endUser("Cleo Private");
            long target = ticket(agent, customer, "Visible", "A public ticket");
            long hidden = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Internal plans", "requester_id", customer.getId(),
                            "comment", Map.of("body", "Only for agents", "public", false)))).post("/api/v2/tickets.json")
                    .then().statusCode(201).extract().jsonPath().getLong("ticket.id");

            mergeJob(agent, target, Map.of("ids", List.of(hidden), "target_comment", "Merged the plans",
                    "target_comment_is_public", true, "source_comment_is_public", true));

            JsonPath onTarget = comments(agent, target);
            int last = onTarget.getList("comments").size() - 1;
            assertThat(onTarget.getString("comments[" + last + "].body")).isEqualTo("Merged the plans");
            assertThat(onTarget.getBoolean("comments[" + last + "].public")).isFalse();
            assertThat(fixtures.as(customer).get("/api/v2/requests/" + target + "/comments.json").jsonPath()
                    .getList("comments.body", String.class)).containsExactly("A public ticket");
            assertThat(fixtures.as(agent).get("/api/v2/tickets/" + hidden + ".json").jsonPath().getBoolean("ticket.is_public")).isFalse();
            fixtures.as(customer).get("/api/v2/requests/" + hidden + ".json").then().statusCode(404);
        } finally {
            fixtures.privateTicketCreation(false);
        }
    }

    @Test
    void refusedMergesAnswerAtOnceAndChangeNothing() {
        User agent = fixtures.agent("Rex Refused");
        User customer = fixtures.endUser("Rita Refused");
        long target = ticket(agent, customer, "Target", "t");
        long source = ticket(agent, customer, "Source", "s");
        long closed = ticket(agent, customer, "Closed", "c");
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "solved", "assignee_id", agent.getId())))
                .put("/api/v2/tickets/" + closed + ".json").then().statusCode(200);
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "closed")))
                .put("/api/v2/tickets/" + closed + ".json").then().statusCode(200);
        String path = "/api/v2/tickets/" + target + "/merge.json";

        fixtures.as(agent).body(Map.of("ids", List.of(target))).post(path).then().statusCode(422)
                .body("details.ids[0].description", org.hamcrest.Matchers.equalTo("Ids: a ticket cannot be merged into itself"));
        fixtures.as(agent).body(Map.of("ids", List.of())).post(path).then().statusCode(422);
        fixtures.as(agent).body(Map.of("ids", List.of(1, 2, 3, 4, 5, 6))).post(path).then().statusCode(422);
        fixtures.as(agent).body(Map.of("ids", List.of(source, source))).post(path).then().statusCode(422);
        fixtures.as(agent).body(Map.of("ids", List.of(closed))).post(path).then().statusCode(422)
                .body("details.ids[0].description", org.hamcrest.Matchers.equalTo("Ticket #" + closed + " is closed and cannot be merged"));
        fixtures.as(agent).body(Map.of("ids", List.of(source))).post("/api/v2/tickets/" + closed + "/merge.json").then().statusCode(422);
        fixtures.as(agent).body(Map.of("ids", List.of(999999999L))).post(path).then().statusCode(404);
        fixtures.as(agent).body(Map.of("ids", "nope")).post(path).then().statusCode(422);
        fixtures.as(agent).body(Map.of("ids", List.of(source), "target_comment", "x".repeat(70_000))).post(path).then().statusCode(422);
        fixtures.as(customer).body(Map.of("ids", List.of(source))).post(path).then().statusCode(403);
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + source + ".json").jsonPath().getString("ticket.status")).isEqualTo("new");
        assertThat(comments(agent, target).getList("comments")).hasSize(1);
    }
}
