package org.kontor.helpcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.settings.AccountSettingsService;
import org.kontor.support.BrowserTest;
import org.kontor.support.Fixtures;
import org.kontor.support.PasswordMails;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5 in a real browser: an end user resets a forgotten password through the emailed link and signs in;
 * sign-up appears only when an admin allows it; an agent writes a Markdown article in /agent/kb and an end user
 * finds it in Help Center search; the Help Center in German.
 */
class HelpCenterAccountsBrowserTest extends BrowserTest {
    private static final String CHOSEN = "my chosen password";

    @Autowired
    private AccountSettingsService settings;

    @AfterEach
    void signUpOffAgain() {
        settings.updateHelpCenterSignUp(false, fixtures.adminActor());
    }

    private void signInWith(String email, String password) {
        open("/login");
        type("Email", email);
        type("Password", password);
        browser().findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Opens the emailed link and chooses the password; ends on the sign-in page. */
    private void chooseThePasswordFromTheMail(MimeMessage mail) {
        open(PasswordMails.linkPath(mail));
        waitForText("Choose a password");
        type("New password", CHOSEN);
        type("Repeat the password", CHOSEN);
        click("Set password");
        waitUntil(d -> d.getCurrentUrl().contains("/login?passwordSet"));
        waitForText("Your password is set");
    }

    @Test
    void anEndUserResetsAForgottenPasswordByTheEmailedLinkAndSignsIn() {
        User jane = fixtures.endUser("Jane Forgetful");
        step("ask for a link on the sign-in page", () -> {
            open("/login");
            click("Forgot password?");
            type("Email", jane.getEmail());
            click("Send link");
            waitForText("If an account has this address");
        });
        MimeMessage mail = PasswordMails.await(jane.getEmail(), 1).get(0);
        step("choose a new password with the emailed link", () -> chooseThePasswordFromTheMail(mail));
        step("sign in with it and land in the Help Center", () -> {
            signInWith(jane.getEmail(), CHOSEN);
            assertThat(path()).startsWith("/hc");
            waitFor(By.id("hc-my-activities"));
        });
        step("the link is used up", () -> {
            browser().manage().deleteAllCookies();
            open(PasswordMails.linkPath(mail));
            waitForText("This link is no longer valid");
        });
    }

    @Test
    void signUpIsOfferedOnlyWhileTheAdminAllowsIt() {
        String email = Fixtures.unique("sam-") + "@example.test";
        step("off: no sign-up link, and the page is not found", () -> {
            open("/login");
            assertThat(all(By.id("sign-up"))).isEmpty();
            open("/hc");
            assertThat(all(By.id("hc-sign-up"))).isEmpty();
            open("/hc/signup");
            waitForText("Page not found");
        });
        step("an admin allows sign-up on the settings page", () -> {
            signIn(fixtures.admin("Settings Admin"));
            open("/admin/settings");
            if (!field("Anyone can sign up").isSelected()) {
                field("Anyone can sign up").click();
            }
            click("Save");
            waitForText("Settings saved.");
            assertThat(field("Anyone can sign up").isSelected()).isTrue();
            browser().manage().deleteAllCookies();
        });
        step("a visitor signs up in the Help Center", () -> {
            open("/hc");
            waitFor(By.id("hc-sign-up")).click();
            type("Your name", "Sam Newcomer");
            type("Email", email);
            browser().findElement(By.cssSelector("form.hc-form button[type=submit]")).click();
            waitForText("we sent you a link to set your password");
        });
        MimeMessage mail = PasswordMails.await(email, 1).get(0);
        assertThat(PasswordMails.subject(mail)).isEqualTo("Set your password");
        step("sets the password from the mail and signs in", () -> {
            chooseThePasswordFromTheMail(mail);
            signInWith(email, CHOSEN);
            waitFor(By.id("hc-my-activities"));
        });
    }

    @Test
    void anAgentPublishesAMarkdownArticleThatAnEndUserFindsInSearch() {
        String category = Fixtures.unique("Routers ");
        String word = Fixtures.unique("firmware").replaceAll("[^a-z0-9]", "");
        String title = "Update the " + word;
        step("the agent opens the knowledge base from the top bar", () -> {
            signIn(fixtures.agent("KB Writer"));
            click("Knowledge base");
            waitUntil(d -> path().equals("/agent/kb"));
        });
        step("creates a category and a section", () -> {
            click("New category");
            type("Name", category);
            click("Save");
            waitForText(category);
            browser().findElement(By.xpath("//section[.//span[normalize-space(.)='" + category + "']]//a[normalize-space(.)='New section']")).click();
            type("Name", "Setup");
            click("Save");
            waitForText("Setup");
        });
        step("writes a Markdown article and publishes it", () -> {
            browser().findElement(By.xpath("//section[.//span[normalize-space(.)='" + category + "']]//a[normalize-space(.)='New article']")).click();
            type("Title", title);
            choose("Format", "Markdown");
            type("Body", "## Before you start\n\nHold **reset** for ten seconds, then load the " + word + ".");
            choose("State", "Published");
            click("Save");
            waitForText("Saved.");
            click("Knowledge base");
            waitForText(title);
            assertThat(mainText()).contains("Published");
        });
        step("an end user finds it in Help Center search and reads it rendered", () -> {
            browser().manage().deleteAllCookies();
            signIn(fixtures.endUser("Reader Person"));
            var box = waitFor(By.id("hc-search-query"));
            box.sendKeys(word);
            box.submit();
            waitFor(By.linkText(title)).click();
            waitFor(By.cssSelector(".hc-article-body h2"));
            assertThat(browser().findElement(By.cssSelector(".hc-article-body strong")).getText()).isEqualTo("reset");
            assertThat(mainText()).doesNotContain("**").doesNotContain("##");
        });
    }

    @Test
    void theHelpCenterSpeaksGerman() {
        User lena = fixtures.users().create(new UserDraft("Lena Deutsch", Fixtures.unique("lena-") + "@example.test", null,
                null, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        String subject = "Drucker " + Fixtures.unique("x");
        step("signed in, a German end user sees the Help Center in German", () -> {
            signIn(lena);
            waitForText("Meine Aktivitäten");
            waitForText("Anfrage einreichen");
            assertThat(waitFor(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
        });
        step("submits a request and finds it under Meine Aktivitäten", () -> {
            click("Anfrage einreichen");
            type("Betreff", subject);
            type("Beschreibung", "Der Drucker druckt nicht.");
            browser().findElement(By.cssSelector("main form button[type=submit]")).click();
            waitUntil(d -> path().matches("/hc/requests/\\d+"));
            click("Meine Aktivitäten");
            waitForText("Meine Anfragen");
            waitForText(subject);
            assertThat(mainText()).contains("Offen");
        });
    }
}
