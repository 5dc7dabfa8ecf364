package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.kontor.ticket.Priority;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import org.kontor.user.Role;

/**
 * The workspace builds some message keys from values ({@code ws.status.open}, {@code ws.rule.R16}); the bundle
 * test cannot see those in the templates, so this one checks every value has its text in English and German.
 */
class WorkspaceMessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/i18n", name)), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyKeyBuiltFromAValueExistsInEnglishAndGerman() throws IOException {
        List<String> keys = new ArrayList<>();
        for (TicketStatus s : TicketStatus.values()) {
            keys.add("ws.status." + s.wire());
        }
        for (Priority p : Priority.values()) {
            keys.add("ws.priority." + p.wire());
        }
        for (TicketType t : TicketType.values()) {
            keys.add("ws.type." + t.wire());
        }
        for (Role r : Role.values()) {
            keys.add("ws.role." + r.wire());
        }
        for (String column : List.of("id", "subject", "status", "priority", "updated_at")) {
            keys.add("ws.column." + column);
        }
        for (String rule : List.of("R5", "R10", "R16", "K1")) {
            keys.add("ws.rule." + rule);
        }
        for (String reason : List.of("public", "madePublic", "createdPrivate", "madePrivate")) {
            keys.add("ws.privacy.reason." + reason);
        }
        for (String view : List.of("yourUnsolved", "unassigned", "allUnsolved", "private", "recent")) {
            keys.add("ws.view." + view);
        }
        assertThat(load("workspace.properties").stringPropertyNames()).containsAll(keys);
        assertThat(load("workspace_de.properties").stringPropertyNames()).containsAll(keys);
    }
}
