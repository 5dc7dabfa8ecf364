package org.kontor.security.api;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** API tokens through real HTTP: a token signs in any active user; a revoked one stops at once, even right after use. */
class ApiTokensApiTest extends IntegrationTest {
    @Test
    void aRevokedTokenIsRefusedOnTheNextCall() {
        User agent = fixtures.agent("Tobias Token");
        var created = fixtures.asAdmin().body(Map.of("api_token", Map.of("description", "integration")))
                .post("/api/v2/api_tokens.json").then().statusCode(201).extract().jsonPath();
        String token = created.getString("api_token.token");
        long id = created.getLong("api_token.id");

        for (int call = 0; call < 3; call++) {
            withToken(agent, token).get("/api/v2/tickets.json").then().statusCode(200);
        }
        fixtures.asAdmin().delete("/api/v2/api_tokens/" + id + ".json").then().statusCode(204);

        withToken(agent, token).get("/api/v2/tickets.json").then().statusCode(401);
    }

    @Test
    void aTokenDoesNotSignInAnEmailThatIsNoUser() {
        withToken("nobody-" + System.nanoTime() + "@example.test", fixtures.apiToken()).get("/api/v2/tickets.json")
                .then().statusCode(401);
    }

    private io.restassured.specification.RequestSpecification withToken(User user, String token) {
        return withToken(user.getEmail(), token);
    }

    private io.restassured.specification.RequestSpecification withToken(String email, String token) {
        return anonymous().auth().preemptive().basic(email + "/token", token).accept(ContentType.JSON);
    }
}
