package org.kontor.helpcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The end user's side of the article in a real browser (Debian's Chromium): the proactive public ticket is in
 * My activities and search (R1, R6), a private one is nowhere (R11) until an agent's public reply (R15), the
 * requester replies and solves (R7), another end user gets 404 (V2), and a word only in an internal note finds
 * nothing (V1). Runs on H2 only (tag {@code browser}).
 */
@Tag("browser")
class HelpCenterBrowserTest extends IntegrationTest {
    private static final String PASSWORD = "correct horse battery";
    private static WebDriver browser;

    private User agent;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private User endUserWithPassword(String name) {
        User u = fixtures.endUser(name);
        fixtures.users().setPassword(u.getId(), PASSWORD, fixtures.adminActor());
        return u;
    }

    private void signIn(User user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user.getEmail());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/hc"));
    }

    private long agentCreates(User requester, boolean isPublic, String subject, String body) {
        fixtures.privateTicketCreation(true);
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", subject, "requester_id", requester.getId(),
                        "comment", Map.of("body", body, "public", isPublic))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    private void agentComments(long id, String body, boolean isPublic) {
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", body, "public", isPublic))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
    }

    private boolean present(String cssSelector) {
        return !browser.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    private void searchFor(String query) {
        var box = browser.findElement(By.id("hc-search-query"));
        box.clear();
        box.sendKeys(query);
        box.submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/hc/search"));
    }

    private static String word(String prefix) {
        return Fixtures.unique(prefix).replaceAll("[^a-z0-9]", "");
    }

    @Test
    void theEndUsersSideOfTheArticle() {
        agent = fixtures.agent("Pia Agent");
        User jane = endUserWithPassword("Jane Roe");
        String publicWord = word("router");
        String noteWord = word("margin");
        String privateWord = word("callback");
        long proactive = agentCreates(jane, true, "Your replacement " + publicWord, "We ship a new " + publicWord + " today.");
        agentComments(proactive, "Internal: " + noteWord + " is low on this order", false);
        long hidden = agentCreates(jane, false, "Call notes " + privateWord, "Customer called; investigating " + privateWord);

        // R1/R6: signed in, Jane lands in the Help Center and sees the proactive public ticket in My activities.
        signIn(jane);
        browser.findElement(By.id("hc-my-activities")).click();
        assertThat(present("#request-" + proactive)).as("R6: the public ticket is in My activities").isTrue();
        assertThat(present("#request-" + hidden)).as("R11: the private ticket is not").isFalse();

        // ... and in her Help Center search; the private ticket and the internal note find nothing (R11, V1).
        searchFor(publicWord);
        assertThat(present("#result-request-" + proactive)).isTrue();
        assertThat(browser.findElement(By.cssSelector("#result-request-" + proactive + " .hc-snippet em")).getText())
                .isEqualToIgnoringCase(publicWord);
        searchFor(noteWord);
        assertThat(present("#result-request-" + proactive)).as("V1: a word only in an internal note finds nothing").isFalse();
        assertThat(browser.getPageSource()).doesNotContain(noteWord.substring(0, noteWord.length() - 1) + "</em>");
        searchFor(privateWord);
        assertThat(present("#result-request-" + hidden)).as("R11: not found by search").isFalse();

        // R11: a private ticket's URL answers its own requester 404.
        browser.get(url("/hc/requests/" + hidden));
        assertThat(present("#hc-not-found")).isTrue();

        // R15: after an agent's public reply Jane sees it, at once, without the internal first comment (V1).
        agentComments(hidden, "We called you back about it.", true);
        browser.get(url("/hc/requests"));
        assertThat(present("#request-" + hidden)).as("R15: made public, it appears in My activities").isTrue();
        browser.get(url("/hc/requests/" + hidden));
        assertThat(browser.findElement(By.id("hc-conversation")).getText()).contains("We called you back about it.")
                .doesNotContain("Customer called; investigating");

        // R7: Jane opens the proactive ticket, sees no internal note, replies, and marks it solved.
        browser.get(url("/hc/requests/" + proactive));
        assertThat(browser.findElement(By.id("hc-conversation")).getText()).contains("We ship a new " + publicWord)
                .doesNotContain(noteWord);
        browser.findElement(By.id("body")).sendKeys("Thanks, it arrived.");
        browser.findElement(By.id("hc-send")).click();
        assertThat(textOnceItHolds("hc-conversation", t -> t.contains("Thanks, it arrived."))).contains("Thanks, it arrived.");
        browser.findElement(By.id("hc-solve")).click();
        assertThat(textOnceItHolds("hc-request-status", "Solved"::equals)).isEqualTo("Solved");
        fixtures.as(agent).get("/api/v2/tickets/" + proactive + ".json").then().statusCode(200)
                .body("ticket.status", org.hamcrest.Matchers.equalTo("solved"));

        // A second end user gets 404 on Jane's request, and does not find it by search.
        User max = endUserWithPassword("Max Other");
        signIn(max);
        browser.get(url("/hc/requests/" + proactive));
        assertThat(present("#hc-not-found")).isTrue();
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        anonymous().cookie("JSESSIONID", session).get("/hc/requests/" + proactive).then().statusCode(404);
        searchFor(publicWord);
        assertThat(present("#result-request-" + proactive)).isFalse();
    }

    @Test
    void anEndUserSubmitsARequestAndFindsArticles() {
        agent = fixtures.agent("Ole Agent");
        User ken = endUserWithPassword("Ken Submitter");
        String w = word("printer");
        long category = fixtures.as(agent).body(Map.of("category", Map.of("name", "Printing")))
                .post("/api/v2/help_center/categories.json").then().statusCode(201).extract().jsonPath().getLong("category.id");
        long section = fixtures.as(agent).body(Map.of("section", Map.of("name", "Toner")))
                .post("/api/v2/help_center/categories/" + category + "/sections.json").then().statusCode(201)
                .extract().jsonPath().getLong("section.id");
        long article = fixtures.as(agent).body(Map.of("article", Map.of("title", "Change the toner", "body",
                        "<p>Open the " + w + " lid and pull the cartridge.</p>", "draft", false)))
                .post("/api/v2/help_center/sections/" + section + "/articles.json").then().statusCode(201)
                .extract().jsonPath().getLong("article.id");

        signIn(ken);
        browser.findElement(By.id("hc-submit")).click();
        browser.findElement(By.id("subject")).sendKeys("My " + w + " is jammed");
        browser.findElement(By.id("body")).sendKeys("Paper is stuck in the " + w + ".");
        browser.findElement(By.id("hc-new-submit")).click();
        assertThat(textOnceItHolds("hc-request-subject", t -> t.equals("My " + w + " is jammed"))).isEqualTo("My " + w + " is jammed");

        searchFor(w);
        assertThat(present("#search-none")).isFalse();
        assertThat(browser.findElements(By.cssSelector("#hc-search-requests li"))).hasSize(1);
        assertThat(present("#result-article-" + article)).isTrue();
        browser.findElement(By.cssSelector("#result-article-" + article + " a")).click();
        assertThat(browser.findElement(By.cssSelector(".hc-article h1")).getText()).isEqualTo("Change the toner");
    }

    /**
     * The element's text once the check holds: a submitted form replaces the page, so an element found right after
     * the click may be the old page's (stale) one; it is looked up again until the new page shows the text.
     */
    private static String textOnceItHolds(String id, java.util.function.Predicate<String> check) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    String text = d.findElement(By.id(id)).getText();
                    return check.test(text) ? text : null;
                });
    }
}
