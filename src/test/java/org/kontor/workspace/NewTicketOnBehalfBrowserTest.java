package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.organization.Organization;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;

/**
 * The article's "create a public ticket for an end user" in a real browser: + Add → Ticket, the requester found
 * by email domain, phone number or organization name (R2), or added inline (R3), or from the profile (R4);
 * Submit as New (R5). Each ends with what the requester can then see (R6b through the Requests API).
 */
class NewTicketOnBehalfBrowserTest extends WorkspaceBrowserTest {
    private User agent;

    @BeforeEach
    void agentSignsIn() {
        fixtures.privateTicketCreation(false);
        agent = fixtures.agent("Flow Agent");
        signIn(agent);
    }

    private long writeAndSubmitPublic(String subject, String description) {
        type("Subject", subject);
        assertThat(field("Public reply").isSelected()).as("R9: with private creation off the composer is on Public reply").isTrue();
        assertThat(all(By.xpath("//label[normalize-space(.)='Internal note']"))).as("R9: public replies only").isEmpty();
        type("Description", description);
        return submit("Submit as New");
    }

    private void requesterSeesIt(User requester, long id, String description) {
        assertThat(privacyState()).isEqualTo("Public");
        assertThat(requesterListIds(requester)).contains(id);
        assertThat(requesterSees(requester, id)).containsExactly(description);
    }

    @Test
    void r2_publicTicketForAUserFoundByEmailDomain() {
        String domain = Fixtures.unique("acme") + ".test";
        User jane = endUser("Jane Domain", "jane@" + domain, null, null);
        step("+ Add → Ticket", () -> openNewTicketFromTopBar("+ Add", "Ticket"));
        step("type the email domain and choose the user with the keyboard", () -> {
            pickRequesterWithKeyboard("Requester", domain, "Jane Domain");
            assertThat(browser().findElement(By.id("requester-search")).isDisplayed()).isFalse();
        });
        long[] id = new long[1];
        step("write the ticket and Submit as New", () -> id[0] = writeAndSubmitPublic("Replacement router", "We ship a new router today."));
        step("the ticket page shows the requester and the public reply", () -> {
            assertThat(mainText()).contains("Jane Domain").contains("We ship a new router today.").contains("New");
        });
        step("the requester sees the ticket and its reply", () -> requesterSeesIt(jane, id[0], "We ship a new router today."));
    }

    @Test
    void r2_publicTicketForAUserFoundByPhoneNumberWhateverTheFormatting() {
        String digits = String.valueOf(System.nanoTime() % 1_000_000_000L);
        User phil = endUser("Phil Phone", Fixtures.unique("phil-") + "@example.test", "+49 30 " + digits, null);
        step("+ Add → Ticket", () -> openNewTicketFromTopBar("+ Add", "Ticket"));
        step("type the phone number formatted differently and pick the user", () -> {
            String typed = "(+49) 30-" + digits.substring(0, 3) + " " + digits.substring(3);
            requesterOption("Requester", typed, "Phil Phone").click();
            waitUntil(d -> d.findElement(By.cssSelector("[data-chosen-label]")).getText().contains("Phil Phone"));
        });
        long[] id = new long[1];
        step("write the ticket and Submit as New", () -> id[0] = writeAndSubmitPublic("Your call today", "Notes of our call, as promised."));
        step("the requester sees the ticket", () -> requesterSeesIt(phil, id[0], "Notes of our call, as promised."));
    }

    @Test
    void r2_publicTicketForAUserFoundByOrganizationName() {
        Organization org = organization(Fixtures.unique("Globex Research "));
        User olga = endUser("Olga Org", Fixtures.unique("olga-") + "@example.test", null, org.getId());
        step("+ Add → Ticket", () -> openNewTicketFromTopBar("+ Add", "Ticket"));
        step("type the organization's name and pick the user; the result shows the organization", () -> {
            var option = requesterOption("Requester", org.getName(), "Olga Org");
            assertThat(option.getText()).contains(org.getName()).contains(olga.getEmail());
            option.click();
        });
        long[] id = new long[1];
        step("write the ticket and Submit as New", () -> id[0] = writeAndSubmitPublic("Contract renewal", "Your contract renews next month."));
        step("the requester sees the ticket", () -> requesterSeesIt(olga, id[0], "Your contract renews next month."));
    }

    @Test
    void r3_addUserInlineBecomesTheRequester() {
        String email = Fixtures.unique("new-customer-") + "@example.test";
        step("+ Add → Ticket", () -> openNewTicketFromTopBar("+ Add", "Ticket"));
        step("nobody matches the typed name", () -> {
            type("Requester", "Nadia Newcomer");
            waitUntil(d -> d.findElement(By.id("requester-options")).getText().contains("No users found."));
        });
        step("+ Add user refuses a user without email or phone", () -> {
            click("+ Add user");
            type("Name", "Nadia Newcomer");
            click("Add user");
            waitUntil(d -> d.findElement(By.cssSelector("[data-add-user] .errors")).getText().contains("email address or a phone number"));
        });
        step("+ Add user with name and email fills the requester field", () -> {
            type("Email", email);
            click("Add user");
            waitUntil(d -> d.findElement(By.cssSelector("[data-chosen-label]")).getText().contains("Nadia Newcomer <" + email + ">"));
        });
        long[] id = new long[1];
        step("write the ticket and Submit as New", () -> id[0] = writeAndSubmitPublic("Welcome aboard", "Your account is ready."));
        step("the new user is the requester and sees the ticket", () -> {
            User nadia = fixtures.users().findByEmail(email).orElseThrow();
            assertThat(nadia.getRole().wire()).isEqualTo("end-user");
            requesterSeesIt(nadia, id[0], "Your account is ready.");
        });
    }

    @Test
    void r4_newTicketFromTheUserProfile() {
        User paula = endUser("Paula Profile", Fixtures.unique("paula-") + "@example.test", null, null);
        step("open the user's profile", () -> {
            open("/agent/users/" + paula.getId());
            assertThat(mainText()).contains("Paula Profile").contains(paula.getEmail());
        });
        step("User options → New ticket opens a new ticket with the requester filled in", () -> {
            click("User options");
            click("New ticket");
            waitUntil(d -> path().startsWith("/agent/tickets/new"));
            assertThat(waitFor(By.cssSelector("[data-chosen-label]")).getText()).contains("Paula Profile");
        });
        long[] id = new long[1];
        step("write the ticket and Submit as New", () -> id[0] = writeAndSubmitPublic("Your order", "Your order has shipped."));
        step("the requester sees the ticket, and the profile lists it as public", () -> {
            requesterSeesIt(paula, id[0], "Your order has shipped.");
            open("/agent/users/" + paula.getId());
            assertThat(mainText()).contains("Your order").contains("Public");
        });
    }

    @Test
    void r1_leftEmptyTheAgentIsTheRequester() {
        step("+ Add → Ticket and submit without a requester", () -> {
            openNewTicketFromTopBar("+ Add", "Ticket");
            writeAndSubmitPublic("Note to self", "Remember the quarterly report.");
        });
        step("the agent is the requester", () -> assertThat(mainText()).contains("Flow Agent <" + agent.getEmail() + ">"));
    }
}
