package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;

/**
 * An admin creates a macro on Admin → Macros (one control per action); an agent applies it on a ticket, reviews the
 * proposed internal note and fields, and submits: only then is anything saved.
 */
class MacroBrowserTest extends WorkspaceBrowserTest {

    @Test
    void anAdminCreatesAMacroAndAnAgentAppliesReviewsAndSubmitsIt() {
        User admin = fixtures.admin("Macro Admin");
        User agent = fixtures.agent("Mona Macro");
        User customer = endUser("Karl Kunde", Fixtures.unique("karl-") + "@example.test", null, null);
        long ticketId = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Invoice twice", "requester_id", customer.getId(),
                        "comment", Map.of("body", "I was charged twice")))).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        String title = Fixtures.unique("Duplicate charge ");

        signIn(admin);
        step("Admin → Macros → New macro: a blank reply type is refused with the reason, then saved", () -> {
            open("/admin/macros");
            click("New macro");
            type("Title", title);
            click("Save macro");
            waitForText("Actions: a macro needs at least one action");
            type("Reply text", "Checked with accounting for {{ticket.requester.first_name}}: refund issued.");
            choose("Reply type", "Internal note");
            choose("Status", "Solved");
            type("Add tags", "refund");
            click("Save macro");
            waitForText("Macro saved.");
            open("/admin/macros");
            waitForText(title);
            assertThat(mainText()).contains("All agents");
        });

        signIn(agent);
        step("Apply macro fills the composer and fields; nothing is saved yet", () -> {
            open("/agent/tickets/" + ticketId);
            choose("Macro", title);
            click("Apply macro");
            waitForText("applied: review the reply and the fields, then submit. Nothing is saved yet.");
            assertThat(field("Comment").getDomProperty("value")).isEqualTo("Checked with accounting for Karl: refund issued.");
            assertThat(waitFor(By.cssSelector("input[name=mode][value=internal]")).isSelected()).isTrue();
            assertThat(field("Tags").getDomProperty("value")).contains("refund");
            assertThat(all(By.xpath("//button[normalize-space(.)='Submit as Solved']"))).isNotEmpty();
            JsonPath unchanged = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + ".json").jsonPath();
            assertThat(unchanged.getString("ticket.status")).isEqualTo("new");
            assertThat(unchanged.getList("ticket.tags", String.class)).doesNotContain("refund");
        });
        step("Submit saves the internal note, the status and the tag; the requester sees no note", () -> {
            click("Submit as Solved");
            waitForText("Ticket updated.");
            JsonPath ticket = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + ".json").jsonPath();
            assertThat(ticket.getString("ticket.status")).isEqualTo("solved");
            assertThat(ticket.getList("ticket.tags", String.class)).contains("refund");
            List<Map<String, Object>> comments = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json")
                    .jsonPath().getList("comments");
            assertThat(comments).hasSize(2);
            assertThat(comments.get(1)).containsEntry("public", false)
                    .containsEntry("body", "Checked with accounting for Karl: refund issued.");
            assertThat(fixtures.as(customer).get("/api/v2/requests/" + ticketId + "/comments.json").jsonPath()
                    .getList("comments.body", String.class)).containsExactly("I was charged twice");
        });
    }

    @Test
    void anAgentKeepsPersonalMacrosUnderYourMacrosAndCannotChangeSharedOnes() {
        User agent = fixtures.agent("Paula Personal");
        String shared = Fixtures.unique("Shared greeting ");
        fixtures.asAdmin().body(Map.of("macro", Map.of("title", shared, "actions",
                List.of(Map.of("field", "comment_value", "value", "Hello!"))))).post("/api/v2/macros.json").then().statusCode(201);
        String mine = Fixtures.unique("My sign-off ");
        signIn(agent);
        step("Your macros lists the shared macro without an edit link, and creates a personal one", () -> {
            open("/agent/macros");
            waitForText(shared);
            assertThat(all(By.xpath("//a[normalize-space(.)='" + shared + "']"))).isEmpty();
            click("New personal macro");
            type("Title", mine);
            type("Reply text", "Best regards, {{current_user.first_name}}");
            click("Save macro");
            waitForText("Macro saved.");
            open("/agent/macros");
            waitForText(mine);
            assertThat(mainText()).contains("Personal macro of Paula Personal");
        });
        JsonPath created = fixtures.as(agent).get("/api/v2/macros.json").jsonPath();
        int index = created.getList("macros.title", String.class).indexOf(mine);
        assertThat(created.getString("macros[" + index + "].restriction.type")).isEqualTo("User");
        assertThat(created.getLong("macros[" + index + "].restriction.id")).isEqualTo(agent.getId());
        assertThat(fixtures.as(fixtures.agent("Other Agent")).get("/api/v2/macros.json").jsonPath()
                .getList("macros.title", String.class)).doesNotContain(mine).contains(shared);
    }
}
