package org.kontor.user.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** The Users API through real HTTP: the requester lookup (R2), creating end users (R3), profiles, passwords, roles. */
class UsersApiTest extends IntegrationTest {
    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Ursula Agent");
        customer = fixtures.endUser("Egon Enduser");
    }

    /** Creates a user as the admin through the API; {@code null} values are left out of the body. */
    private JsonPath createUser(String name, String email, String phone, Long organizationId, String role) {
        Map<String, Object> user = new HashMap<>();
        user.put("name", name);
        if (email != null) {
            user.put("email", email);
        }
        if (phone != null) {
            user.put("phone", phone);
        }
        if (organizationId != null) {
            user.put("organization_id", organizationId);
        }
        if (role != null) {
            user.put("role", role);
        }
        return fixtures.asAdmin().body(Map.of("user", user)).post("/api/v2/users.json")
                .then().statusCode(201).extract().jsonPath();
    }

    private long endUser(String name, String email, String phone) {
        return createUser(name, email, phone, null, null).getLong("user.id");
    }

    private static String email() {
        return Fixtures.unique("u-") + "@example.test";
    }

    /** A name fragment no other test uses, so searches for it see only this test's users. */
    private static String token() {
        // The closing letter keeps "tk…5q" from being a part of "tk…57q".
        return Fixtures.unique("tk").toLowerCase(Locale.ROOT) + "q";
    }

    private static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        sb.append(ThreadLocalRandom.current().nextInt(1, 10));
        while (sb.length() < n) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    private List<Long> search(String query) {
        return fixtures.as(agent).queryParam("query", query).get("/api/v2/users/search.json")
                .then().statusCode(200).extract().jsonPath().getList("users.id", Long.class);
    }

    private List<Long> autocomplete(String param, String value) {
        return fixtures.as(agent).queryParam(param, value).get("/api/v2/users/autocomplete.json")
                .then().statusCode(200).extract().jsonPath().getList("users.id", Long.class);
    }

    private long organization(String name, String... domains) {
        return fixtures.asAdmin().body(Map.of("organization", Map.of("name", name, "domain_names", List.of(domains))))
                .post("/api/v2/organizations.json").then().statusCode(201).extract().jsonPath().getLong("organization.id");
    }

    // --- R2: the requester lookup -------------------------------------------------------------------------

    @Test
    void r2_searchMatchesPartOfTheNameCaseInsensitively() {
        String t = token();
        long hit = endUser("Hanna " + t + "meyer", email(), null);
        long other = endUser("Hanna Other", email(), null);
        assertThat(search(t.toUpperCase(Locale.ROOT))).containsExactly(hit);
        assertThat(search(t.substring(1) + "MEY")).containsExactly(hit);
        assertThat(search(t + "meyer")).doesNotContain(other);
    }

    @Test
    void r2_searchMatchesTheWholeEmailAddress() {
        String address = email();
        long hit = endUser("Emil Mail", address, null);
        assertThat(search(address)).containsExactly(hit);
        assertThat(search(address.toUpperCase(Locale.ROOT))).containsExactly(hit);
    }

    @Test
    void r2_searchFindsUsersByBareEmailDomain() {
        String domain = token() + ".test";
        long first = endUser("Dora Domain", "dora@" + domain, null);
        long second = endUser("Dirk Domain", "dirk@" + domain, null);
        long lookalike = endUser("Nora Lookalike", "nora@not" + domain, null);
        long subdomain = endUser("Sven Sub", "sven@mail." + domain, null);

        assertThat(search(domain)).containsExactlyInAnyOrder(first, second, subdomain).doesNotContain(lookalike);
        assertThat(search("@" + domain)).containsExactlyInAnyOrder(first, second).doesNotContain(lookalike);
        assertThat(search(domain.toUpperCase(Locale.ROOT))).containsExactlyInAnyOrder(first, second, subdomain);
        // The look-alike domain is found by its own name.
        assertThat(search("not" + domain)).containsExactly(lookalike);
    }

    @Test
    void r2_searchByAPartOfTheLocalPartWithADotStillWorks() {
        String t = token();
        long hit = endUser("Dot Local", "jane." + t + "@example.test", null);
        assertThat(search("jane." + t)).containsExactly(hit);
    }

    @Test
    void r2_searchFindsAPhoneNumberByItsDigitsWhateverTheFormatting() {
        String local = digits(7);
        long international = endUser("Phil Phone", null, "+4930" + local);
        assertThat(search("+49 30 " + local.substring(0, 4))).containsExactly(international);
        assertThat(search("+49-30-" + local)).containsExactly(international);
        assertThat(search("(+49) 30/" + local)).containsExactly(international);
        assertThat(search("+49 (30) " + local.substring(0, 3) + " " + local.substring(3))).containsExactly(international);
        assertThat(search("4930" + local)).containsExactly(international);

        String national = digits(7);
        long formatted = endUser("Nina National", null, "(030) " + national.substring(0, 3) + " " + national.substring(3));
        assertThat(search("030-" + national)).containsExactly(formatted);
        assertThat(search("030 " + national.substring(0, 4))).containsExactly(formatted);
        assertThat(search("030" + national)).containsExactly(formatted);
        assertThat(search("+4930" + local)).doesNotContain(formatted);
    }

    @Test
    void r2_searchFindsUsersByOrganizationName() {
        String t = token();
        long org = organization("Org" + t + " Widgets");
        long member = createUser("Mia Member", email(), null, org, null).getLong("user.id");
        long outsider = endUser("Otto Outsider", email(), null);
        assertThat(search("org" + t)).containsExactly(member).doesNotContain(outsider);
        assertThat(search("ORG" + t + " widgets")).containsExactly(member);
    }

    @Test
    void r2_everyWordOfTheQueryMustMatch() {
        String t = token();
        long berg = endUser(t + " Anna Berg", email(), null);
        long lind = endUser(t + " Anna Lind", email(), null);
        long otherAnna = endUser("Anna Berg", email(), null);
        assertThat(search(t + " anna")).containsExactlyInAnyOrder(berg, lind);
        assertThat(search(t + " anna berg")).containsExactly(berg);
        assertThat(search("berg " + t)).containsExactly(berg).doesNotContain(otherAnna);
        assertThat(search(t + " nobody")).isEmpty();
    }

    @Test
    void r2_keywordsNarrowTheSearchToOneField() {
        String t = token();
        String domain = t + ".test";
        long org = organization("Kw" + t + " GmbH");
        String phoneDigits = digits(8);
        long byEmail = endUser("Kurt " + t, "kurt@" + domain, null);
        long byPhone = endUser("Paula " + t, email(), "+49 " + phoneDigits);
        long byOrg = createUser("Olga " + t, email(), null, org, null).getLong("user.id");
        long anAgent = createUser("Agnes " + t, email(), null, null, "agent").getLong("user.id");
        long anAdmin = createUser("Adam " + t, email(), null, null, "admin").getLong("user.id");

        assertThat(search("email:kurt@" + domain)).containsExactly(byEmail);
        assertThat(search("email:" + domain)).containsExactly(byEmail);
        assertThat(search("phone:+49" + phoneDigits)).containsExactly(byPhone);
        assertThat(search("phone:\"+49 " + phoneDigits.substring(0, 4) + " " + phoneDigits.substring(4) + "\"")).containsExactly(byPhone);
        assertThat(search("organization:kw" + t)).containsExactly(byOrg);
        assertThat(search("role:agent " + t)).containsExactly(anAgent);
        assertThat(search("role:admin " + t)).containsExactly(anAdmin);
        assertThat(search("role:end-user " + t)).containsExactlyInAnyOrder(byEmail, byPhone, byOrg);
        // A keyword is not free text: the name does not match an email: query.
        assertThat(search("email:" + t)).containsExactly(byEmail);
        assertThat(search("name:" + t)).containsExactlyInAnyOrder(byEmail, byPhone, byOrg, anAgent, anAdmin);
    }

    @Test
    void r2_externalIdLookupIsExact() {
        String externalId = Fixtures.unique("ext-");
        Map<String, Object> body = Map.of("user", Map.of("name", "Xaver External", "email", email(), "external_id", externalId));
        long id = fixtures.asAdmin().body(body).post("/api/v2/users.json").then().statusCode(201)
                .body("user.external_id", equalTo(externalId)).extract().jsonPath().getLong("user.id");
        fixtures.as(agent).queryParam("external_id", externalId).get("/api/v2/users/search.json").then().statusCode(200)
                .body("users.size()", equalTo(1)).body("users[0].id", equalTo((int) id)).body("count", equalTo(1));
        fixtures.as(agent).queryParam("external_id", externalId.substring(0, externalId.length() - 1))
                .get("/api/v2/users/search.json").then().statusCode(200).body("users.size()", equalTo(0));
        assertThat(search("external_id:" + externalId)).containsExactly(id);
    }

    @Test
    void r2_searchPagesWithCountAndNextPage() {
        String t = token();
        List<Long> ids = List.of(endUser(t + " One", email(), null), endUser(t + " Two", email(), null),
                endUser(t + " Three", email(), null));
        JsonPath first = fixtures.as(agent).queryParam("query", t).queryParam("per_page", 2)
                .get("/api/v2/users/search.json").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("count")).isEqualTo(3);
        assertThat(first.getList("users")).hasSize(2);
        assertThat(first.getString("previous_page")).isNull();
        String next = first.getString("next_page");
        assertThat(next).startsWith("http://localhost:" + port + "/api/v2/users/search.json?").contains("page=2")
                .contains("per_page=2").contains("query=" + t);

        JsonPath second = fixtures.as(agent).urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("users")).hasSize(1);
        assertThat(second.getString("next_page")).isNull();
        assertThat(second.getString("previous_page")).contains("page=1");
        List<Long> all = new ArrayList<>(first.getList("users.id", Long.class));
        all.addAll(second.getList("users.id", Long.class));
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void r2_searchWithoutAQueryIsABadRequest() {
        fixtures.as(agent).get("/api/v2/users/search.json").then().statusCode(400)
                .body("error", equalTo("InvalidParameter")).body("description", notNullValue());
    }

    @Test
    void r2_autocompleteMatchesTheStartOfAnyWordOfTheName() {
        String t = token();
        long first = endUser(t + "bert Smith", email(), null);
        long later = endUser("Anna " + t + "more", email(), null);
        long inside = endUser("X" + t + " Inside", email(), null);
        assertThat(autocomplete("name", t)).containsExactlyInAnyOrder(first, later).doesNotContain(inside);
        assertThat(autocomplete("name", t.toUpperCase(Locale.ROOT) + "BERT")).containsExactly(first);
        assertThat(autocomplete("name", "anna " + t)).containsExactly(later);
    }

    @Test
    void r2_autocompleteByPhoneMatchesDigits() {
        String local = digits(8);
        long id = endUser("Petra Phone", null, "+4989" + local);
        assertThat(autocomplete("phone", "+49 89 " + local.substring(0, 4))).containsExactly(id);
        assertThat(autocomplete("phone", "+49 89 " + local.substring(0, 4) + "0" + local.substring(4))).doesNotContain(id);
        fixtures.as(agent).get("/api/v2/users/autocomplete.json").then().statusCode(400).body("error", equalTo("InvalidParameter"));
    }

    // --- Reading users -------------------------------------------------------------------------------------

    @Test
    void meShowsTheAuthenticatedUser() {
        fixtures.as(agent).get("/api/v2/users/me.json").then().statusCode(200)
                .body("user.id", equalTo(agent.getId().intValue())).body("user.role", equalTo("agent"))
                .body("user.email", equalTo(agent.getEmail()));
        fixtures.as(customer).get("/api/v2/users/me").then().statusCode(200)
                .body("user.id", equalTo(customer.getId().intValue())).body("user.role", equalTo("end-user"));
    }

    @Test
    void aUserHasZendesksShapeWithNullsForUnsetFields() {
        Response response = fixtures.as(agent).get("/api/v2/users/" + customer.getId() + ".json");
        response.then().statusCode(200);
        Map<String, Object> user = response.jsonPath().getMap("user");
        assertThat(response.jsonPath().getMap("$")).containsOnlyKeys("user");
        assertThat(user).containsKeys("id", "url", "name", "email", "phone", "role", "organization_id", "locale",
                "time_zone", "external_id", "details", "notes", "tags", "user_fields", "verified", "active", "suspended",
                "default_group_id", "custom_role_id", "last_login_at", "created_at", "updated_at");
        for (String unset : List.of("phone", "organization_id", "external_id", "details", "notes", "time_zone",
                "default_group_id", "last_login_at")) {
            assertThat(user).as(unset).containsEntry(unset, null);
        }
        assertThat(user.get("url")).isEqualTo("http://localhost:" + port + "/api/v2/users/" + customer.getId() + ".json");
        assertThat(user.get("tags")).isEqualTo(List.of());
        assertThat(user.get("active")).isEqualTo(true);
        assertThat((String) user.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        fixtures.as(agent).get("/api/v2/users/999999999.json").then().statusCode(404)
                .body("error", equalTo("RecordNotFound")).body("description", notNullValue());
    }

    @Test
    void listFiltersByRoleAndByRoleArray() {
        User admin = fixtures.admin("Ada Admin");
        Set<String> agentsAndAdmins = new HashSet<>();
        List<Long> ids = listAll("role[]", List.of("agent", "admin"), agentsAndAdmins);
        assertThat(agentsAndAdmins).containsOnly("agent", "admin");
        assertThat(ids).contains(agent.getId(), admin.getId()).doesNotContain(customer.getId());

        Set<String> endUsers = new HashSet<>();
        List<Long> endUserIds = listAll("role", List.of("end-user"), endUsers);
        assertThat(endUsers).containsOnly("end-user");
        assertThat(endUserIds).contains(customer.getId()).doesNotContain(agent.getId(), admin.getId());

        fixtures.as(agent).queryParam("role", "light-agent").get("/api/v2/users.json").then().statusCode(400)
                .body("error", equalTo("InvalidParameter"));
    }

    /** Follows cursor pages to the end, collecting ids and the roles seen. */
    private List<Long> listAll(String param, List<String> roles, Set<String> seenRoles) {
        List<Long> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonPath page = next == null
                    ? fixtures.as(agent).queryParam(param, roles.toArray()).queryParam("page[size]", 100)
                    .get("/api/v2/users.json").then().statusCode(200).extract().jsonPath()
                    : fixtures.as(agent).urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("users.id", Long.class));
            seenRoles.addAll(page.getList("users.role", String.class));
            next = page.getString("links.next");
            assertThat(++pages).isLessThan(100);
        } while (next != null);
        return ids;
    }

    @Test
    void showManyReturnsTheRequestedUsers() {
        User other = fixtures.endUser("Sonja Showmany");
        fixtures.as(agent).queryParam("ids", customer.getId() + "," + other.getId()).get("/api/v2/users/show_many.json")
                .then().statusCode(200)
                .body("users.id", org.hamcrest.Matchers.containsInAnyOrder(customer.getId().intValue(), other.getId().intValue()));
    }

    // --- Creating users (R3) -------------------------------------------------------------------------------

    @Test
    void r3_agentCreatesAnEndUserWith201AndLocation() {
        String address = email();
        Response response = fixtures.as(agent).body(Map.of("user", Map.of("name", "  Nils New  ", "email", address.toUpperCase(Locale.ROOT),
                "phone", "+49 170 1234567"))).post("/api/v2/users.json");
        response.then().statusCode(201).body("user.role", equalTo("end-user")).body("user.name", equalTo("Nils New"))
                .body("user.email", equalTo(address)).body("user.phone", equalTo("+49 170 1234567"))
                .body("user.organization_id", nullValue()).body("user.active", equalTo(true));
        long id = response.jsonPath().getLong("user.id");
        String location = response.header("Location");
        assertThat(location).isEqualTo("http://localhost:" + port + "/api/v2/users/" + id + ".json");
        fixtures.as(agent).urlEncodingEnabled(false).get(location).then().statusCode(200).body("user.id", equalTo((int) id));
    }

    @Test
    void r3_anEndUserMayBeCreatedWithAPhoneNumberOnly() {
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Phone Only", "phone", "+1 555 " + digits(7))))
                .post("/api/v2/users.json").then().statusCode(201).body("user.email", nullValue());
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Nothing To Reach"))).post("/api/v2/users.json")
                .then().statusCode(422).body("error", equalTo("RecordInvalid")).body("details.email", notNullValue());
    }

    @Test
    void r3_aDuplicateEmailIsRecordInvalidOnEmail() {
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Dupe", "email", customer.getEmail().toUpperCase(Locale.ROOT))))
                .post("/api/v2/users.json").then().statusCode(422)
                .body("error", equalTo("RecordInvalid")).body("description", notNullValue())
                .body("details.email[0].error", equalTo("InvalidValue"))
                .body("details.email[0].description", containsString("already"));
    }

    @Test
    void r3_anInvalidEmailOrAMissingNameIsRecordInvalid() {
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Bad Mail", "email", "not-an-email")))
                .post("/api/v2/users.json").then().statusCode(422).body("error", equalTo("RecordInvalid"))
                .body("details.email[0].description", containsString("not-an-email"));
        fixtures.as(agent).body(Map.of("user", Map.of("email", email()))).post("/api/v2/users.json")
                .then().statusCode(422).body("error", equalTo("RecordInvalid")).body("details.name", notNullValue());
        fixtures.as(agent).body(Map.of("user", Map.of("name", "   ", "email", email()))).post("/api/v2/users.json")
                .then().statusCode(422).body("details.name", notNullValue());
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Bad Role", "email", email(), "role", "light-agent")))
                .post("/api/v2/users.json").then().statusCode(422).body("details.role", notNullValue());
        fixtures.as(agent).body(Map.of("name", "No Envelope")).post("/api/v2/users.json")
                .then().statusCode(422).body("error", equalTo("RecordInvalid"));
    }

    @Test
    void r3_agentsCreateEndUsersButNotAgentsOrAdmins() {
        for (String role : List.of("agent", "admin")) {
            String address = email();
            fixtures.as(agent).body(Map.of("user", Map.of("name", "Would Be " + role, "email", address, "role", role)))
                    .post("/api/v2/users.json").then().statusCode(403).body("error", equalTo("Forbidden"))
                    .body("description", notNullValue());
            fixtures.as(agent).queryParam("query", address).get("/api/v2/users/search.json").then().body("count", equalTo(0));
        }
    }

    @Test
    void r3_adminCreatesAnAgent() {
        JsonPath json = createUser("Alex Newagent", email(), null, null, "agent");
        assertThat(json.getString("user.role")).isEqualTo("agent");
        fixtures.as(agent).get("/api/v2/users/" + json.getLong("user.id") + ".json").then().body("user.role", equalTo("agent"));
    }

    @Test
    void endUsersCannotCreateUsers() {
        fixtures.as(customer).body(Map.of("user", Map.of("name", "Friend", "email", email()))).post("/api/v2/users.json")
                .then().statusCode(403).body("error", equalTo("Forbidden"));
    }

    @Test
    void anEndUserWithAnEmailOfAnOrganizationsDomainLandsInThatOrganization() {
        String domain = token() + ".test";
        long org = organization(Fixtures.unique("Domain Org "), domain);
        long otherOrg = organization(Fixtures.unique("Other Org "));
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Mapped Member", "email", "mapped@" + domain.toUpperCase(Locale.ROOT))))
                .post("/api/v2/users.json").then().statusCode(201).body("user.organization_id", equalTo((int) org));
        // An explicit organization wins over the domain.
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Explicit Member", "email", "explicit@" + domain, "organization_id", otherOrg)))
                .post("/api/v2/users.json").then().statusCode(201).body("user.organization_id", equalTo((int) otherOrg));
        // Only the exact domain maps, not a look-alike.
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Lookalike", "email", "x@not" + domain)))
                .post("/api/v2/users.json").then().statusCode(201).body("user.organization_id", nullValue());
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Nowhere", "email", email(), "organization_id", 999999999)))
                .post("/api/v2/users.json").then().statusCode(422).body("details.organization_id", notNullValue());
    }

    @Test
    void createOrUpdateCreatesWith201ThenUpdatesWith200() {
        String address = email();
        long id = fixtures.as(agent).body(Map.of("user", Map.of("name", "Cora Create", "email", address)))
                .post("/api/v2/users/create_or_update.json").then().statusCode(201)
                .header("Location", containsString("/api/v2/users/")).extract().jsonPath().getLong("user.id");
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Cora Updated", "email", address.toUpperCase(Locale.ROOT))))
                .post("/api/v2/users/create_or_update.json").then().statusCode(200)
                .body("user.id", equalTo((int) id)).body("user.name", equalTo("Cora Updated"));

        String externalId = Fixtures.unique("crm-");
        long byExternal = fixtures.as(agent).body(Map.of("user", Map.of("name", "Ext One", "external_id", externalId, "phone", "+1 555 " + digits(7))))
                .post("/api/v2/users/create_or_update.json").then().statusCode(201).extract().jsonPath().getLong("user.id");
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Ext Renamed", "external_id", externalId)))
                .post("/api/v2/users/create_or_update.json").then().statusCode(200)
                .body("user.id", equalTo((int) byExternal)).body("user.name", equalTo("Ext Renamed"));
    }

    @Test
    void createOrUpdateCannotBeUsedByAnAgentToPromoteOrCreateAgents() {
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Sneaky", "email", email(), "role", "admin")))
                .post("/api/v2/users/create_or_update.json").then().statusCode(403);
        fixtures.as(agent).body(Map.of("user", Map.of("name", customer.getName(), "email", customer.getEmail(), "role", "admin")))
                .post("/api/v2/users/create_or_update.json").then().statusCode(403);
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + ".json").then().body("user.role", equalTo("end-user"));
    }

    // --- Updating users ------------------------------------------------------------------------------------

    @Test
    void anEndUserUpdatesTheirOwnNameAndPhone() {
        fixtures.as(customer).body(Map.of("user", Map.of("name", "Egon Renamed", "phone", "+49 40 555 0101")))
                .put("/api/v2/users/" + customer.getId() + ".json").then().statusCode(200)
                .body("user.name", equalTo("Egon Renamed")).body("user.phone", equalTo("+49 40 555 0101"))
                .body("user.role", equalTo("end-user"));
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + ".json").then()
                .body("user.name", equalTo("Egon Renamed"));
    }

    @Test
    void anEndUserCannotChangeTheirRoleOrOrganization() {
        long org = organization(Fixtures.unique("Wanted Org "));
        fixtures.as(customer).body(Map.of("user", Map.of("role", "admin"))).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(customer).body(Map.of("user", Map.of("organization_id", org))).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + ".json").then()
                .body("user.role", equalTo("end-user")).body("user.organization_id", nullValue());
    }

    @Test
    void anEndUserCannotUpdateSomeoneElse() {
        User other = fixtures.endUser("Olaf Other");
        fixtures.as(customer).body(Map.of("user", Map.of("name", "Hijacked"))).put("/api/v2/users/" + other.getId() + ".json")
                .then().statusCode(404).body("error", equalTo("RecordNotFound"));
        fixtures.as(agent).get("/api/v2/users/" + other.getId() + ".json").then().body("user.name", equalTo("Olaf Other"));
    }

    @Test
    void anEndUserMaySendBackTheirWholeProfileWithAChangedName() {
        // Clients echo the whole object they read; unchanged values the end user may not set are no change.
        Map<String, Object> me = fixtures.as(customer).get("/api/v2/users/me.json").then().statusCode(200)
                .extract().jsonPath().getMap("user");
        Map<String, Object> echoed = new HashMap<>(me);
        echoed.put("name", "Egon Echo");
        fixtures.as(customer).body(Map.of("user", echoed)).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(200).body("user.name", equalTo("Egon Echo"));
        // A value that does change is still refused.
        echoed.put("verified", !(Boolean) me.get("verified"));
        fixtures.as(customer).body(Map.of("user", echoed)).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(403).body("error", equalTo("Forbidden"));
    }

    @Test
    void agentsUpdateEndUsersButMayNotChangeRoles() {
        long org = organization(Fixtures.unique("Move Org "));
        fixtures.as(agent).body(Map.of("user", Map.of("notes", "VIP", "organization_id", org)))
                .put("/api/v2/users/" + customer.getId() + ".json").then().statusCode(200)
                .body("user.notes", equalTo("VIP")).body("user.organization_id", equalTo((int) org));
        fixtures.as(agent).body(Map.of("user", Map.of("role", "agent"))).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(403).body("error", equalTo("Forbidden"));
        User otherAgent = fixtures.agent("Other Agent");
        fixtures.as(agent).body(Map.of("user", Map.of("role", "end-user"))).put("/api/v2/users/" + otherAgent.getId() + ".json")
                .then().statusCode(403);
        fixtures.as(agent).body(Map.of("user", Map.of("name", "Renamed Colleague"))).put("/api/v2/users/" + otherAgent.getId() + ".json")
                .then().statusCode(403);
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + ".json").then().body("user.role", equalTo("end-user"));
        fixtures.as(agent).get("/api/v2/users/" + otherAgent.getId() + ".json").then()
                .body("user.role", equalTo("agent")).body("user.name", equalTo("Other Agent"));
    }

    @Test
    void anAdminChangesRoles() {
        User promoted = fixtures.endUser("Paul Promoted");
        fixtures.asAdmin().body(Map.of("user", Map.of("role", "agent"))).put("/api/v2/users/" + promoted.getId() + ".json")
                .then().statusCode(200).body("user.role", equalTo("agent"));
    }

    @Test
    void readOnlyFieldsInAnUpdateAreIgnored() {
        Map<String, Object> user = new HashMap<>();
        user.put("id", 1);
        user.put("url", "http://elsewhere/api/v2/users/1.json");
        user.put("created_at", "2001-01-01T00:00:00Z");
        user.put("updated_at", "2001-01-01T00:00:00Z");
        user.put("last_login_at", "2001-01-01T00:00:00Z");
        user.put("role_type", 4);
        user.put("active", false);
        user.put("shared", true);
        user.put("tags", List.of("x"));
        user.put("name", "Egon Readonly");
        JsonPath json = fixtures.as(agent).body(Map.of("user", user)).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("user.id")).isEqualTo(customer.getId());
        assertThat(json.getString("user.name")).isEqualTo("Egon Readonly");
        assertThat(json.getBoolean("user.active")).isTrue();
        assertThat(json.getString("user.created_at")).doesNotStartWith("2001");
        assertThat(json.getString("user.url")).endsWith("/api/v2/users/" + customer.getId() + ".json");
    }

    @Test
    void updateRefusesABlankNameAndAnEmailChange() {
        fixtures.as(agent).body(Map.of("user", Map.of("name", " "))).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(422).body("details.name", notNullValue());
        fixtures.as(agent).body(Map.of("user", Map.of("email", email()))).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(422).body("details.email", notNullValue());
        fixtures.as(agent).body(Map.of("user", Map.of("email", customer.getEmail()))).put("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(200);
        fixtures.as(agent).body(Map.of("user", Map.of("name", "x"))).put("/api/v2/users/999999999.json")
                .then().statusCode(404).body("error", equalTo("RecordNotFound"));
    }

    // --- Passwords -----------------------------------------------------------------------------------------

    @Test
    void anAdminSetsAPasswordAndItAuthenticatesWithBasicAuth() {
        fixtures.asAdmin().body(Map.of("password", "correct-horse-1")).post("/api/v2/users/" + customer.getId() + "/password.json")
                .then().statusCode(200);
        anonymous().auth().preemptive().basic(customer.getEmail(), "correct-horse-1").get("/api/v2/users/me.json")
                .then().statusCode(200).body("user.id", equalTo(customer.getId().intValue()));
        anonymous().auth().preemptive().basic(customer.getEmail().toUpperCase(Locale.ROOT), "correct-horse-1")
                .get("/api/v2/users/me.json").then().statusCode(200);
        anonymous().auth().preemptive().basic(customer.getEmail(), "wrong-horse-1").get("/api/v2/users/me.json")
                .then().statusCode(401).body("error", equalTo("Couldn't authenticate you"));
    }

    @Test
    void onlyAnAdminSetsPasswords() {
        fixtures.as(agent).body(Map.of("password", "agent-sets-it")).post("/api/v2/users/" + customer.getId() + "/password.json")
                .then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(customer).body(Map.of("password", "self-sets-it")).post("/api/v2/users/" + customer.getId() + "/password.json")
                .then().statusCode(403);
        anonymous().auth().preemptive().basic(customer.getEmail(), "agent-sets-it").get("/api/v2/users/me.json").then().statusCode(401);
    }

    @Test
    void aShortPasswordIsRecordInvalid() {
        fixtures.asAdmin().body(Map.of("password", "short")).post("/api/v2/users/" + customer.getId() + "/password.json")
                .then().statusCode(422).body("error", equalTo("RecordInvalid")).body("details.password", notNullValue());
        fixtures.asAdmin().body(Map.of()).post("/api/v2/users/" + customer.getId() + "/password.json")
                .then().statusCode(422).body("details.password", notNullValue());
        anonymous().auth().preemptive().basic(customer.getEmail(), "short").get("/api/v2/users/me.json").then().statusCode(401);
    }

    @Test
    void aUserChangesTheirOwnPasswordWithThePreviousOne() {
        fixtures.asAdmin().body(Map.of("password", "first-password")).post("/api/v2/users/" + customer.getId() + "/password.json")
                .then().statusCode(200);
        String path = "/api/v2/users/" + customer.getId() + "/password.json";
        anonymous().auth().preemptive().basic(customer.getEmail(), "first-password").contentType("application/json")
                .body(Map.of("previous_password", "not-the-password", "password", "second-password")).put(path)
                .then().statusCode(422).body("details.previous_password", notNullValue());
        anonymous().auth().preemptive().basic(customer.getEmail(), "first-password").contentType("application/json")
                .body(Map.of("previous_password", "first-password", "password", "2short")).put(path)
                .then().statusCode(422).body("details.password", notNullValue());
        anonymous().auth().preemptive().basic(customer.getEmail(), "first-password").contentType("application/json")
                .body(Map.of("previous_password", "first-password", "password", "second-password")).put(path)
                .then().statusCode(200);
        anonymous().auth().preemptive().basic(customer.getEmail(), "first-password").get("/api/v2/users/me.json").then().statusCode(401);
        anonymous().auth().preemptive().basic(customer.getEmail(), "second-password").get("/api/v2/users/me.json").then().statusCode(200);
        // Not for someone else, even knowing nothing else.
        fixtures.as(customer).body(Map.of("previous_password", "x", "password", "third-password"))
                .put("/api/v2/users/" + agent.getId() + "/password.json").then().statusCode(403);
    }

    // --- What end users may reach --------------------------------------------------------------------------

    @Test
    void endUsersSeeOnlyThemselves() {
        User other = fixtures.endUser("Olga Other");
        fixtures.as(customer).get("/api/v2/users/me.json").then().statusCode(200);
        fixtures.as(customer).get("/api/v2/users/" + customer.getId() + ".json").then().statusCode(200)
                .body("user.id", equalTo(customer.getId().intValue())).body("user.notes", nullValue());
        // Another user's record is one the end user may not see: 404, as for a record that does not exist.
        fixtures.as(customer).get("/api/v2/users/" + other.getId() + ".json").then().statusCode(404)
                .body("error", equalTo("RecordNotFound"));
        fixtures.as(customer).get("/api/v2/users/" + agent.getId() + ".json").then().statusCode(404);
        fixtures.as(customer).get("/api/v2/users.json").then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(customer).queryParam("query", other.getEmail()).get("/api/v2/users/search.json").then().statusCode(403)
                .body("error", equalTo("Forbidden"));
        fixtures.as(customer).queryParam("external_id", "x").get("/api/v2/users/search").then().statusCode(403);
        fixtures.as(customer).queryParam("name", "Olga").get("/api/v2/users/autocomplete.json").then().statusCode(403)
                .body("error", equalTo("Forbidden"));
        fixtures.as(customer).queryParam("ids", other.getId()).get("/api/v2/users/show_many.json").then().statusCode(403);
        fixtures.as(customer).get("/api/v2/users/" + other.getId() + "/group_memberships.json").then().statusCode(403);
    }

    @Test
    void withoutCredentialsEverythingIs401() {
        for (String path : List.of("/api/v2/users/me.json", "/api/v2/users.json", "/api/v2/users/" + customer.getId() + ".json",
                "/api/v2/users/search.json?query=x", "/api/v2/users/autocomplete.json?name=x")) {
            anonymous().get(path).then().statusCode(401).body("error", equalTo("Couldn't authenticate you"))
                    .body("description", notNullValue());
        }
        anonymous().contentType("application/json").body(Map.of("user", Map.of("name", "Anon", "email", email())))
                .post("/api/v2/users.json").then().statusCode(401);
    }
}
