package org.kontor.helpcenter.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** The knowledge base through Zendesk's Help Center API: agents write, everyone reads what is published. */
class HelpCenterApiTest extends IntegrationTest {
    private User agent;
    private User customer;
    private long sectionId;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Kim Author");
        customer = fixtures.endUser("Kai Reader");
        long categoryId = fixtures.as(agent).body(Map.of("category", Map.of("name", "Getting started", "position", 1)))
                .post("/api/v2/help_center/categories.json").then().statusCode(201)
                .body("category.name", equalTo("Getting started")).extract().jsonPath().getLong("category.id");
        sectionId = fixtures.as(agent).body(Map.of("section", Map.of("name", "Routers")))
                .post("/api/v2/help_center/categories/" + categoryId + "/sections.json").then().statusCode(201)
                .body("section.category_id", equalTo((int) categoryId)).extract().jsonPath().getLong("section.id");
    }

    private long article(String title, String body, boolean draft) {
        return fixtures.as(agent).body(Map.of("article", Map.of("title", title, "body", body, "draft", draft)))
                .post("/api/v2/help_center/sections/" + sectionId + "/articles.json").then().statusCode(201)
                .extract().jsonPath().getLong("article.id");
    }

    private static String word(String prefix) {
        return Fixtures.unique(prefix).replaceAll("[^a-z0-9]", "");
    }

    @Test
    void publishedArticlesAreReadableByEveryoneDraftsOnlyByAgents() {
        long published = article("Reset your router", "<p>Hold the button for ten seconds.</p>", false);
        long draft = article("Unreleased router", "<p>Secret plans.</p>", true);

        anonymous().get("/api/v2/help_center/articles/" + published + ".json").then().statusCode(200)
                .body("article.title", equalTo("Reset your router")).body("article.draft", equalTo(false))
                .body("article.html_url", containsString("/hc/articles/" + published));
        anonymous().get("/api/v2/help_center/articles/" + draft + ".json").then().statusCode(404);
        fixtures.as(customer).get("/api/v2/help_center/articles/" + draft + ".json").then().statusCode(404);
        fixtures.as(agent).get("/api/v2/help_center/articles/" + draft + ".json").then().statusCode(200);

        anonymous().get("/api/v2/help_center/sections/" + sectionId + "/articles.json").then().statusCode(200)
                .body("articles.id", hasItem((int) published)).body("articles.id", not(hasItem((int) draft)));
        fixtures.as(agent).get("/api/v2/help_center/sections/" + sectionId + "/articles.json").then().statusCode(200)
                .body("articles.id", hasItem((int) draft));
    }

    @Test
    void endUsersAndAnonymousVisitorsCannotWrite() {
        fixtures.as(customer).body(Map.of("article", Map.of("title", "Mine", "body", "x")))
                .post("/api/v2/help_center/sections/" + sectionId + "/articles.json").then().statusCode(403);
        anonymous().contentType("application/json").body(Map.of("category", Map.of("name", "x")))
                .post("/api/v2/help_center/categories.json").then().statusCode(401);
    }

    @Test
    void bodiesAreSanitisedAndBadInputIs4xx() {
        long id = article("Safe", "<p onclick=\"steal()\">Hi<script>alert(1)</script></p>", false);
        fixtures.as(agent).get("/api/v2/help_center/articles/" + id + ".json").then().statusCode(200)
                .body("article.body", equalTo("<p>Hi</p>"));
        fixtures.as(agent).body(Map.of("article", Map.of("title", "", "body", "x")))
                .post("/api/v2/help_center/sections/" + sectionId + "/articles.json").then().statusCode(422);
        fixtures.as(agent).body(Map.of("article", Map.of("title", "t", "body", "x")))
                .post("/api/v2/help_center/sections/999999999/articles.json").then().statusCode(404);
        fixtures.as(agent).delete("/api/v2/help_center/sections/" + sectionId + ".json").then().statusCode(409);
    }

    @Test
    void searchFindsPublishedArticlesWithHighlightedEscapedSnippets() {
        String w = word("modem");
        long published = article("Blinking " + w, "<p>If the " + w + " light blinks &lt;b&gt; twice, restart it.</p>", false);
        long draft = article("Draft " + w, "<p>" + w + " internals</p>", true);

        anonymous().queryParam("query", w).get("/api/v2/help_center/articles/search.json").then().statusCode(200)
                .body("count", equalTo(1)).body("results[0].id", equalTo((int) published))
                .body("results[0].result_type", equalTo("article"))
                .body("results[0].snippet", containsString("<em>" + w + "</em>"))
                .body("results[0].snippet", containsString("&lt;b&gt;"));
        fixtures.as(agent).queryParam("query", w).get("/api/v2/help_center/articles/search.json").then().statusCode(200)
                .body("count", equalTo(2)).body("results.id", hasItem((int) draft));

        fixtures.as(agent).body(Map.of("article", Map.of("draft", true))).put("/api/v2/help_center/articles/" + published + ".json")
                .then().statusCode(200).body("article.draft", equalTo(true));
        anonymous().queryParam("query", w).get("/api/v2/help_center/articles/search.json").then().statusCode(200)
                .body("count", equalTo(0));
        anonymous().get("/api/v2/help_center/articles/search.json").then().statusCode(400);
    }
}
