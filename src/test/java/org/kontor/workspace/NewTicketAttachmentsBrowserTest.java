package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

/**
 * Files on a new ticket in a real browser: the agent chooses a file in the new-ticket page's file input, submits,
 * and finds it listed under the first comment; the requester reads it through the Requests API (V1: a public reply's
 * file). A file over the limit brings the page back filled in, with the field error in the agent's language.
 */
class NewTicketAttachmentsBrowserTest extends WorkspaceBrowserTest {
    @Value("${kontor.attachments.max-size}")
    DataSize maxSize;

    private Path dir;

    @BeforeEach
    void files() throws IOException {
        fixtures.privateTicketCreation(false);
        dir = Files.createTempDirectory("kontor-browser-files-");
    }

    @AfterEach
    void removeFiles() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void anAgentAttachesAFileOnANewTicketAndSeesItListed() throws IOException {
        User agent = fixtures.agent("File Agent");
        User requester = endUser("Fiona Files", Fixtures.unique("fiona-") + "@example.test", null, null);
        Path manual = Files.writeString(dir.resolve("setup-guide.txt"), "Step 1: plug it in.", StandardCharsets.UTF_8);
        signIn(agent);
        step("+ Add → Ticket", () -> openNewTicketFromTopBar("+ Add", "Ticket"));
        step("pick the requester, write the ticket and choose a file", () -> {
            requesterOption("Requester", requester.getEmail(), "Fiona Files").click();
            waitUntil(d -> d.findElement(By.cssSelector("[data-chosen-label]")).getText().contains("Fiona Files"));
            type("Subject", "Your setup guide");
            type("Description", "The guide is attached.");
            field("Attach files").sendKeys(manual.toString());
        });
        long[] id = new long[1];
        step("Submit as New", () -> id[0] = submit("Submit as New"));
        step("the ticket page lists the file under the first comment", () -> {
            var link = waitFor(By.cssSelector(".conversation .comment .attachments a"));
            assertThat(link.getText()).isEqualTo("setup-guide.txt");
            assertThat(mainText()).contains("The guide is attached.");
        });
        step("the requester reads the file of the public reply", () -> {
            var comments = fixtures.as(requester).get("/api/v2/requests/" + id[0] + "/comments.json").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(comments.getList("comments.attachments.file_name.flatten()")).containsExactly("setup-guide.txt");
            String url = comments.getString("comments[0].attachments[0].content_url");
            assertThat(fixtures.as(requester).urlEncodingEnabled(false).get(url).asString()).isEqualTo("Step 1: plug it in.");
        });
    }

    @Test
    void aFileOverTheLimitBringsTheNewTicketPageBackFilledInAndInGerman() throws IOException {
        User agent = germanAgent("Datei Agentin");
        Path big = dir.resolve("mitschnitt.wav");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(maxSize.toBytes() + 1);
        }
        signIn(agent);
        step("open the new ticket page, write it and choose a file over the limit", () -> {
            open("/agent/tickets/new");
            browser().findElement(By.id("subject")).sendKeys("Anruf von heute");
            browser().findElement(By.id("body")).sendKeys("Mitschnitt anbei.");
            field("Dateien anhängen").sendKeys(big.toString());
            click("Einreichen als Neu");
        });
        step("the page comes back with the input and the file input's error in German; no ticket was made", () -> {
            var error = waitFor(By.id("files-error"));
            assertThat(error.getText()).startsWith("mitschnitt.wav ist größer als " + maxSize.toBytes() / (1024 * 1024) + ".0 MB");
            assertThat(path()).isEqualTo("/agent/tickets");
            assertThat(browser().findElement(By.id("subject")).getDomProperty("value")).isEqualTo("Anruf von heute");
            assertThat(browser().findElement(By.id("body")).getDomProperty("value")).isEqualTo("Mitschnitt anbei.");
            assertThat(browser().findElement(By.id("files")).getDomAttribute("aria-invalid")).isEqualTo("true");
        });
        step("with the file left out the ticket is created", () -> {
            submit("Einreichen als Neu");
            assertThat(mainText()).contains("Mitschnitt anbei.");
        });
    }
}
