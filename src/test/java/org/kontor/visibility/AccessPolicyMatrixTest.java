package org.kontor.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestFactory;
import org.kontor.organization.Organization;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/**
 * The permission matrix of the access policy (V1, V2, R11, R19): every role against a public and a private
 * ticket, each with public comments and internal notes, on every read path, through real HTTP. Every cell is
 * asserted: the status code and, where a list or a conversation comes back, exactly which records it holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPolicyMatrixTest extends IntegrationTest {

    enum Role { REQUESTER, CC, ORG_MEMBER_SHARED, ORG_MEMBER_NOT_SHARED, STRANGER, AGENT, ADMIN;
        boolean endUser() {
            return this != AGENT && this != ADMIN;
        }
    }

    enum Kind { PUBLIC, PRIVATE }

    enum Path { TICKET_SHOW, TICKET_COMMENTS, TICKET_AUDITS, TICKETS_SHOW_MANY, REQUESTS_LIST, REQUESTS_CCD, REQUEST_SHOW,
        REQUEST_COMMENTS, REQUEST_SEARCH_FIRST_COMMENT_WORD, REQUEST_SEARCH_INTERNAL_NOTE_WORD, USER_SHOW_REQUESTER, USERS_SEARCH, ATTACHMENT_SHOW, ATTACHMENT_DOWNLOAD }

    /**
     * One ticket of the matrix with the ids and words the assertions need; every comment carries one file
     * ({@code files}: comment id to attachment id, {@code contentPaths}: attachment id to its download path).
     */
    record Case(long id, Set<Long> allComments, Set<Long> publicComments, String firstWord, String noteWord,
                Map<Long, Long> files, Map<Long, String> contentPaths) {
    }

    private Map<Role, User> users;
    private Map<Kind, Case> cases;
    private User requester;
    private User otherRequester;

    private long otherRequestersTicket;

    private synchronized void setUp() {
        if (cases != null) {
            return;
        }
        Organization shared = fixtures.organization("Shared Org", true);
        Organization notShared = fixtures.organization("Closed Org", false);
        requester = fixtures.endUser("Rita Requester", shared);
        otherRequester = fixtures.endUser("Olga Other", notShared);
        User agent = fixtures.agent("Alex Agent");
        users = Map.of(
                Role.REQUESTER, requester,
                Role.CC, fixtures.endUser("Cory Cc"),
                Role.ORG_MEMBER_SHARED, fixtures.endUser("Sam Shared", shared),
                Role.ORG_MEMBER_NOT_SHARED, fixtures.endUser("Nora NotShared", notShared),
                Role.STRANGER, fixtures.endUser("Stan Stranger"),
                Role.AGENT, agent,
                Role.ADMIN, fixtures.admin("Ada Admin"));
        fixtures.privateTicketCreation(true);
        cases = Map.of(Kind.PUBLIC, ticket(agent, requester, true), Kind.PRIVATE, ticket(agent, requester, false));
        // The not-shared organization's member must not see tickets of their organization's requester either.
        otherRequestersTicket = ticket(agent, otherRequester, true).id();
    }

    private Case ticket(User agent, User forRequester, boolean isPublic) {
        String firstWord = Fixtures.unique("firstword").replaceAll("[^a-z0-9]", "");
        String noteWord = Fixtures.unique("noteword").replaceAll("[^a-z0-9]", "");
        long id = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Matrix ticket",
                        "requester_id", forRequester.getId(),
                        "collaborator_ids", List.of(users.get(Role.CC).getId()),
                        "comment", Map.of("body", "First comment " + firstWord, "public", isPublic,
                                "uploads", List.of(upload(agent, "first.txt"))))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Internal note " + noteWord, "public", false,
                        "uploads", List.of(upload(agent, "note.txt"))))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        List<Map<String, Object>> comments = fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json")
                .jsonPath().getList("comments");
        Set<Long> all = new java.util.TreeSet<>();
        Set<Long> pub = new java.util.TreeSet<>();
        Map<Long, Long> files = new java.util.HashMap<>();
        Map<Long, String> paths = new java.util.HashMap<>();
        for (Map<String, Object> c : comments) {
            long cid = ((Number) c.get("id")).longValue();
            all.add(cid);
            @SuppressWarnings("unchecked")
            Map<String, Object> file = ((List<Map<String, Object>>) c.get("attachments")).get(0);
            long fileId = ((Number) file.get("id")).longValue();
            String url = (String) file.get("content_url");
            files.put(cid, fileId);
            paths.put(fileId, url.substring(url.indexOf("/attachments/")));
            if (Boolean.TRUE.equals(c.get("public"))) {
                pub.add(cid);
            }
        }
        assertThat(all).hasSize(2);
        assertThat(pub).hasSize(isPublic ? 1 : 0);
        return new Case(id, all, pub, firstWord, noteWord, files, paths);
    }

    private String upload(User agent, String name) {
        return fixtures.as(agent).contentType("text/plain").body("content of " + name).post("/api/v2/uploads.json?filename=" + name)
                .then().statusCode(201).extract().jsonPath().getString("upload.token");
    }

    @TestFactory
    Stream<DynamicTest> everyRoleTicketAndPath() {
        setUp();
        List<DynamicTest> cells = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Kind kind : Kind.values()) {
                for (Path path : Path.values()) {
                    cells.add(DynamicTest.dynamicTest(role + " × " + kind + " ticket × " + path,
                            () -> assertCell(role, kind, path)));
                }
            }
        }
        return cells.stream();
    }

    @Test
    void v2_aMemberOfAnOrganizationThatDoesNotShareTicketsCannotSeeAColleaguesTicket() {
        setUp();
        User colleague = users.get(Role.ORG_MEMBER_NOT_SHARED);
        expect(get(colleague, "/api/v2/requests/" + otherRequestersTicket + ".json"), 404);
        expect(get(otherRequester, "/api/v2/requests/" + otherRequestersTicket + ".json"), 200);
        assertThat(ids(get(colleague, "/api/v2/requests.json"), "requests")).doesNotContain(otherRequestersTicket);
    }

    /** V2: an end user reaches a ticket only while it is public and they are its requester, a CC, or in its sharing organization. */
    private static boolean reaches(Role role, Kind kind) {
        return kind == Kind.PUBLIC && (role == Role.REQUESTER || role == Role.CC || role == Role.ORG_MEMBER_SHARED);
    }

    private void assertCell(Role role, Kind kind, Path path) {
        User user = users.get(role);
        Case c = cases.get(kind);
        boolean reach = reaches(role, kind);
        switch (path) {
            case TICKET_SHOW -> expect(get(user, "/api/v2/tickets/" + c.id() + ".json"), role.endUser() ? 403 : 200);
            case TICKET_AUDITS -> expect(get(user, "/api/v2/tickets/" + c.id() + "/audits.json"), role.endUser() ? 403 : 200);
            case TICKET_COMMENTS -> {
                Response r = get(user, "/api/v2/tickets/" + c.id() + "/comments.json");
                expect(r, role.endUser() ? 403 : 200);
                if (!role.endUser()) {
                    assertThat(ids(r, "comments")).isEqualTo(c.allComments());
                }
            }
            case TICKETS_SHOW_MANY -> {
                Response r = get(user, "/api/v2/tickets/show_many.json?ids=" + c.id());
                expect(r, role.endUser() ? 403 : 200);
                if (!role.endUser()) {
                    assertThat(ids(r, "tickets")).containsExactly(c.id());
                }
            }
            case REQUESTS_LIST -> {
                Response r = get(user, "/api/v2/requests.json");
                expect(r, 200);
                assertThat(ids(r, "requests").contains(c.id())).isEqualTo(role == Role.REQUESTER && kind == Kind.PUBLIC);
            }
            case REQUESTS_CCD -> {
                Response r = get(user, "/api/v2/requests/ccd.json");
                expect(r, 200);
                assertThat(ids(r, "requests").contains(c.id())).isEqualTo(role == Role.CC && kind == Kind.PUBLIC);
            }
            case REQUEST_SHOW -> {
                Response r = get(user, "/api/v2/requests/" + c.id() + ".json");
                expect(r, reach ? 200 : 404);
                if (reach) {
                    // V1: the description is the first public comment, never an internal note.
                    assertThat(r.jsonPath().getString("request.description")).contains(c.firstWord()).doesNotContain(c.noteWord());
                }
            }
            case REQUEST_COMMENTS -> {
                Response r = get(user, "/api/v2/requests/" + c.id() + "/comments.json");
                expect(r, reach ? 200 : 404);
                if (reach) {
                    assertThat(ids(r, "comments")).isEqualTo(c.publicComments());
                    assertThat(r.asString()).doesNotContain(c.noteWord());
                }
                for (long commentId : c.allComments()) {
                    boolean visible = reach && c.publicComments().contains(commentId);
                    expect(get(user, "/api/v2/requests/" + c.id() + "/comments/" + commentId + ".json"), visible ? 200 : 404);
                }
            }
            case REQUEST_SEARCH_FIRST_COMMENT_WORD -> {
                Response r = get(user, "/api/v2/requests/search.json?query=" + c.firstWord());
                expect(r, 200);
                assertThat(ids(r, "requests").contains(c.id())).isEqualTo(reach);
            }
            case REQUEST_SEARCH_INTERNAL_NOTE_WORD -> {
                // V1: a word that is only in an internal note finds nothing for anyone using the end-user view.
                Response r = get(user, "/api/v2/requests/search.json?query=" + c.noteWord());
                expect(r, 200);
                assertThat(ids(r, "requests")).doesNotContain(c.id());
            }
            case USER_SHOW_REQUESTER -> expect(get(user, "/api/v2/users/" + requester.getId() + ".json"),
                    !role.endUser() || role == Role.REQUESTER ? 200 : 404);
            case USERS_SEARCH -> expect(get(user, "/api/v2/users/search.json?query=Rita"), role.endUser() ? 403 : 200);
            // V1, R11: a file is seen exactly as its comment is; anything else answers as if it did not exist.
            case ATTACHMENT_SHOW -> c.files().forEach((commentId, fileId) -> expect(get(user, "/api/v2/attachments/" + fileId + ".json"),
                    !role.endUser() || (reach && c.publicComments().contains(commentId)) ? 200 : 404));
            case ATTACHMENT_DOWNLOAD -> c.files().forEach((commentId, fileId) -> expect(
                    fixtures.as(user).accept("*/*").urlEncodingEnabled(false).get(c.contentPaths().get(fileId)),
                    !role.endUser() || (reach && c.publicComments().contains(commentId)) ? 200 : 404));
        }
    }

    private Response get(User user, String path) {
        return fixtures.as(user).get(path);
    }

    private static void expect(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    }

    private static Set<Long> ids(Response response, String root) {
        return new java.util.TreeSet<>(response.jsonPath().getList(root + ".id", Long.class));
    }
}
