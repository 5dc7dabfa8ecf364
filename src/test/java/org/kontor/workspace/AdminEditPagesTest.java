package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** The admin edit actions are admins' only and CSRF-protected; a deactivated agent's sign-in fails on the web too. */
class AdminEditPagesTest extends IntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.kontor.group.GroupService groups;

    private static final String PASSWORD = "admin-edit-password";

    private static String csrf(Response page) {
        String html = page.asString();
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        return html.substring(value, html.indexOf('"', value));
    }

    private Response attempt(User user) {
        fixtures.users().setPassword(user.getId(), PASSWORD, fixtures.adminActor());
        Response page = anonymous().get("/login");
        return anonymous().cookies(page.cookies()).formParam("username", user.getEmail()).formParam("password", PASSWORD)
                .formParam("_csrf", csrf(page)).redirects().follow(false).post("/login");
    }

    private String signIn(User user) {
        Response ok = attempt(user);
        assertThat(ok.header("Location")).doesNotContain("/login");
        return ok.cookie("JSESSIONID");
    }

    @Test
    @DisplayName("Saving a group changes only the agents its form listed: a member the form did not show stays a member")
    void aGroupFormChangesOnlyTheAgentsItShowed() {
        Group group = fixtures.group("Roster Group");
        User listedMember = fixtures.agent("Listed Member");
        User unlistedMember = fixtures.agent("Unlisted Member");
        User newcomer = fixtures.agent("Newcomer Member");
        groups.addMember(listedMember.getId(), group.getId(), false);
        groups.addMember(unlistedMember.getId(), group.getId(), false);
        String adminSession = signIn(fixtures.admin("Roster Admin"));
        Response edit = anonymous().cookie("JSESSIONID", adminSession).get("/admin/groups/" + group.getId());
        assertThat(edit.asString()).contains("Unlisted Member");

        // As if the roster had been too long to list the second member: the form shows the other two only.
        Response saved = anonymous().cookie("JSESSIONID", adminSession).formParam("_csrf", csrf(edit))
                .formParam("name", "Roster Group").formParam("description", "")
                .formParam("shownIds", listedMember.getId()).formParam("shownIds", newcomer.getId())
                .formParam("memberIds", newcomer.getId())
                .redirects().follow(false).post("/admin/groups/" + group.getId());
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(groups.isMember(listedMember.getId(), group.getId())).isFalse();
        assertThat(groups.isMember(newcomer.getId(), group.getId())).isTrue();
        assertThat(groups.isMember(unlistedMember.getId(), group.getId())).isTrue();
    }

    @Test
    @DisplayName("Agents get 403 on the edit pages and actions; a POST without the CSRF token is refused and changes nothing")
    void editActionsAreAdminsOnlyAndCsrfProtected() {
        User target = fixtures.agent("Protected Agent");
        Group group = fixtures.group("Protected Group");
        String agentSession = signIn(fixtures.agent("Curious Agent"));
        for (String path : new String[] {"/admin/agents/" + target.getId(), "/admin/groups/" + group.getId()}) {
            assertThat(anonymous().cookie("JSESSIONID", agentSession).redirects().follow(false).get(path).statusCode())
                    .as(path).isEqualTo(403);
        }
        Response page = anonymous().cookie("JSESSIONID", agentSession).get("/agent/views/all-unsolved");
        assertThat(anonymous().cookie("JSESSIONID", agentSession).formParam("_csrf", csrf(page)).redirects().follow(false)
                .post("/admin/agents/" + target.getId() + "/deactivate").statusCode()).isEqualTo(403);

        String adminSession = signIn(fixtures.admin("Careful Admin"));
        assertThat(anonymous().cookie("JSESSIONID", adminSession).redirects().follow(false)
                .post("/admin/agents/" + target.getId() + "/deactivate").statusCode()).isEqualTo(403);
        assertThat(fixtures.users().get(target.getId()).isSuspended()).isFalse();

        Response edit = anonymous().cookie("JSESSIONID", adminSession).get("/admin/agents/" + target.getId());
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(anonymous().cookie("JSESSIONID", adminSession).formParam("_csrf", csrf(edit)).redirects().follow(false)
                .post("/admin/agents/" + target.getId() + "/deactivate").statusCode()).isEqualTo(302);
        assertThat(fixtures.users().get(target.getId()).isSuspended()).isTrue();
        assertThat(attempt(target).header("Location")).contains("/login");
    }

    @Test
    @DisplayName("End users and other records are not agents: their edit page answers 404")
    void onlyAgentsHaveAnAgentPage() {
        String adminSession = signIn(fixtures.admin("Looking Admin"));
        User customer = fixtures.endUser("Not An Agent");
        assertThat(anonymous().cookie("JSESSIONID", adminSession).get("/admin/agents/" + customer.getId()).statusCode()).isEqualTo(404);
        assertThat(anonymous().cookie("JSESSIONID", adminSession).get("/admin/groups/999999999").statusCode()).isEqualTo(404);
    }
}
