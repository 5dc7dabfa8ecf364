package org.kontor.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run Kontor for real: the whole application on a random port, over the database
 * chosen for this run. All such tests share one application context, so each makes its own users and tickets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
public abstract class IntegrationTest {
    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
        TestMail.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void pointFixturesAtServer() {
        fixtures.port(port);
    }

    protected RequestSpecification anonymous() {
        return RestAssured.given().baseUri("http://localhost").port(port).urlEncodingEnabled(true);
    }
}
