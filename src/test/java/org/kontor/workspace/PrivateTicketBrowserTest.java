package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The article's private tickets in a real browser: created with the Internal note default (R9), further
 * comments internal by default (R12), made public by a public reply after a warning and an undo window
 * (R15, K2), never private again (R16); and a public ticket with a single public reply made private (R17).
 * Each step checks what the requester can see through the Requests API (R11, V1, V2), and the events (V3).
 */
class PrivateTicketBrowserTest extends WorkspaceBrowserTest {

    /** Labels of the workspace in one language, so the same flow runs in English and in German. */
    private record Words(String add, String ticket, String requester, String subject, String description, String comment,
                         String publicReply, String internalNote, String submitAsNew, String submitAsOpen, String publicState,
                         String privateState, String undo, String makePrivate, String otherStatus) {
    }

    private static final Words ENGLISH = new Words("+ Add", "Ticket", "Requester", "Subject", "Description", "Comment",
            "Public reply", "Internal note", "Submit as New", "Submit as Open", "Public", "Private", "Undo", "Make private",
            "Submit with another status");
    private static final Words GERMAN = new Words("+ Hinzufügen", "Ticket", "Anfragender", "Betreff", "Beschreibung",
            "Kommentar", "Öffentliche Antwort", "Interne Notiz", "Einreichen als Neu", "Einreichen als Offen", "Öffentlich",
            "Privat", "Rückgängig", "Privat machen", "Mit anderem Status einreichen");

    @Test
    void r9_r12_r15_privateTicketWithInternalNoteThenFollowUpNoteThenPublicReplyMakingItPublic() {
        privateTicketFlow(fixtures.agent("Private Flow Agent"), ENGLISH);
    }

    @Test
    void r9_r12_r15_theSameFlowInGerman() {
        privateTicketFlow(germanAgent("Deutscher Agent"), GERMAN);
    }

    private void privateTicketFlow(User agent, Words w) {
        fixtures.privateTicketCreation(true);
        User customer = endUser("Carla Customer", Fixtures.unique("carla-") + "@example.test", null, null);
        step("sign in", () -> signIn(agent));
        step(w.add() + " → " + w.ticket() + " starts on " + w.internalNote() + " (R9)", () -> {
            openNewTicketFromTopBar(w.add(), w.ticket());
            assertThat(field(w.internalNote()).isSelected()).isTrue();
            assertThat(field(w.publicReply()).isSelected()).isFalse();
            assertThat(browser().findElement(By.cssSelector(".composer")).getAttribute("class")).contains("mode-internal");
        });
        step("choose the requester by email", () -> pickRequesterWithKeyboard(w.requester(), customer.getEmail(), "Carla Customer"));
        long[] id = new long[1];
        step(w.submitAsNew() + " creates a private ticket", () -> {
            type(w.subject(), "Call notes");
            type(w.description(), "Customer called about the invoice; checking internally.");
            id[0] = submit(w.submitAsNew());
            assertThat(privacyState()).isEqualTo(w.privateState());
            assertThat(browser().findElement(By.cssSelector(".comment")).getAttribute("class")).contains("internal");
        });
        step("the requester cannot see the private ticket (R11)", () -> {
            assertThat(requesterSees(customer, id[0])).isNull();
            assertThat(requesterListIds(customer)).doesNotContain(id[0]);
        });
        step("a follow-up comment starts as " + w.internalNote() + " (R12)", () -> {
            assertThat(field(w.internalNote()).isSelected()).isTrue();
            assertThat(browser().findElement(By.cssSelector("[data-publish-warning]")).isDisplayed()).isFalse();
            type(w.comment(), "Finance confirms a refund is due.");
            click(w.otherStatus());
            click(w.submitAsOpen());
            waitUntil(d -> d.findElements(By.cssSelector(".comment")).size() == 2);
            assertThat(privacyState()).isEqualTo(w.privateState());
            assertThat(requesterSees(customer, id[0])).isNull();
        });
        step(w.publicReply() + " warns that the ticket will become public (R15)", () -> {
            field(w.publicReply()).click();
            WebElement warning = waitFor(By.cssSelector("[data-publish-warning]"));
            assertThat(warning.getText()).contains("Carla Customer");
            assertThat(browser().findElement(By.cssSelector(".composer")).getAttribute("class")).contains("mode-public");
        });
        step("sending the public reply can be undone for a few seconds (K2)", () -> {
            type(w.comment(), "Good news: your refund is on its way.");
            click(w.submitAsOpen());
            waitFor(By.cssSelector("[data-undo-banner]"));
            click(w.undo());
            waitFor(By.cssSelector("[data-undone]"));
            assertThat(requesterSees(customer, id[0])).as("nothing was sent").isNull();
        });
        step("sent after the undo window, the public reply makes the ticket public", () -> {
            click(w.submitAsOpen());
            waitUntil(d -> d.findElements(By.cssSelector(".comment")).size() == 3);
            assertThat(privacyState()).isEqualTo(w.publicState());
        });
        step("the requester now sees the ticket with the public reply only, never the internal notes (V1)", () -> {
            assertThat(requesterListIds(customer)).contains(id[0]);
            assertThat(requesterSees(customer, id[0])).containsExactly("Good news: your refund is on its way.");
        });
        step("the ticket can never be private again: Make private is disabled with the reason (R16)", () -> {
            WebElement makePrivate = control(w.makePrivate());
            assertThat(makePrivate.isEnabled()).isFalse();
            String reason = browser().findElement(By.id(makePrivate.getDomAttribute("aria-describedby"))).getText();
            assertThat(reason).isNotBlank();
        });
        step("the events show who changed the visibility (V3)", () -> {
            String events = browser().findElement(By.id("events")).getText();
            assertThat(events).contains(w.privateState()).contains(w.publicState()).contains(agent.getName());
        });
    }

