package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Redact on a comment of the agent ticket page: the text becomes blocks, a text not in the comment is refused. */
class CommentRedactionBrowserTest extends WorkspaceBrowserTest {

    @Test
    void anAgentRedactsTextFromACommentOnTheTicketPage() {
        User agent = fixtures.agent("Page Redactor");
        User customer = endUser("Pia Private", Fixtures.unique("pia-") + "@example.test", null, null);
        String secret = Fixtures.unique("Geheim");
        long ticketId = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Account", "requester_id", customer.getId(),
                        "comment", Map.of("body", "My password is " + secret)))).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        long commentId = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath().getLong("comments[0].id");
        signIn(agent);

        step("Redact with a text the comment does not have: refused, with the reason", () -> {
            open("/agent/tickets/" + ticketId);
            redact(commentId, "not in there");
            waitForText("Text: not found in the comment");
        });
        step("Redact the password: the comment shows blocks instead", () -> {
            redact(commentId, secret);
            waitForText("The text was redacted.");
            String body = waitFor(By.cssSelector("#comment-" + commentId + " .comment-body")).getText();
            assertThat(body).isEqualTo("My password is " + "\u2587".repeat(secret.length()));
            assertThat(mainText()).doesNotContain(secret).contains("Text redacted from comment " + commentId);
        });
    }

    @Test
    void anAgentRedactsAFileOfACommentOnTheTicketPage() {
        User agent = fixtures.agent("File Redactor");
        User customer = endUser("Fred File", Fixtures.unique("fred-") + "@example.test", null, null);
        String token = fixtures.as(agent).contentType("application/pdf").body("%PDF-1.4 passport".getBytes())
                .post("/api/v2/uploads.json?filename=passport.pdf").then().statusCode(201).extract().jsonPath().getString("upload.token");
        long ticketId = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Identity", "requester_id", customer.getId(),
                        "comment", Map.of("body", "Passport attached", "uploads", java.util.List.of(token)))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        long commentId = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath().getLong("comments[0].id");
        signIn(agent);

        step("Redact passport.pdf empties the file; the comment lists redacted.txt and offers nothing more to redact", () -> {
            open("/agent/tickets/" + ticketId);
            WebElement comment = waitFor(By.id("comment-" + commentId));
            assertThat(comment.findElement(By.cssSelector(".attachments")).getText()).contains("passport.pdf");
            comment.findElement(By.cssSelector("details.redact summary")).click();
            comment.findElement(By.xpath(".//button[normalize-space(.)='Redact passport.pdf']")).click();
            waitForText("passport.pdf was redacted.");
            WebElement after = waitFor(By.id("comment-" + commentId));
            assertThat(after.findElement(By.cssSelector(".attachments")).getText()).contains("redacted.txt").doesNotContain("passport.pdf");
            assertThat(after.findElements(By.xpath(".//button[starts-with(normalize-space(.), 'Redact ') and normalize-space(.) != 'Redact for good']")))
                    .isEmpty();
            assertThat(mainText()).contains("File redacted from comment " + commentId);
        });
    }

    private void redact(long commentId, String text) {
        WebElement comment = waitFor(By.id("comment-" + commentId));
        comment.findElement(By.cssSelector("details.redact summary")).click();
        WebElement input = comment.findElement(By.id("redact-text-" + commentId));
        input.clear();
        input.sendKeys(text);
        comment.findElement(By.xpath(".//button[normalize-space(.)='Redact for good']")).click();
    }
}
