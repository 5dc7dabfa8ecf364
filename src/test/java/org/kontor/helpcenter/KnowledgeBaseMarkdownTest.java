package org.kontor.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5: article bodies in sanitised HTML or Markdown. Markdown is rendered (CommonMark), then sanitised with the
 * same safelist as HTML bodies; readers and the search index get the rendered text, editors the Markdown as written.
 */
class KnowledgeBaseMarkdownTest extends IntegrationTest {
    @Autowired
    private KnowledgeBase kb;

    private static String word(String prefix) {
        return Fixtures.unique(prefix).replaceAll("[^a-z0-9]", "");
    }

    @Test
    @DisplayName("A Markdown article is rendered, sanitised, searchable by its text, and edited as Markdown")
    void markdownArticle() {
        User agent = fixtures.agent("Markdown Agent");
        Actor author = Actor.of(agent);
        Section section = kb.createSection(new KnowledgeBase.SectionInput(
                kb.createCategory(new KnowledgeBase.CategoryInput("Routers", null, null, 0), author).getId(),
                "Setup", null, null, 0), author);
        String w = word("firmware");
        String markdown = "## Update the " + w + "\n\nHold **reset** for ten seconds.\n\n"
                + "<script>alert('x')</script>\n\n[click](javascript:alert(1)) and [docs](https://example.com/docs)";

        Article a = kb.createArticle(new KnowledgeBase.ArticleInput(section.getId(), "Firmware", markdown, "markdown", null,
                false, 0), author);
        assertThat(a.getBodyFormat()).isEqualTo("markdown");
        assertThat(a.getBodyHtml()).contains("<h2>Update the " + w + "</h2>").contains("<strong>reset</strong>")
                .contains("href=\"https://example.com/docs\"")
                .doesNotContain("<script").doesNotContain("javascript:").doesNotContain("**");
        assertThat(a.getBodyText()).contains("Hold reset for ten seconds").doesNotContain("**").doesNotContain("##");
        assertThat(a.body().editable()).isEqualTo(markdown);

        // Readers (API and search) get the rendered text; the search index sees words, not Markdown syntax.
        JsonPath read = anonymous().get("/api/v2/help_center/articles/" + a.getId() + ".json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(read.getString("article.body")).contains("<strong>reset</strong>");
        JsonPath found = anonymous().queryParam("query", w).get("/api/v2/help_center/articles/search.json").then()
                .statusCode(200).extract().jsonPath();
        assertThat(found.getList("results.id", Long.class)).containsExactly(a.getId());
        assertThat(found.getString("results[0].snippet")).doesNotContain("##");

        // The API's body is HTML (as Zendesk's): writing it there turns the article into an HTML article.
        fixtures.as(agent).body(Map.of("article", Map.of("body", "<p>Plain <b>HTML</b> " + w + "</p>")))
                .put("/api/v2/help_center/articles/" + a.getId() + ".json").then().statusCode(200);
        Article html = kb.article(a.getId(), author);
        assertThat(html.getBodyFormat()).isEqualTo("html");
        assertThat(html.body().editable()).isEqualTo("<p>Plain <b>HTML</b> " + w + "</p>");

        // Switching the format alone re-reads what the editor wrote.
        Article back = kb.updateArticle(a.getId(), new KnowledgeBase.ArticleInput(null, null, null, "markdown", null, null,
                null), author);
        assertThat(back.getBodyFormat()).isEqualTo("markdown");
    }

    @Test
    @DisplayName("Unknown body formats are refused; end users cannot write")
    void refusals() {
        User agent = fixtures.agent("Refusing Agent");
        Actor author = Actor.of(agent);
        Section section = kb.createSection(new KnowledgeBase.SectionInput(
                kb.createCategory(new KnowledgeBase.CategoryInput("Misc", null, null, 0), author).getId(),
                "Other", null, null, 0), author);
        assertThatThrownBy(() -> kb.createArticle(new KnowledgeBase.ArticleInput(section.getId(), "T", "body", "rtf", null,
                false, 0), author)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> kb.createArticle(new KnowledgeBase.ArticleInput(section.getId(), "T", "body", "markdown",
                null, false, 0), Actor.of(fixtures.endUser("Not An Author")))).isInstanceOf(Forbidden.class);
    }
}
