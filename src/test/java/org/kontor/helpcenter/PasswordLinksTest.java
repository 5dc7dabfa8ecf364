package org.kontor.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.common.Forbidden;
import org.kontor.common.NotFound;
import org.kontor.settings.AccountSettingsService;
import org.kontor.support.IntegrationTest;
import org.kontor.support.PasswordMails;
import org.kontor.support.TestMail;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5 "Security": set/reset-password links by email — single use, expiring, void once a newer one exists, only a
 * hash stored, no account enumeration — the per-address limit on password-reset requests (429, nothing sent), and
 * Help Center sign-up when the admin allows it. Through the real pages (CSRF and all) and the real SMTP path.
 */
class PasswordLinksTest extends IntegrationTest {
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String NEW_PASSWORD = "a brand new password";

    @Autowired
    private PasswordTokenRepository tokens;
    @Autowired
    private PasswordLinks links;
    @Autowired
    private AccountSettingsService settings;

    /** A client address of its own per call (the per-address limit must not couple the tests); loopback is a trusted proxy. */
    private static String address() {
        return "198.51.100." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    /** An anonymous browser: a session with its CSRF token, coming from one client address. */
    private final class Visitor {
        private final String address;
        private String session;

        Visitor(String address) {
            this.address = address;
        }

        Response get(String path) {
            Response r = spec().get(path);
            if (r.cookie("JSESSIONID") != null) {
                session = r.cookie("JSESSIONID");
            }
            return r;
        }

        Response post(String pagePath, String path, String... params) {
            String csrf = csrf(get(pagePath).asString());
            var s = spec().formParam("_csrf", csrf);
            for (int i = 0; i < params.length; i += 2) {
                s = s.formParam(params[i], params[i + 1]);
            }
            return s.post(path);
        }

        private io.restassured.specification.RequestSpecification spec() {
            var s = anonymous().header("X-Forwarded-For", address).redirects().follow(false);
            return session == null ? s : s.cookie("JSESSIONID", session);
        }
    }

    private static String csrf(String html) {
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        return html.substring(value, html.indexOf('"', value));
    }

    private Response askForLink(String email) {
        return new Visitor(address()).post("/password/reset", "/password/reset", "email", email);
    }

    private boolean canSignIn(User user, String password) {
        return anonymous().auth().preemptive().basic(user.getEmail(), password).get("/api/v2/users/me.json").statusCode() == 200;
    }

    private User endUser(String name) {
        return fixtures.endUser(name);
    }

    @Test
    @DisplayName("Forgot password: the emailed link sets a new password once; the user signs in with it")
    void resetLinkSetsThePasswordOnce() {
        User jane = endUser("Jane Reset");
        fixtures.users().setPassword(jane.getId(), "the old password", fixtures.adminActor());

        Response asked = askForLink(jane.getEmail());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.asString()).contains("If an account has this address");
        MimeMessage mail = PasswordMails.await(jane.getEmail(), 1).get(0);
        assertThat(PasswordMails.subject(mail)).isEqualTo("Reset your password");
        String link = PasswordMails.linkPath(mail);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(tokens.findById(token)).as("the token itself is never stored").isEmpty();
        assertThat(tokens.findById(PasswordLinks.hash(token))).isPresent();

        Visitor visitor = new Visitor(address());
        Response page = visitor.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.asString()).contains("Choose a password");

