package org.kontor.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.organization.Organization;
import org.kontor.organization.OrganizationDraft;
import org.kontor.organization.OrganizationService;
import org.kontor.security.ApiTokenService;
import org.kontor.settings.AccountSettingsService;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.kontor.user.UserService;
import org.springframework.boot.test.context.TestComponent;

import java.util.List;
import java.util.UUID;

/** Makes users, organizations and groups for a test, and API clients that act as them. */
@TestComponent
public class Fixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Unique per JVM, so fixtures never collide with data other test classes made. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private final UserService users;
    private final OrganizationService organizations;
    private final GroupService groups;
    private final ApiTokenService tokens;
    private final AccountSettingsService settings;
    private User rootAdmin;
    private String token;
    private int port;

    Fixtures(UserService users, OrganizationService organizations, GroupService groups, ApiTokenService tokens,
             AccountSettingsService settings) {
        this.users = users;
        this.organizations = organizations;
        this.groups = groups;
        this.tokens = tokens;
        this.settings = settings;
    }

    void port(int port) {
        this.port = port;
    }

    public static String unique(String prefix) {
        return prefix + RUN + SEQUENCE.incrementAndGet();
    }

    private synchronized User rootAdmin() {
        if (rootAdmin == null) {
            rootAdmin = users.createFirstAdmin("Fixture Admin", unique("root-admin-") + "@kontor.test", "fixture-password");
            token = tokens.create("fixtures", Actor.of(rootAdmin)).value();
        }
        return rootAdmin;
    }

    public Actor adminActor() {
        return Actor.of(rootAdmin());
    }

    public String apiToken() {
        rootAdmin();
        return token;
    }

    public User user(Role role, String name, Long organizationId) {
        String email = unique(name.toLowerCase().replace(' ', '.') + "-") + "@example.test";
        return users.create(new UserDraft(name, email, null, role, organizationId, null, null, null, null, null, null, null),
                adminActor());
    }

    public User endUser(String name) {
        return user(Role.END_USER, name, null);
    }

    public User endUser(String name, Organization organization) {
        return user(Role.END_USER, name, organization.getId());
    }

    public User agent(String name) {
        return user(Role.AGENT, name, null);
    }

    public User admin(String name) {
        return user(Role.ADMIN, name, null);
    }

    public Organization organization(String name, boolean sharedTickets) {
        return organizations.create(new OrganizationDraft(unique(name + " "), List.of(), null, null, null, sharedTickets, false));
    }

    public Group group(String name) {
        return groups.create(unique(name + " "), null);
    }

    public void privateTicketCreation(boolean enabled) {
        settings.updateTickets(enabled, adminActor());
    }

    /** An API client authenticated as the user with the account's API token, as Zendesk clients do. */
    public RequestSpecification as(User user) {
        return RestAssured.given().baseUri("http://localhost").port(port)
                .auth().preemptive().basic(user.getEmail() + "/token", apiToken())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public RequestSpecification asAdmin() {
        return as(rootAdmin());
    }

    public User rootAdminUser() {
        return rootAdmin();
    }

    public UserService users() {
        return users;
    }

    /** Polls a job status as a client would, until the job is completed or failed (at most a minute). */
    public io.restassured.path.json.JsonPath finishedJob(User caller, String jobId) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (true) {
            io.restassured.path.json.JsonPath job = as(caller).get("/api/v2/job_statuses/" + jobId + ".json")
                    .then().statusCode(200).extract().jsonPath();
            String status = job.getString("job_status.status");
            if (status.equals("completed") || status.equals("failed")) {
                return job;
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " still " + status + " after a minute");
            }
            Thread.sleep(100);
        }
    }
}
