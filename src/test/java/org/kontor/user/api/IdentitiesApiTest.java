package org.kontor.user.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;

/**
 * Zendesk's user identities over Kontor's one email and one phone per user: listed with stable ids, the email changed
 * by an admin (the way the update's error message points to), the phone by agents, the email never removed.
 */
class IdentitiesApiTest extends IntegrationTest {

    private User customer(String name, String phone) {
        return fixtures.users().create(new UserDraft(name, Fixtures.unique("id-") + "@example.test", phone, Role.END_USER, null,
                null, null, null, null, null, null, null), fixtures.adminActor());
    }

    private String path(User user) {
        return "/api/v2/users/" + user.getId() + "/identities";
    }

    @Test
    void identitiesAreTheEmailAndThePhoneAndTheEmailIsChangedThroughThem() {
        User agent = fixtures.agent("Ida Identity");
        User customer = customer("Moritz Moving", "+49 30 1234567");
        long emailId = customer.getId() * 2;
        long phoneId = customer.getId() * 2 + 1;

        JsonPath listed = fixtures.as(agent).get(path(customer) + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("identities.id", Long.class)).containsExactly(emailId, phoneId);
        assertThat(listed.getList("identities.type", String.class)).containsExactly("email", "phone_number");
        assertThat(listed.getString("identities[0].value")).isEqualTo(customer.getEmail());
        assertThat(listed.getInt("count")).isEqualTo(2);

        // The update refuses an email change and names identities; an agent may not change it there either.
        String moved = Fixtures.unique("moved-") + "@example.test";
        fixtures.as(agent).body(Map.of("user", Map.of("email", moved))).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(422);
        fixtures.as(agent).body(Map.of("identity", Map.of("value", moved))).put(path(customer) + "/" + emailId + ".json")
                .then().statusCode(403);
        fixtures.asAdmin().body(Map.of("identity", Map.of("value", moved))).put(path(customer) + "/" + emailId + ".json")
                .then().statusCode(200).body("identity.value", equalTo(moved)).body("identity.id", equalTo((int) emailId));
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + ".json").then().body("user.email", equalTo(moved));
        fixtures.asAdmin().body(Map.of("identity", Map.of("value", fixtures.rootAdminUser().getEmail())))
                .put(path(customer) + "/" + emailId + ".json").then().statusCode(422);

        // The phone: changed and removed by agents; the email stays.
        fixtures.as(agent).body(Map.of("identity", Map.of("value", "+49 40 7654321"))).put(path(customer) + "/" + phoneId + ".json")
                .then().statusCode(200).body("identity.value", equalTo("+49 40 7654321"));
        fixtures.as(agent).body(Map.of("identity", Map.of("type", "phone_number", "value", "+1 555 0100")))
                .post(path(customer) + ".json").then().statusCode(422).body("error", equalTo("RecordInvalid"));
        fixtures.as(agent).delete(path(customer) + "/" + phoneId + ".json").then().statusCode(204);
        fixtures.as(agent).delete(path(customer) + "/" + emailId + ".json").then().statusCode(422);
        fixtures.as(agent).get(path(customer) + "/" + phoneId + ".json").then().statusCode(404);
        fixtures.as(agent).body(Map.of("identity", Map.of("type", "phone_number", "value", "+1 555 0100")))
                .post(path(customer) + ".json").then().statusCode(201).body("identity.id", equalTo((int) phoneId));
        fixtures.as(agent).body(Map.of("identity", Map.of("type", "twitter", "value", "@moritz"))).post(path(customer) + ".json")
                .then().statusCode(422);
        fixtures.as(agent).put(path(customer) + "/" + emailId + "/verify.json").then().statusCode(200)
                .body("identity.verified", equalTo(true));
        fixtures.as(agent).put(path(customer) + "/" + emailId + "/make_primary.json").then().statusCode(200)
                .body("identities.size()", equalTo(2));
    }

    @Test
    void endUsersAndOtherUsersIdentityIdsAreRefused() {
        User agent = fixtures.agent("Ivo Identity");
        User customer = customer("Nora Nophone", null);
        User other = customer("Otto Other", "+1 555 0199");
        fixtures.as(customer).get(path(customer) + ".json").then().statusCode(403);
        fixtures.as(agent).get(path(customer) + "/" + (other.getId() * 2) + ".json").then().statusCode(404);
        fixtures.as(agent).delete(path(other) + "/" + (other.getId() * 2 + 1) + ".json").then().statusCode(204);
        fixtures.as(agent).get("/api/v2/users/999999999/identities.json").then().statusCode(404);
    }
}