        Response mismatch = visitor.post(link, link, "password", NEW_PASSWORD, "password_confirmation", "something else");
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.asString()).contains("do not match");
        Response tooShort = visitor.post(link, link, "password", "short", "password_confirmation", "short");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(canSignIn(jane, "the old password")).as("a refused form changes nothing").isTrue();

        Response set = visitor.post(link, link, "password", NEW_PASSWORD, "password_confirmation", NEW_PASSWORD);
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.header("Location")).endsWith("/login?passwordSet");
        assertThat(canSignIn(jane, NEW_PASSWORD)).isTrue();
        assertThat(canSignIn(jane, "the old password")).isFalse();
        assertThat(fixtures.users().get(jane.getId()).isVerified()).as("following the link proves the address").isTrue();

        Response again = new Visitor(address()).get(link);
        assertThat(again.statusCode()).as("single use").isEqualTo(404);
        assertThat(again.asString()).contains("This link is no longer valid");
        Response reuse = visitor.post("/password/reset", link, "password", "a third password!", "password_confirmation",
                "a third password!");
        assertThat(reuse.statusCode()).isEqualTo(404);
        assertThat(canSignIn(jane, NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("An expired link sets nothing")
    void expiredLinkSetsNothing() {
        User bob = endUser("Bob Expired");
        fixtures.users().setPassword(bob.getId(), "bobs password", fixtures.adminActor());
        String token = "expired-token-" + "x".repeat(30);
        Instant now = Instant.now();
        tokens.save(new PasswordToken(PasswordLinks.hash(token), bob.getId(), now.minusSeconds(1), now.minus(Duration.ofHours(2))));

        Visitor visitor = new Visitor(address());
        assertThat(visitor.get("/password/reset/" + token).statusCode()).isEqualTo(404);
        Response post = visitor.post("/password/reset", "/password/reset/" + token, "password", NEW_PASSWORD,
                "password_confirmation", NEW_PASSWORD);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(canSignIn(bob, "bobs password")).isTrue();
        assertThat(canSignIn(bob, NEW_PASSWORD)).isFalse();
        assertThat(links.usable(token)).isFalse();
    }

    @Test
    @DisplayName("A newer link makes the older one void")
    void newerLinkVoidsTheOlder() {
        User ann = endUser("Ann Twice");
        askForLink(ann.getEmail());
        String first = PasswordMails.linkPath(PasswordMails.await(ann.getEmail(), 1).get(0));
        askForLink(ann.getEmail());
        String second = PasswordMails.linkPath(PasswordMails.await(ann.getEmail(), 2).get(1));
        assertThat(second).isNotEqualTo(first);

        assertThat(new Visitor(address()).get(first).statusCode()).isEqualTo(404);
        Visitor visitor = new Visitor(address());
        assertThat(visitor.get(second).statusCode()).isEqualTo(200);
        assertThat(visitor.post(second, second, "password", NEW_PASSWORD, "password_confirmation", NEW_PASSWORD)
                .header("Location")).endsWith("/login?passwordSet");
    }

    @Test
    @DisplayName("No enumeration: an unknown or suspended address gets the same answer, and no mail")
    void noAccountEnumeration() {
        User known = endUser("Known Person");
        User suspended = endUser("Suspended Person");
        fixtures.users().update(suspended.getId(), new UserDraft(null, null, null, null, null, null, null, null, null, null,
                null, true), fixtures.adminActor());
        String unknown = "nobody-" + System.nanoTime() + "@example.test";

        String forKnown = answer(askForLink(known.getEmail()));
        String forUnknown = answer(askForLink(unknown));
        String forSuspended = answer(askForLink(suspended.getEmail()));
        assertThat(forUnknown).isEqualTo(forKnown);
        assertThat(forSuspended).isEqualTo(forKnown);

        PasswordMails.await(known.getEmail(), 1);
        PasswordMails.sleep(1500);
        assertThat(TestMail.to(unknown)).isEmpty();
        assertThat(TestMail.to(suspended.getEmail())).isEmpty();
    }

    /** The page without its per-session CSRF token. */
    private static String answer(Response r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return r.asString().replaceAll("value=\"[^\"]*\"", "");
    }

    @Test
    @DisplayName("Per-address limit on password-reset requests: 429 after 5 from one address, and no mail then")
    void resetRequestsAreLimitedPerAddress() {
        User target = endUser("Limited Person");
        Visitor visitor = new Visitor("203.0.113.77");
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.post("/password/reset", "/password/reset", "email", "someone-" + i + "@example.test")
                    .statusCode()).isEqualTo(200);
        }
        Response refused = visitor.post("/password/reset", "/password/reset", "email", target.getEmail());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.asString()).contains("Too many requests from your address");

        // Another address is not limited by this one.
        assertThat(new Visitor("203.0.113.78").post("/password/reset", "/password/reset", "email", "other@example.test")
                .statusCode()).isEqualTo(200);
        PasswordMails.sleep(1500);
        assertThat(TestMail.to(target.getEmail())).as("nothing is sent beyond the limit").isEmpty();
    }

    @Test
    @DisplayName("Sign-up: 404 while off; on, it creates an end user with a set-password link, and never reveals an existing account")
    void signUp() {
        Actor admin = fixtures.adminActor();
        assertThat(settings.helpCenterSignUp()).as("off by default").isFalse();
        Visitor visitor = new Visitor(address());
        assertThat(visitor.get("/hc/signup").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/login").asString()).doesNotContain("/hc/signup");
        try {
            settings.updateHelpCenterSignUp(true, admin);
            assertThat(visitor.get("/login").asString()).contains("/hc/signup");
            String email = "signup-" + System.nanoTime() + "@example.test";
            Response created = visitor.post("/hc/signup", "/hc/signup", "name", "Sam Signup", "email", email);
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.asString()).contains("Check your mailbox");
            User sam = fixtures.users().findByEmail(email).orElseThrow();
            assertThat(sam.getName()).isEqualTo("Sam Signup");
            assertThat(sam.isAgent()).isFalse();
            MimeMessage welcome = PasswordMails.await(email, 1).get(0);
            assertThat(PasswordMails.subject(welcome)).isEqualTo("Set your password");
            String link = PasswordMails.linkPath(welcome);
            Visitor samsBrowser = new Visitor(address());
            samsBrowser.get(link);
            samsBrowser.post(link, link, "password", NEW_PASSWORD, "password_confirmation", NEW_PASSWORD);
            assertThat(canSignIn(sam, NEW_PASSWORD)).isTrue();

            User existing = endUser("Existing Person");
            Response again = new Visitor(address()).post("/hc/signup", "/hc/signup", "name", "Somebody Else", "email",
                    existing.getEmail());
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.asString()).contains("Check your mailbox");
            MimeMessage reset = PasswordMails.await(existing.getEmail(), 1).get(0);
            assertThat(PasswordMails.subject(reset)).isEqualTo("Reset your password");
            assertThat(fixtures.users().get(existing.getId()).getName()).isEqualTo("Existing Person");

            Response invalid = new Visitor(address()).post("/hc/signup", "/hc/signup", "name", "", "email", "not-an-address");
            assertThat(invalid.statusCode()).isEqualTo(422);
        } finally {
            settings.updateHelpCenterSignUp(false, admin);
        }
        assertThat(new Visitor(address()).post("/password/reset", "/hc/signup", "name", "Late", "email", "late@example.test")
                .statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("Agents send end users a set-password email; only admins send one to an agent; end users cannot")
    void agentSendsSetPasswordEmail() {
        User agent = fixtures.agent("Mail Agent");
        User customer = endUser("Mailed Customer");
        User otherAgent = fixtures.agent("Other Agent");

        links.sendSetPasswordEmail(customer.getId(), Actor.of(agent));
        MimeMessage mail = PasswordMails.await(customer.getEmail(), 1).get(0);
        assertThat(PasswordMails.subject(mail)).isEqualTo("Set your password");
        assertThat(PasswordMails.text(mail)).contains("Mailed Customer");

        assertThatThrownBy(() -> links.sendSetPasswordEmail(otherAgent.getId(), Actor.of(agent))).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> links.sendSetPasswordEmail(agent.getId(), Actor.of(customer))).isInstanceOf(NotFound.class);
        links.sendSetPasswordEmail(otherAgent.getId(), fixtures.adminActor());
        assertThat(PasswordMails.await(otherAgent.getEmail(), 1)).hasSize(1);
    }

    @Test
    @DisplayName("The mail speaks the recipient's language")
    void mailInTheRecipientsLanguage() {
        User lena = fixtures.users().create(new UserDraft("Lena Deutsch", "lena-" + System.nanoTime() + "@example.test", null,
                null, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        askForLink(lena.getEmail());
        List<MimeMessage> mails = PasswordMails.await(lena.getEmail(), 1);
        assertThat(PasswordMails.subject(mails.get(0))).isEqualTo("Passwort zurücksetzen");
        assertThat(PasswordMails.text(mails.get(0))).contains("Hallo Lena Deutsch").contains("/password/reset/");
    }
}