    @Test
    void r17_makePrivateOfTheSinglePublicReplyOfAPublicTicket() {
        fixtures.privateTicketCreation(false);
        User agent = fixtures.agent("Make Private Agent");
        User customer = endUser("Mona Mistake", Fixtures.unique("mona-") + "@example.test", null, null);
        step("sign in", () -> signIn(agent));
        long[] id = new long[1];
        step("create a public ticket for the customer", () -> {
            openNewTicketFromTopBar("+ Add", "Ticket");
            pickRequesterWithKeyboard("Requester", customer.getEmail(), "Mona Mistake");
            type("Subject", "Sent too early");
            type("Description", "Draft meant for colleagues.");
            id[0] = submit("Submit as New");
            assertThat(privacyState()).isEqualTo("Public");
            assertThat(requesterSees(customer, id[0])).containsExactly("Draft meant for colleagues.");
        });
        step("Make private explains it will make the ticket private, and does so", () -> {
            WebElement button = control("Make private");
            assertThat(button.isEnabled()).isTrue();
            assertThat(browser().findElement(By.id(button.getDomAttribute("aria-describedby"))).getText())
                    .contains("makes the ticket private");
            button.click();
            waitUntil(d -> privacyState().equals("Private"));
            assertThat(browser().findElement(By.cssSelector(".comment")).getAttribute("class")).contains("internal");
        });
        step("the requester can no longer see the ticket (R17, R11)", () -> {
            assertThat(requesterSees(customer, id[0])).isNull();
            assertThat(requesterListIds(customer)).doesNotContain(id[0]);
        });
        step("the events record the change (V3)", () ->
                assertThat(browser().findElement(By.id("events")).getText())
                        .contains("Visibility changed from Public to Private").contains("made an internal note"));
        step("View as requester shows that the requester cannot see it (K3)", () -> {
            click("View as requester");
            assertThat(mainText()).contains("Mona Mistake cannot see this ticket");
        });
    }
}
