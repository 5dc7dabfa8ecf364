package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 3, views: a queue longer than one page sorts by each column and pages in a stable order. */
class ViewSortingBrowserTest extends WorkspaceBrowserTest {
    private static final List<String> STATUSES = List.of("new", "open", "pending", "hold");
    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    @Autowired
    GroupService groups;

    record Row(long id, String subject, String status, String priority, String requester) {
    }

    @Test
    @DisplayName("A group queue of 31 tickets: sorted by subject, status, priority and requester across two pages, none twice, none missing")
    void aViewSortsByItsColumnsAndPagesStably() {
        User agent = fixtures.agent("Sorting Agent");
        Group group = fixtures.group("Sorting Queue");
        groups.addMember(agent.getId(), group.getId(), true);
        List<User> requesters = List.of(fixtures.endUser("Zoe Zimmer"), fixtures.endUser("anna Adler"), fixtures.endUser("Max Mohn"));
        Map<Long, Row> created = new HashMap<>();
        for (int i = 0; i < 31; i++) {
            // Subjects in an order unlike the ids, statuses and priorities repeating, so ties need the id to break them.
            String subject = String.format("Sortable %02d", (i * 7) % 31);
            String status = STATUSES.get(i % 4);
            String priority = PRIORITIES.get(i % 3 + (i % 5 == 0 ? 1 : 0));
            User requester = requesters.get(i % 3);
            Map<String, Object> ticket = new HashMap<>(Map.of("subject", subject, "requester_id", requester.getId(),
                    "group_id", group.getId(), "status", status, "priority", priority, "comment", Map.of("body", "Row " + i)));
            if (!"new".equals(status)) {
                ticket.put("assignee_id", agent.getId());
            }
            long id = fixtures.as(agent).body(Map.of("ticket", ticket)).post("/api/v2/tickets.json").then().statusCode(201)
                    .extract().jsonPath().getLong("ticket.id");
            created.put(id, new Row(id, subject, status, priority, requester.getName()));
        }
        String view = "/agent/views/group-" + group.getId();
        step("sign in and open the group's queue", () -> {
            signIn(agent);
            open(view);
            waitForText("31");
        });
        step("sort by subject: A to Z over both pages", () -> {
            click("Subject");
            waitUntil(d -> d.getCurrentUrl().contains("sort=subject"));
            assertThat(bothPages()).extracting(id -> created.get(id).subject())
                    .containsExactlyElementsOf(created.values().stream().map(Row::subject).sorted().toList());
        });
        step("sort by status: life-cycle order, ties by id", () -> {
            clickColumn("Status");
            List<Long> ids = bothPages();
            assertThat(ids).containsExactlyElementsOf(created.values().stream()
                    .sorted(Comparator.comparingInt((Row r) -> STATUSES.indexOf(r.status())).thenComparingLong(Row::id))
                    .map(Row::id).toList());
        });
        step("sort by status again: descending", () -> {
            clickColumn("Status");
            assertThat(browser().getCurrentUrl()).contains("order=desc");
            assertThat(bothPages()).containsExactlyElementsOf(created.values().stream()
                    .sorted(Comparator.comparingInt((Row r) -> STATUSES.indexOf(r.status())).thenComparingLong(Row::id).reversed())
                    .map(Row::id).toList());
        });
        step("sort by priority: low to urgent", () -> {
            clickColumn("Priority");
            assertThat(bothPages()).containsExactlyElementsOf(created.values().stream()
                    .sorted(Comparator.comparingInt((Row r) -> PRIORITIES.indexOf(r.priority())).thenComparingLong(Row::id))
                    .map(Row::id).toList());
        });
        step("sort by requester: by name, ignoring case", () -> {
            clickColumn("Requester");
            assertThat(bothPages()).containsExactlyElementsOf(created.values().stream()
                    .sorted(Comparator.comparing((Row r) -> r.requester().toLowerCase()).thenComparingLong(Row::id))
                    .map(Row::id).toList());
        });
        step("sort by id, and the previous page link leads back", () -> {
            clickColumn("ID");
            List<Long> ids = bothPages();
            assertThat(ids).containsExactlyElementsOf(created.keySet().stream().sorted().toList());
            click("Previous page");
            waitUntil(d -> d.getCurrentUrl().contains("page=1"));
            assertThat(ids()).containsExactlyElementsOf(ids.subList(0, TicketViews.PAGE_SIZE));
        });
    }

    private void clickColumn(String column) {
        String before = browser().getCurrentUrl();
        open(path().replaceAll("[?&]page=\\d+", ""));
        click(column);
        waitUntil(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("sort="));
    }

    /** The ids on page 1, then on page 2 (reached with "Next page"), which must be the last. */
    private List<Long> bothPages() {
        List<Long> ids = new ArrayList<>(ids());
        assertThat(ids).hasSize(TicketViews.PAGE_SIZE);
        String first = browser().getCurrentUrl();
        click("Next page");
        waitUntil(d -> !d.getCurrentUrl().equals(first));
        ids.addAll(ids());
        assertThat(all(By.xpath("//a[normalize-space(.)='Next page']"))).isEmpty();
        assertThat(ids).doesNotHaveDuplicates().hasSize(31);
        return ids;
    }

    private List<Long> ids() {
        return waitFor(By.cssSelector("table.tickets tbody")).findElements(By.cssSelector("tr td:first-child")).stream()
                .map(WebElement::getText).map(Long::parseLong).toList();
    }
}
