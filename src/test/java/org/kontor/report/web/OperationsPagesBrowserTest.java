package org.kontor.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.organization.Organization;
import org.kontor.support.BrowserTest;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The operations pages in Chromium: reports with Chart.js and CSV (R14), availability and next ticket (R13), log a call (C1). */
class OperationsPagesBrowserTest extends BrowserTest {
    @Autowired
    GroupService groups;

    private long ticket(User agent, User requester, boolean isPublic, Long groupId) {
        Map<String, Object> t = new java.util.HashMap<>();
        t.put("subject", "Browser report");
        t.put("requester_id", requester.getId());
        t.put("comment", Map.of("body", "First", "public", isPublic));
        if (groupId != null) {
            t.put("group_id", groupId);
        }
        return fixtures.as(agent).body(Map.of("ticket", t)).post("/api/v2/tickets.json").then().statusCode(201)
                .extract().jsonPath().getLong("ticket.id");
    }

    @Test
    void r14_reportsPageShowsPrivateTicketsDrawsTheChartAndDownloadsCsv() {
        User agent = fixtures.agent("Paula Pages");
        Organization org = fixtures.organization("Browser Org", false);
        User customer = fixtures.endUser("Bruno Browser", org);
        fixtures.privateTicketCreation(true);
        ticket(agent, customer, true, null);
        ticket(agent, customer, false, null);
        ticket(agent, customer, false, null);
        fixtures.privateTicketCreation(false);

        step("sign in as an agent and open the reports", () -> {
            signIn(agent);
            open("/agent/reports");
            assertThat(mainText()).contains("Reports");
        });
        step("choose the organization and show its report", () -> {
            choose("Organization", org.getName());
            click("Show report");
            waitFor(By.id("created"));
            assertThat(browser().findElement(By.id("created")).getText()).isEqualTo("3");
            assertThat(browser().findElement(By.id("created-public")).getText()).isEqualTo("1");
            assertThat(browser().findElement(By.id("created-private")).getText()).isEqualTo("2");
            assertThat(browser().findElement(By.id("internal-notes")).getText()).isEqualTo("2");
            assertThat(mainText()).contains("Private tickets and internal notes count in this report.");
        });
        step("the chart is drawn by Chart.js", () -> {
            Object datasets = waitUntil(d -> ((JavascriptExecutor) d).executeScript(
                    "var c = window.Chart && Chart.getChart(document.getElementById('report-chart'));"
                            + " return c ? c.data.datasets.map(function (s) { return s.label; }).join('|') : null;"));
            assertThat((String) datasets).isEqualTo("Tickets created|Tickets solved|Public replies by agents|Internal notes by agents");
        });
        step("the CSV link downloads the same figures", () -> {
            String href = browser().findElement(By.id("csv-link")).getAttribute("href");
            assertThat(href).contains("/agent/reports/export.csv");
            String csv = (String) ((JavascriptExecutor) browser()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + " fetch(arguments[0]).then(function (r) { return r.headers.get('content-type') + '\\n' + r.headers.get('content-disposition') + '\\n' + r.text(); })"
                            + ".then(done, function (e) { done('error ' + e); });", href);
            assertThat(csv).startsWith("text/csv");
        });
        step("the CSV body", () -> {
            String href = browser().findElement(By.id("csv-link")).getAttribute("href");
            String body = (String) ((JavascriptExecutor) browser()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);", href);
            assertThat(body).startsWith("period,tickets_created,created_public,created_private,tickets_solved,public_replies,internal_notes")
                    .containsPattern("\\r?\\ntotal,3,1,2,0,1,2\\r?\\n");
        });
    }

    @Test
    void r13_agentGoesOnlineAndGetsTheNextTicket() {
        User agent = fixtures.agent("Quinn Queue");
        User submitter = fixtures.agent("Sam Submitter");
        Group group = fixtures.group("Browser queue");
        groups.addMember(agent.getId(), group.getId(), false);
        long queued = ticket(submitter, fixtures.endUser("Wanda Waiting"), true, group.getId());

        step("sign in and open the queue page", () -> {
            signIn(agent);
            open("/agent/queue");
            assertThat(browser().findElement(By.id("my-status")).getText()).isEqualTo("You are offline.");
        });
        step("set away, then get the next ticket by hand", () -> {
            click("Set away");
            waitUntil(d -> d.findElement(By.id("my-status")).getText().equals("You are away."));
            click("Get next ticket");
            assertThat(waitFor(By.id("next-ticket")).getText()).contains("#" + queued);
        });
        step("go online", () -> {
            click("Go online");
            waitUntil(d -> d.findElement(By.id("my-status")).getText().equals("You are online."));
            assertThat(mainText()).contains("1 of 10 open tickets assigned to you");
        });
    }

