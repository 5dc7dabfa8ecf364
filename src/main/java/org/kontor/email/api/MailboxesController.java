package org.kontor.email.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.common.InvalidInput;
import org.kontor.email.ImapPoller;
import org.kontor.email.Mailbox;
import org.kontor.email.Mailboxes;
import org.kontor.security.KontorUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Support addresses and their IMAP mailboxes (admins). The password is write-only. */
@RestController
@RequestMapping("/api/v2/kontor/mailboxes")
class MailboxesController {
    private final Mailboxes mailboxes;
    private final ImapPoller poller;

    MailboxesController(Mailboxes mailboxes, ImapPoller poller) {
        this.mailboxes = mailboxes;
        this.poller = poller;
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me) {
        return Envelope.list("mailboxes", mailboxes.list(me.actor()).stream().map(MailboxesController::json).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("mailbox", json(mailboxes.get(id, me.actor())));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        return ResponseEntity.status(201).body(Envelope.of("mailbox", json(mailboxes.create(settings(body), me.actor()))));
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        return Envelope.of("mailbox", json(mailboxes.update(id, settings(body), me.actor())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        mailboxes.delete(id, me.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/poll")
    Map<String, Object> poll(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        ImapPoller.PollResult r = poller.pollNow(id, me.actor());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fetched", r.fetched());
        json.put("imported", r.imported());
        json.put("duplicates", r.duplicates());
        json.put("skipped", r.skipped());
        json.put("quarantined", r.quarantined());
        json.put("error", r.error());
        return Envelope.of("poll", json);
    }

    private static Mailbox.Settings settings(JsonNode body) {
        JsonNode m = Json.root(body, "mailbox");
        Long port = Json.id(m, "port");
        String interval = Json.string(m, "poll_interval");
        Duration pollInterval = null;
        if (interval != null) {
            try {
                pollInterval = Duration.parse(interval);
            } catch (DateTimeParseException e) {
                throw new InvalidInput("poll_interval", "Poll interval: an ISO-8601 duration such as PT1M");
            }
        }
        return new Mailbox.Settings(Json.string(m, "address"), Json.id(m, "group_id"), Json.string(m, "host"),
                port == null ? null : port.intValue(), enumValue(Mailbox.Security.class, Json.string(m, "security"), "security"),
                Json.string(m, "username"), Json.string(m, "password"), Json.string(m, "folder"),
                enumValue(Mailbox.AfterImport.class, Json.string(m, "after_import"), "after_import"), Json.string(m, "move_to_folder"),
                pollInterval, Json.bool(m, "enabled"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + ": one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    static Map<String, Object> json(Mailbox m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.getId());
        json.put("address", m.getAddress());
        json.put("group_id", m.getGroupId());
        json.put("host", m.getImapHost());
        json.put("port", m.getImapPort());
        json.put("security", m.getImapSecurity().name().toLowerCase(Locale.ROOT));
        json.put("username", m.getImapUser());
        json.put("folder", m.getImapFolder());
        json.put("after_import", m.getAfterImport().name().toLowerCase(Locale.ROOT));
        json.put("move_to_folder", m.getMoveToFolder());
        json.put("poll_interval", Duration.ofSeconds(m.getPollIntervalSeconds()).toString());
        json.put("enabled", m.isEnabled());
        json.put("last_poll_at", Envelope.time(m.getLastPollAt()));
        json.put("last_success_at", Envelope.time(m.getLastSuccessAt()));
        json.put("last_error", m.getLastError());
        json.put("last_imported", m.getLastImported());
        json.put("created_at", Envelope.time(m.getCreatedAt()));
        json.put("updated_at", Envelope.time(m.getUpdatedAt()));
        return json;
    }
}
