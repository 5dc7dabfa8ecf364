package org.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.Action;
import org.zendesk.client.v2.model.Audit;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.IdempotentResult;
import org.zendesk.client.v2.model.Identity;
import org.zendesk.client.v2.model.JobResult;
import org.zendesk.client.v2.model.JobStatus;
import org.zendesk.client.v2.model.Macro;
import org.zendesk.client.v2.model.Request;
import org.zendesk.client.v2.model.Ticket;

/**
 * K4: an unchanged Zendesk client (cloudbees zendesk-java-client 1.5.2, from Maven Central) works against
 * Kontor: create on behalf of an end user, comment, list comments, make private, and the end user's requests.
 */
class ZendeskJavaClientTest extends IntegrationTest {
    private final List<Zendesk> clients = new ArrayList<>();

    private Zendesk clientFor(User user) {
        Zendesk zd = new Zendesk.Builder("http://127.0.0.1:" + port).setUsername(user.getEmail()).setToken(fixtures.apiToken()).build();
        clients.add(zd);
        return zd;
    }

    @AfterEach
    void close() {
        clients.forEach(Zendesk::close);
    }

    private static <T> List<T> list(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    @Test
    void roundTripOfAProactiveTicketAndTheRequestersView() {
        fixtures.privateTicketCreation(true);
        User agent = fixtures.agent("Zed Agent");
        Zendesk zd = clientFor(agent);
        assertThat(zd.getCurrentUser().getId()).isEqualTo(agent.getId());

        // R1: a ticket on behalf of a requester given by name and email, created as an end user.
        String email = Fixtures.unique("zed-customer-") + "@example.test";
        Ticket created = zd.createTicket(new Ticket(new Ticket.Requester("Zoe Customer", email), "Replacement router",
                new Comment("We are shipping a replacement today.")));
        assertThat(created.getId()).isNotNull();
        assertThat(created.getSubmitterId()).isEqualTo(agent.getId());
        assertThat(created.getIsPublic()).isTrue();
        long requesterId = created.getRequesterId();
        assertThat(list(zd.lookupUserByEmail(email))).extracting(u -> u.getId()).containsExactly(requesterId);

        // An internal note, then the conversation as the client lists it.
        Comment note = new Comment("Check the warehouse first.");
        note.setPublic(false);
        zd.createComment(created.getId(), note);
        List<Comment> comments = list(zd.getTicketComments(created.getId()));
        assertThat(comments).extracting(Comment::isPublic).containsExactly(true, false);

        // The requester's view: the public ticket, its public comment only (V1).
        User requester = fixtures.users().get(requesterId);
        Zendesk endUser = clientFor(requester);
        assertThat(list(endUser.getRequests())).extracting(Request::getId).contains(created.getId());
        assertThat(list(endUser.getRequestComments(created.getId()))).extracting(Comment::getBody)
                .containsExactly("We are shipping a replacement today.");

        // R17 through the client's only make-private call (by audit id): the ticket goes private...
        List<Audit> audits = list(zd.getTicketAudits(created.getId()));
        assertThat(audits).hasSize(2);
        zd.makePrivateTicketAudit(created.getId(), audits.get(0).getId());
        assertThat(zd.getTicket(created.getId()).getIsPublic()).isFalse();
        // ...and leaves the requester's lists at once (R11).
        assertThat(list(endUser.getRequests())).extracting(Request::getId).doesNotContain(created.getId());

        // R10: a private ticket created by the API, invisible to its requester.
        Comment internal = new Comment("Preparing before we tell the customer.");
        internal.setPublic(false);
        Ticket secret = zd.createTicket(new Ticket(requesterId, "Investigation", internal));
        assertThat(secret.getIsPublic()).isFalse();
        assertThat(list(endUser.getRequests())).extracting(Request::getId).doesNotContain(secret.getId());

        // R15: a public reply publishes it.
        Comment reply = new Comment("We found the cause and fixed it.");
        reply.setPublic(true);
        assertThat(zd.createComment(secret.getId(), reply).getIsPublic()).isTrue();
        assertThat(list(endUser.getRequests())).extracting(Request::getId).contains(secret.getId());
        assertThat(list(endUser.getRequestComments(secret.getId()))).extracting(Comment::getBody)
                .containsExactly("We found the cause and fixed it.");
    }

    @Test
    void updateTicketEchoesEveryFieldAndMissingTicketsAreNull() {
        User agent = fixtures.agent("Zed Updater");
        User customer = fixtures.endUser("Zara Customer");
        Zendesk zd = clientFor(agent);
        Ticket ticket = zd.createTicket(new Ticket(customer.getId(), "Before", new Comment("Hello")));
        ticket.setSubject("After");
        Ticket updated = zd.updateTicket(ticket);
        assertThat(updated.getSubject()).isEqualTo("After");
        assertThat(updated.getIsPublic()).isTrue();
        assertThat(zd.getTicket(987_654_321L)).isNull();
        assertThat(list(zd.getTickets())).extracting(Ticket::getId).contains(ticket.getId());
    }

    @Test
    void createTicketIdempotentReturnsTheFirstTicketOnARetry() {
        User agent = fixtures.agent("Zed Retrier");
        User customer = fixtures.endUser("Zeno Customer");
        Zendesk zd = clientFor(agent);
        String key = Fixtures.unique("zed-key-");
        Ticket ticket = new Ticket(customer.getId(), "Retried", new Comment("Sent twice after a timeout"));

        IdempotentResult<Ticket> first = zd.createTicketIdempotent(ticket, key);
        IdempotentResult<Ticket> retry = zd.createTicketIdempotent(ticket, key);
        assertThat(first.isDuplicateRequest()).isFalse();
        assertThat(retry.isDuplicateRequest()).isTrue();
        assertThat(retry.get().getId()).isEqualTo(first.get().getId());

        Ticket other = new Ticket(customer.getId(), "Something else", new Comment("Another body under the same key"));
        assertThatThrownBy(() -> zd.createTicketIdempotent(other, key))
                .isInstanceOfSatisfying(ZendeskResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getBody()).contains("IdempotentRequestError");
                });
    }

    @Test
    void bulkCallsQueueJobsTheClientPollsToCompletion() throws Exception {
        User agent = fixtures.agent("Zed Bulk");
        User customer = fixtures.endUser("Zia Customer");
        Zendesk zd = clientFor(agent);

        JobStatus created = awaitDone(zd, zd.createTickets(new Ticket(customer.getId(), "One", new Comment("First")),
                new Ticket(customer.getId(), "Two", new Comment("Second"))));
        assertThat(created.getStatus()).isEqualTo(JobStatus.JobStatusEnum.completed);
        List<Long> ids = created.getResults().stream().map(JobResult::getId).toList();
        assertThat(ids).hasSize(2).doesNotContainNull();
        assertThat(created.getResults()).allSatisfy(r -> assertThat(r.getSuccess()).isTrue());

        Ticket change = zd.getTicket(ids.get(0));
        change.setSubject("One, renamed");
        JobStatus updated = awaitDone(zd, zd.updateTickets(change));
        assertThat(updated.getResults()).extracting(JobResult::getStatus).containsExactly("Updated");
        assertThat(zd.getTicket(ids.get(0)).getSubject()).isEqualTo("One, renamed");

        JobStatus deleted = awaitDone(zd, zd.deleteTickets(ids.get(0), ids.get(1)));
        assertThat(deleted.getResults()).extracting(JobResult::getStatus).containsExactly("Deleted", "Deleted");
        assertThat(zd.getTicket(ids.get(0))).isNull();
    }

    @Test
    void deleteUserSoftDeletesAndTheRecordStaysReadableUntilAnAdminDeletesItPermanently() {
        User agent = fixtures.admin("Zed Deleter");
        User customer = fixtures.endUser("Zack Leaving");
        Zendesk zd = clientFor(agent);

        zd.deleteUser(customer.getId());

        org.zendesk.client.v2.model.User after = zd.getUser(customer.getId());
        assertThat(after.getActive()).isFalse();
        assertThat(after.getName()).isEqualTo("Zack Leaving");
        assertThat(after.getEmail()).isNull();

        // The client soft-deletes again (no change), then calls DELETE /deleted_users/{id}; it reads the answer without
        // Zendesk's "deleted_user" envelope, so the object it returns is empty: the record is read back instead.
        zd.permanentlyDeleteUser(customer.getId());
        assertThat(zd.getUser(customer.getId()).getName()).isEqualTo("Permanently deleted user");
    }

    @Test
    void deleteUsersQueuesAJob() throws Exception {
        User agent = fixtures.agent("Zed Bulk Deleter");
        User one = fixtures.endUser("Zoe One");
        User two = fixtures.endUser("Zoe Two");
        Zendesk zd = clientFor(agent);

        JobStatus deleted = awaitDone(zd, zd.deleteUsers(one.getId(), two.getId()));

        assertThat(deleted.getResults()).extracting(JobResult::getStatus).containsExactly("Deleted", "Deleted");
        assertThat(zd.getUser(one.getId()).getActive()).isFalse();
        assertThat(zd.getUser(two.getId()).getActive()).isFalse();
    }

    private static JobStatus awaitDone(Zendesk zd, JobStatus job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JobStatus current = job;
        while (current.getStatus() != JobStatus.JobStatusEnum.completed && current.getStatus() != JobStatus.JobStatusEnum.failed) {
            assertThat(System.currentTimeMillis()).as("job %s still %s", job.getId(), current.getStatus()).isLessThan(deadline);
            Thread.sleep(100);
            current = zd.getJobStatus(current);
        }
        return current;
    }

    @Test
    void macrosCreatedListedAndAppliedThroughTheClient() {
        User admin = fixtures.rootAdminUser();
        User agent = fixtures.agent("Zed Macro");
        Zendesk asAdmin = clientFor(admin);
        Macro macro = new Macro();
        macro.setTitle(Fixtures.unique("Close as solved "));
        macro.setActive(true);
        macro.setActions(List.of(new Action("status", new String[] {"solved"}),
                new Action("comment_value", new String[] {"Solved, {{ticket.requester.first_name}}."})));
        Macro created = asAdmin.createMacro(macro);
        assertThat(created.getId()).isPositive();
        assertThat(created.getActions()).extracting(Action::getField).containsExactly("status", "comment_value");

        Zendesk zd = clientFor(agent);
        assertThat(list(zd.getMacros())).extracting(Macro::getId).contains(created.getId());
        assertThat(zd.getMacro(created.getId()).getTitle()).isEqualTo(created.getTitle());
        Ticket ticket = zd.createTicket(new Ticket(new Ticket.Requester("Zora Macro", Fixtures.unique("zora-") + "@example.test"),
                "Macro target", new Comment("Please close this")));
        Ticket after = zd.macrosShowTicketAfterChanges(ticket.getId(), created.getId());
        assertThat(after.getId()).isEqualTo(ticket.getId());
        assertThat(after.getStatus()).isEqualTo(org.zendesk.client.v2.model.Status.SOLVED);
        assertThat(zd.getTicket(ticket.getId()).getStatus()).isEqualTo(org.zendesk.client.v2.model.Status.NEW);
    }

    @Test
    void identitiesListedAndTheEmailChangedThroughTheClient() {
        Zendesk asAdmin = clientFor(fixtures.rootAdminUser());
        User customer = fixtures.endUser("Ilse Identity");
        List<Identity> identities = asAdmin.getUserIdentities(customer.getId());
        assertThat(identities).extracting(Identity::getType).containsExactly("email");
        Identity email = identities.get(0);
        String moved = Fixtures.unique("ilse-") + "@example.test";
        email.setValue(moved);
        assertThat(asAdmin.updateUserIdentity(customer.getId(), email).getValue()).isEqualTo(moved);
        assertThat(asAdmin.getUser(customer.getId()).getEmail()).isEqualTo(moved);
        assertThat(asAdmin.getUserIdentity(customer.getId(), email.getId()).getValue()).isEqualTo(moved);
    }
}
