package org.kontor.voice.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.kontor.user.UserDraft;

/** The voice channel (C1) through real HTTP in Talk Partner Edition's shape: callers, voice comments, R8/R12/R13. */
class VoiceApiTest extends IntegrationTest {
    private User agent;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Vera Voice");
        fixtures.privateTicketCreation(false);
    }

    @AfterEach
    void resetSettings() {
        fixtures.asAdmin().body(Map.of("settings", Map.of("voice", Map.of("call_tickets_private", false))))
                .put("/api/v2/account/settings.json").then().statusCode(200);
        fixtures.privateTicketCreation(false);
    }

    /** A number no other test uses: +49 30 and nine random digits. */
    private static String newNumber() {
        return "+4930" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
    }

    private static Map<String, Object> call(int viaId, String from, Long answeredBy) {
        Map<String, Object> vc = new HashMap<>();
        vc.put("from", from);
        vc.put("to", "+49 30 5550000");
        vc.put("recording_url", "https://pbx.example.test/rec/" + Fixtures.unique("r") + ".mp3");
        vc.put("started_at", "2026-05-01T12:00:00Z");
        vc.put("call_duration", 95);
        vc.put("transcription_text", "Hello, my router blinks red.");
        vc.put("location", "Berlin, DE");
        if (answeredBy != null) {
            vc.put("answered_by_id", answeredBy);
        }
        Map<String, Object> ticket = new HashMap<>();
        ticket.put("via_id", viaId);
        ticket.put("voice_comment", vc);
        return ticket;
    }

    private JsonPath post(Map<String, Object> ticket, int status) {
        return fixtures.as(agent).body(Map.of("ticket", ticket)).post("/api/v2/channels/voice/tickets.json")
                .then().statusCode(status).extract().jsonPath();
    }

    private JsonPath comments(long ticketId) {
        return fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void c1_aCallFromANewNumberCreatesAnEndUserAndATicketWithAVoiceComment() {
        String number = newNumber();
        JsonPath json = post(call(45, number, agent.getId()), 201);
        long ticketId = json.getLong("ticket.id");
        long requesterId = json.getLong("ticket.requester_id");
        assertThat(json.getString("ticket.via.channel")).isEqualTo("voice");
        assertThat(json.getLong("ticket.assignee_id")).isEqualTo(agent.getId());
        assertThat(json.getString("ticket.status")).isEqualTo("open");
        assertThat(json.getBoolean("ticket.is_public")).isTrue();
        assertThat(json.getString("ticket.subject")).isEqualTo("Call from " + number);
        assertThat(json.getList("audit.events.type", String.class)).contains("VoiceComment");

        JsonPath requester = fixtures.as(agent).get("/api/v2/users/" + requesterId + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(requester.getString("user.role")).isEqualTo("end-user");
        assertThat(requester.getString("user.phone")).isEqualTo(number);

        JsonPath c = comments(ticketId);
        assertThat(c.getList("comments")).hasSize(1);
        assertThat(c.getString("comments[0].type")).isEqualTo("VoiceComment");
        assertThat(c.getBoolean("comments[0].public")).isTrue();
        assertThat(c.getLong("comments[0].author_id")).isEqualTo(agent.getId());
        assertThat(c.getString("comments[0].via.channel")).isEqualTo("voice");
        assertThat(c.getString("comments[0].via.source.rel")).isEqualTo("inbound");
        assertThat(c.getString("comments[0].data.from")).isEqualTo(number);
        assertThat(c.getString("comments[0].data.recording_url")).startsWith("https://pbx.example.test/rec/");
        assertThat(c.getInt("comments[0].data.call_duration")).isEqualTo(95);
        assertThat(c.getLong("comments[0].data.answered_by_id")).isEqualTo(agent.getId());
        assertThat(c.getString("comments[0].data.transcription_text")).isEqualTo("Hello, my router blinks red.");
        assertThat(c.getString("comments[0].data.started_at")).isEqualTo("2026-05-01T12:00:00Z");
        assertThat(c.getString("comments[0].body")).contains("Length of phone call: 95 seconds")
                .contains("Transcription: Hello, my router blinks red.");
    }

    @Test
    void r2_aKnownCallerIsMatchedByPhoneDigitsWhateverTheFormatting() {
        String number = newNumber(); // +4930xxxxxxxxx
        String digits = number.substring(1);
        String stored = "+" + digits.substring(0, 2) + " (" + digits.substring(2, 4) + ") " + digits.substring(4, 8) + "-" + digits.substring(8);
        User caller = fixtures.users().create(UserDraft.endUser("Karl Known", Fixtures.unique("karl-") + "@example.test", stored, null),
                fixtures.adminActor());
        JsonPath json = post(call(45, number, agent.getId()), 201);
        assertThat(json.getLong("ticket.requester_id")).isEqualTo(caller.getId());
        // The caller sees the public call ticket as their request.
        fixtures.as(caller).get("/api/v2/requests/" + json.getLong("ticket.id") + ".json").then().statusCode(200);
    }

    @Test
    void c1_aVoicemailHasNoAssigneeAndIsMarkedAsVoicemail() {
        JsonPath json = post(call(44, newNumber(), null), 201);
        assertThat(json.getString("ticket.assignee_id")).isNull();
        assertThat(json.getString("ticket.status")).isEqualTo("new");
        assertThat(json.getString("ticket.subject")).startsWith("Voicemail from ");
        JsonPath c = comments(json.getLong("ticket.id"));
        assertThat(c.getString("comments[0].via.source.rel")).isEqualTo("voicemail");
    }

    @Test
    void r12_aFollowUpCallOnAPrivateTicketIsAnInternalNote() {
        String number = newNumber();
        User caller = fixtures.users().create(UserDraft.endUser("Paula Private", Fixtures.unique("paula-") + "@example.test", number, null),
                fixtures.adminActor());
        fixtures.privateTicketCreation(true);
        long ticketId = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Investigation", "requester_id", caller.getId(),
                        "comment", Map.of("body", "Internal: checking the contract", "public", false))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");

        Map<String, Object> followUp = call(45, number, agent.getId());
        followUp.put("ticket_id", ticketId);
        JsonPath json = post(followUp, 200);
        assertThat(json.getLong("ticket.id")).isEqualTo(ticketId);
        assertThat(json.getBoolean("ticket.is_public")).isFalse();

        JsonPath c = comments(ticketId);
        assertThat(c.getList("comments")).hasSize(2);
        assertThat(c.getString("comments[1].type")).isEqualTo("VoiceComment");
        assertThat(c.getBoolean("comments[1].public")).isFalse();
        // R11: the caller still cannot reach the ticket or the call.
        fixtures.as(caller).get("/api/v2/requests/" + ticketId + ".json").then().statusCode(404);
        fixtures.as(caller).get("/api/v2/requests/" + ticketId + "/comments.json").then().statusCode(404);
    }

    @Test
    void r12_aVoiceCommentAddedWithTheTicketsApiIsAnInternalNoteOnAPrivateTicket() {
        String number = newNumber();
        User caller = fixtures.users().create(UserDraft.endUser("Petra Put", Fixtures.unique("petra-") + "@example.test", number, null),
                fixtures.adminActor());
        fixtures.privateTicketCreation(true);
        long ticketId = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Quiet check", "requester_id", caller.getId(),
                        "comment", Map.of("body", "Internal: first look", "public", false))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");

        // Zendesk's "adding voice comments to tickets": PUT /api/v2/tickets/{id} with ticket.voice_comment.
        Map<String, Object> update = call(45, number, agent.getId());
        JsonPath json = fixtures.as(agent).body(Map.of("ticket", update)).put("/api/v2/tickets/" + ticketId + ".json")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("ticket.is_public")).isFalse();
        assertThat(json.getString("audit.events.find { it.type == 'VoiceComment' }.public")).isEqualTo("false");

        JsonPath c = comments(ticketId);
        assertThat(c.getList("comments.type", String.class)).containsExactly("Comment", "VoiceComment");
        assertThat(c.getBoolean("comments[1].public")).isFalse();
        assertThat(c.getString("comments[1].data.transcription_text")).isEqualTo("Hello, my router blinks red.");
        fixtures.as(caller).get("/api/v2/requests/" + ticketId + ".json").then().statusCode(404);

        // Other ticket fields are not mixed into a call: refused, nothing written.
        Map<String, Object> mixed = call(45, number, agent.getId());
        mixed.put("status", "solved");
        fixtures.as(agent).body(Map.of("ticket", mixed)).put("/api/v2/tickets/" + ticketId + ".json")
                .then().statusCode(422).body("error", equalTo("RecordInvalid"));
        assertThat(comments(ticketId).getList("comments")).hasSize(2);
    }

    @Test
    void r12_aFollowUpCallOnAPublicTicketIsPublic() {
        long ticketId = post(call(45, newNumber(), agent.getId()), 201).getLong("ticket.id");
        Map<String, Object> followUp = call(46, newNumber(), agent.getId());
        followUp.put("ticket_id", ticketId);
        post(followUp, 200);
        JsonPath c = comments(ticketId);
        assertThat(c.getList("comments.public", Boolean.class)).containsExactly(true, true);
        assertThat(c.getString("comments[1].via.source.rel")).isEqualTo("outbound");
        assertThat(c.getBoolean("comments[1].data.outbound")).isTrue();
    }

    @Test
    void r8_r13_callTicketsStartPrivateOnlyWhilePrivateCreationIsOn() {
        fixtures.asAdmin().body(Map.of("settings", Map.of("voice", Map.of("call_tickets_private", true))))
                .put("/api/v2/account/settings.json").then().statusCode(422).body("rule", equalTo("R8"));

        fixtures.privateTicketCreation(true);
        fixtures.asAdmin().body(Map.of("settings", Map.of("voice", Map.of("call_tickets_private", true))))
                .put("/api/v2/account/settings.json").then().statusCode(200)
                .body("settings.voice.call_tickets_private", equalTo(true));
        String number = newNumber();
        JsonPath json = post(call(45, number, agent.getId()), 201);
        long ticketId = json.getLong("ticket.id");
        assertThat(json.getBoolean("ticket.is_public")).isFalse();
        assertThat(comments(ticketId).getList("comments.public", Boolean.class)).containsExactly(false);
        User caller = fixtures.users().get(json.getLong("ticket.requester_id"));
        assertThat(caller.getPhone()).isEqualTo(number);

        // An admin turning private creation off makes call tickets public again instead of refusing calls (R10).
        fixtures.privateTicketCreation(false);
        assertThat(post(call(45, newNumber(), agent.getId()), 201).getBoolean("ticket.is_public")).isTrue();
    }

    @Test
    void aCallWithoutViaIdOrVoiceCommentIsRefusedWith422() {
        Map<String, Object> noVia = call(45, newNumber(), agent.getId());
        noVia.remove("via_id");
        post(noVia, 422);
        Map<String, Object> wrongVia = call(45, newNumber(), agent.getId());
        wrongVia.put("via_id", 5);
        assertThat(post(wrongVia, 422).getMap("details")).containsKey("via_id");
        post(Map.of("via_id", 45), 422);
        Map<String, Object> notAnAgent = call(45, newNumber(), fixtures.endUser("Eve End").getId());
        assertThat(post(notAnAgent, 422).getMap("details")).containsKey("voice_comment.answered_by_id");
        fixtures.as(agent).body(Map.of("display_to_agent", 999_999_999L, "ticket", call(45, newNumber(), agent.getId())))
                .post("/api/v2/channels/voice/tickets.json").then().statusCode(422);
        Map<String, Object> missing = call(45, newNumber(), agent.getId());
        missing.put("ticket_id", 999_999_999L);
        post(missing, 404);
    }

    @Test
    void endUsersCannotRecordCalls() {
        User endUser = fixtures.endUser("Mallory Caller");
        fixtures.as(endUser).body(Map.of("ticket", call(45, newNumber(), null)))
                .post("/api/v2/channels/voice/tickets.json").then().statusCode(403);
        anonymous().contentType("application/json").body(Map.of("ticket", call(45, newNumber(), null)))
                .post("/api/v2/channels/voice/tickets.json").then().statusCode(401);
    }
}
