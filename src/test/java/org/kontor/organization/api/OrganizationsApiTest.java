package org.kontor.organization.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** The Organizations API through real HTTP: admins shape the account, agents read it, end users do neither. */
class OrganizationsApiTest extends IntegrationTest {
    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Oscar Agent");
        customer = fixtures.endUser("Olivia Customer");
    }

    private static String domain() {
        return Fixtures.unique("org-").toLowerCase(Locale.ROOT) + ".test";
    }

    private JsonPath create(Map<String, Object> organization) {
        return fixtures.asAdmin().body(Map.of("organization", organization)).post("/api/v2/organizations.json")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void anAdminCreatesAnOrganizationWith201AndLocation() {
        String name = Fixtures.unique("Acme ");
        String domain = domain();
        Response response = fixtures.asAdmin().body(Map.of("organization", Map.of("name", "  " + name + "  ",
                "domain_names", List.of(domain.toUpperCase(Locale.ROOT), "@sub." + domain), "details", "Key account")))
                .post("/api/v2/organizations.json");
        response.then().statusCode(201).body("organization.name", equalTo(name))
                .body("organization.domain_names", equalTo(List.of(domain, "sub." + domain)))
                .body("organization.details", equalTo("Key account"))
                .body("organization.shared_tickets", equalTo(false));
        long id = response.jsonPath().getLong("organization.id");
        assertThat(response.header("Location")).isEqualTo("http://localhost:" + port + "/api/v2/organizations/" + id + ".json");
    }

    @Test
    void anOrganizationHasZendesksShapeWithNullsForUnsetFields() {
        long id = create(Map.of("name", Fixtures.unique("Shape "))).getLong("organization.id");
        Response response = fixtures.as(agent).get("/api/v2/organizations/" + id + ".json");
        response.then().statusCode(200);
        assertThat(response.jsonPath().getMap("$")).containsOnlyKeys("organization");
        Map<String, Object> org = response.jsonPath().getMap("organization");
        assertThat(org).containsKeys("id", "url", "name", "details", "notes", "domain_names", "group_id", "shared_tickets",
                "shared_comments", "external_id", "tags", "organization_fields", "created_at", "updated_at");
        for (String unset : List.of("details", "notes", "group_id", "external_id")) {
            assertThat(org).as(unset).containsEntry(unset, null);
        }
        assertThat(org.get("domain_names")).isEqualTo(List.of());
        assertThat(org.get("url")).isEqualTo("http://localhost:" + port + "/api/v2/organizations/" + id + ".json");
        fixtures.as(agent).get("/api/v2/organizations/999999999.json").then().statusCode(404)
                .body("error", equalTo("RecordNotFound")).body("description", notNullValue());
    }

    @Test
    void aDuplicateNameIsRecordInvalidWhateverItsCase() {
        String name = Fixtures.unique("Dupe Corp ");
        create(Map.of("name", name));
        fixtures.asAdmin().body(Map.of("organization", Map.of("name", " " + name.toUpperCase(Locale.ROOT))))
                .post("/api/v2/organizations.json").then().statusCode(422)
                .body("error", equalTo("RecordInvalid")).body("details.name[0].description", containsString("taken"));
    }

    @Test
    void aDomainAlreadyTakenByAnotherOrganizationIsRecordInvalid() {
        String domain = domain();
        long owner = create(Map.of("name", Fixtures.unique("Owner "), "domain_names", List.of(domain))).getLong("organization.id");
        String name = Fixtures.unique("Taker ");
        fixtures.asAdmin().body(Map.of("organization", Map.of("name", name, "domain_names", List.of("@" + domain.toUpperCase(Locale.ROOT)))))
                .post("/api/v2/organizations.json").then().statusCode(422)
                .body("error", equalTo("RecordInvalid")).body("details.domain_names", notNullValue());
        // The refused create left nothing behind.
        fixtures.as(agent).queryParam("name", name).get("/api/v2/organizations/autocomplete.json").then().statusCode(200)
                .body("organizations.size()", equalTo(0));
        long other = create(Map.of("name", Fixtures.unique("Other "))).getLong("organization.id");
        fixtures.asAdmin().body(Map.of("organization", Map.of("domain_names", List.of(domain))))
                .put("/api/v2/organizations/" + other + ".json").then().statusCode(422).body("details.domain_names", notNullValue());
        // The owner may send its own domain again.
        fixtures.asAdmin().body(Map.of("organization", Map.of("domain_names", List.of(domain))))
                .put("/api/v2/organizations/" + owner + ".json").then().statusCode(200)
                .body("organization.domain_names", equalTo(List.of(domain)));
    }

    @Test
    void aNameIsRequired() {
        fixtures.asAdmin().body(Map.of("organization", Map.of("details", "nameless"))).post("/api/v2/organizations.json")
                .then().statusCode(422).body("error", equalTo("RecordInvalid")).body("details.name", notNullValue());
        fixtures.asAdmin().body(Map.of("organization", Map.of("name", " "))).post("/api/v2/organizations.json")
                .then().statusCode(422).body("details.name", notNullValue());
    }

    @Test
    void agentsReadOrganizationsButOnlyAdminsWriteThem() {
        long id = create(Map.of("name", Fixtures.unique("Readable "))).getLong("organization.id");
        fixtures.as(agent).get("/api/v2/organizations/" + id + ".json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/organizations.json").then().statusCode(200);
        fixtures.as(agent).body(Map.of("organization", Map.of("name", Fixtures.unique("Agent Org ")))).post("/api/v2/organizations.json")
                .then().statusCode(403).body("error", equalTo("Forbidden")).body("description", notNullValue());
        fixtures.as(agent).body(Map.of("organization", Map.of("shared_tickets", true))).put("/api/v2/organizations/" + id + ".json")
                .then().statusCode(403);
        fixtures.as(agent).get("/api/v2/organizations/" + id + ".json").then().body("organization.shared_tickets", equalTo(false));
    }

    @Test
    void endUsersCannotReachOrganizations() {
        long id = create(Map.of("name", Fixtures.unique("Hidden "))).getLong("organization.id");
        fixtures.as(customer).get("/api/v2/organizations/" + id + ".json").then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(customer).get("/api/v2/organizations.json").then().statusCode(403);
        fixtures.as(customer).queryParam("name", "Hid").get("/api/v2/organizations/autocomplete.json").then().statusCode(403);
        fixtures.as(customer).body(Map.of("organization", Map.of("name", Fixtures.unique("Mine ")))).post("/api/v2/organizations.json")
                .then().statusCode(403);
        anonymous().get("/api/v2/organizations.json").then().statusCode(401).body("error", equalTo("Couldn't authenticate you"));
    }

    @Test
    void listPagesWithOffsetToTheEnd() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(create(Map.of("name", Fixtures.unique("Offset " + i + " "))).getLong("organization.id"));
        }
        JsonPath first = fixtures.as(agent).queryParam("per_page", 2).get("/api/v2/organizations.json").then().statusCode(200)
                .extract().jsonPath();
        int count = first.getInt("count");
        assertThat(count).isGreaterThanOrEqualTo(3);
        assertThat(first.getString("previous_page")).isNull();
        List<Long> seen = new ArrayList<>(first.getList("organizations.id", Long.class));
        String next = first.getString("next_page");
        int pages = 1;
        while (next != null) {
            assertThat(next).startsWith("http://localhost:" + port + "/api/v2/organizations.json?").contains("per_page=2");
            JsonPath page = fixtures.as(agent).urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            assertThat(page.getString("previous_page")).isNotNull();
            seen.addAll(page.getList("organizations.id", Long.class));
            next = page.getString("next_page");
            assertThat(++pages).isLessThan(1000);
        }
        assertThat(pages).isEqualTo((count + 1) / 2);
        assertThat(seen).hasSize(count).doesNotHaveDuplicates().containsAll(mine).isSorted();
    }

    @Test
    void listPagesWithCursorsFollowingLinksNextToTheEnd() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(create(Map.of("name", Fixtures.unique("Cursor " + i + " "))).getLong("organization.id"));
        }
        int total = fixtures.as(agent).get("/api/v2/organizations.json").jsonPath().getInt("count");
        String next = "http://localhost:" + port + "/api/v2/organizations.json?page%5Bsize%5D=2";
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        while (next != null) {
            JsonPath page = fixtures.as(agent).urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            List<Long> ids = page.getList("organizations.id", Long.class);
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            next = page.getString("links.next");
            assertThat(page.getBoolean("meta.has_more")).isEqualTo(next != null);
            assertThat(next == null || next.startsWith("http://localhost:" + port + "/api/v2/organizations.json?")).isTrue();
            assertThat(++pages).isLessThan(1000);
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine).isSorted();
        assertThat(seen.size()).isGreaterThanOrEqualTo(total);
    }

    @Test
    void autocompleteFindsOrganizationsWhoseNameStartsWithTheText() {
        // The closing letter keeps "Zeta…5q" from being the start of "Zeta…57q".
        String prefix = Fixtures.unique("Zeta") + "q";
        long first = create(Map.of("name", prefix + " Logistics")).getLong("organization.id");
        long second = create(Map.of("name", prefix.toUpperCase(Locale.ROOT) + "x Labs")).getLong("organization.id");
        long inside = create(Map.of("name", "The " + prefix + " Group")).getLong("organization.id");
        List<Long> found = fixtures.as(agent).queryParam("name", prefix.toLowerCase(Locale.ROOT)).get("/api/v2/organizations/autocomplete.json")
                .then().statusCode(200).extract().jsonPath().getList("organizations.id", Long.class);
        assertThat(found).containsExactly(first, second).doesNotContain(inside);
        fixtures.as(agent).queryParam("name", prefix + " Log").get("/api/v2/organizations/autocomplete.json").then()
                .statusCode(200).body("organizations.id", equalTo(List.of((int) first)));
        // Wildcards in the text are literal.
        fixtures.as(agent).queryParam("name", prefix.substring(0, 2) + "%").get("/api/v2/organizations/autocomplete.json")
                .then().statusCode(200).body("organizations.size()", equalTo(0));
        fixtures.as(agent).get("/api/v2/organizations/autocomplete.json").then().statusCode(400)
                .body("error", equalTo("InvalidParameter"));
    }

    @Test
    void anAdminUpdatesSharingAndName() {
        long id = create(Map.of("name", Fixtures.unique("Sharing "))).getLong("organization.id");
        fixtures.asAdmin().body(Map.of("organization", Map.of("shared_tickets", true))).put("/api/v2/organizations/" + id + ".json")
                .then().statusCode(200).body("organization.shared_tickets", equalTo(true))
                .body("organization.shared_comments", equalTo(false));
        fixtures.asAdmin().body(Map.of("organization", Map.of("shared_comments", true))).put("/api/v2/organizations/" + id + ".json")
                .then().statusCode(200).body("organization.shared_tickets", equalTo(true))
                .body("organization.shared_comments", equalTo(true));
        String renamed = Fixtures.unique("Renamed ");
        fixtures.asAdmin().body(Map.of("organization", Map.of("name", renamed, "notes", "moved"))).put("/api/v2/organizations/" + id + ".json")
                .then().statusCode(200).body("organization.name", equalTo(renamed)).body("organization.notes", equalTo("moved"))
                .body("organization.shared_tickets", equalTo(true));
        fixtures.as(agent).get("/api/v2/organizations/" + id + ".json").then().statusCode(200)
                .body("organization.shared_tickets", equalTo(true)).body("organization.name", equalTo(renamed));
        fixtures.asAdmin().body(Map.of("organization", Map.of("shared_tickets", false))).put("/api/v2/organizations/" + id + ".json")
                .then().statusCode(200).body("organization.shared_tickets", equalTo(false))
                .body("organization.shared_comments", equalTo(false));
        fixtures.asAdmin().body(Map.of("organization", Map.of("shared_tickets", "sometimes"))).put("/api/v2/organizations/" + id + ".json")
                .then().statusCode(422).body("details.shared_tickets", notNullValue());
        fixtures.asAdmin().body(Map.of("organization", Map.of("name", "x"))).put("/api/v2/organizations/999999999.json")
                .then().statusCode(404).body("error", equalTo("RecordNotFound"));
    }

    @Test
    void renamingToAnotherOrganizationsNameIsRecordInvalidButKeepingItsOwnIsFine() {
        String taken = Fixtures.unique("Taken ");
        create(Map.of("name", taken));
        String own = Fixtures.unique("Own ");
        long id = create(Map.of("name", own)).getLong("organization.id");
        fixtures.asAdmin().body(Map.of("organization", Map.of("name", taken.toLowerCase(Locale.ROOT))))
                .put("/api/v2/organizations/" + id + ".json").then().statusCode(422).body("details.name", notNullValue());
        fixtures.asAdmin().body(Map.of("organization", Map.of("name", own.toUpperCase(Locale.ROOT))))
                .put("/api/v2/organizations/" + id + ".json").then().statusCode(200)
                .body("organization.name", equalTo(own.toUpperCase(Locale.ROOT)));
    }
}