    @Test
    void r13_anAdminSetsAnAgentsStatusAndCapacityAndTheRoutingSettings() {
        User admin = fixtures.admin("Ada Availability");
        User agent = fixtures.agent("Carl Capacity " + org.kontor.support.Fixtures.unique(""));
        fixtures.privateTicketCreation(false);

        step("sign in as an admin and open Routing", () -> {
            signIn(admin);
            open("/admin");
            click("Routing");
            waitForText("Routing and availability");
        });
        step("set the agent online with a capacity of 3", () -> {
            choose("Status of " + agent.getName(), "online");
            WebElement capacity = field("Capacity of " + agent.getName());
            capacity.clear();
            capacity.sendKeys("3");
            click("Save " + agent.getName());
            waitForText("Settings saved.");
            WebElement row = browser().findElement(By.id("agent-" + agent.getId()));
            assertThat(row.findElement(By.cssSelector("input[name=capacity]")).getAttribute("value")).isEqualTo("3");
        });
        step("the API shows the same availability", () -> {
            io.restassured.path.json.JsonPath json = fixtures.asAdmin().get("/api/v2/kontor/agents/" + agent.getId() + "/availability.json")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(json.getString("availability.status")).isEqualTo("online");
            assertThat(json.getInt("availability.capacity")).isEqualTo(3);
        });
        step("call tickets cannot start private while private ticket creation is off (R8)", () -> {
            WebElement calls = field("Tickets from calls start private");
            calls.click();
            browser().findElement(By.cssSelector("#routing-settings button[type=submit]")).click();
            waitForText("only while private ticket creation is on");
        });
        step("reassign when offline is saved", () -> {
            field("When an agent goes offline, hand their new and open tickets back to routing").click();
            browser().findElement(By.cssSelector("#routing-settings button[type=submit]")).click();
            waitForText("Settings saved.");
            assertThat(field("When an agent goes offline, hand their new and open tickets back to routing").isSelected()).isTrue();
        });
        fixtures.asAdmin().body(Map.of("settings", Map.of("routing", Map.of("reassign_when_agent_offline", false))))
                .put("/api/v2/account/settings.json");
    }

    @Test
    void c1_anAgentLogsACallAsAPrivateTicketAndSeesTheVoiceComment() {
        User agent = fixtures.agent("Lena Logger");
        fixtures.privateTicketCreation(true);
        try {
            step("sign in and open the call form", () -> {
                signIn(agent);
                open("/agent/calls/new");
            });
            step("log a private call", () -> {
                type("Caller's phone number", "+49 30 " + (1_000_000 + new java.util.Random().nextInt(8_999_999)));
                type("Duration (minutes)", "4");
                type("Subject", "Called about the contract");
                type("Notes", "Wants a callback before telling the team.");
                field("Private ticket (internal note)").click();
                click("Log call");
            });
            step("the call is a private ticket with an internal voice comment", () -> {
                waitForText("Call logged as ticket");
                String text = mainText();
                assertThat(text).contains("Called about the contract").contains("Private").containsIgnoringCase("Internal note")
                        .contains("Inbound call").contains("Duration: 4 min 0 s");
                assertThat(all(By.cssSelector("article.voice-comment.is-internal"))).hasSize(1);
            });
            step("the ticket page shows the call inside its internal note (R12)", () -> {
                String ticketPath = path().replace("/agent/calls/", "/agent/tickets/");
                open(ticketPath);
                waitForText("Called about the contract");
                List<WebElement> notes = all(By.cssSelector("li.comment.internal"));
                assertThat(notes).hasSize(1);
                assertThat(notes.get(0).getText()).contains("Inbound call").contains("Duration: 4 min 0 s")
                        .contains("Wants a callback before telling the team.");
                assertThat(all(By.cssSelector("li.comment.public"))).isEmpty();
            });
        } finally {
            fixtures.privateTicketCreation(false);
        }
    }
}
