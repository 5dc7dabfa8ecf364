package org.kontor.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.NotFound;
import org.kontor.common.RuleViolation;
import org.kontor.organization.Organization;
import org.kontor.search.SearchService;
import org.kontor.support.IntegrationTest;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.NewTicket;
import org.kontor.ticket.TicketInput.TicketChanges;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.domain.Specification;

/**
 * Model-based test of R10–R19 and V1–V2: seeded random sequences of operations (create public and private
 * tickets, comment with and without {@code public}, end-user replies, make_private, CCs, the R8 setting)
 * run against the real services and database, and after every step the system must agree with a small
 * model of the rules. Replay a failure with {@code -Dkontor.model.seed=SEED}; more steps with
 * {@code -Dkontor.model.steps=N}.
 */
class TicketRulesModelTest extends IntegrationTest {
    private static final PageParams ALL = new PageParams(false, 1, 100, null, null);
    private static final Paging.Ordering BY_ID = new Paging.Ordering(Paging.SortKey.ID, true);

    @Autowired
    TicketService tickets;
    @Autowired
    VisibleTickets visible;
    @Autowired
    SearchService search;
    @Autowired
    AccessPolicy policy;

    /** An end user of the model: whether their organization shares tickets decides what colleagues see. */
    record Person(User user, Long organizationId, boolean organizationShares) {
        Actor actor() {
            return Actor.of(user);
        }
    }

    static final class ModelComment {
        final long id;
        final String word;
        boolean isPublic;

        ModelComment(long id, String word, boolean isPublic) {
            this.id = id;
            this.word = word;
            this.isPublic = isPublic;
        }
    }

    static final class ModelTicket {
        long id;
        Person requester;
        Long organizationId;
        Set<Long> ccs = new LinkedHashSet<>();
        boolean isPublic;
        int publicEver;
        int publicNow;
        boolean madePublicFromPrivate;
        List<ModelComment> comments = new ArrayList<>();

        boolean visibleTo(Person p) {
            if (!isPublic) {
                return false;
            }
            long me = p.user().getId();
            return requester.user().getId() == me || ccs.contains(me)
                    || (p.organizationShares() && p.organizationId() != null && p.organizationId().equals(organizationId));
        }

        Set<Long> publicCommentIds() {
            Set<Long> ids = new TreeSet<>();
            comments.stream().filter(c -> c.isPublic).forEach(c -> ids.add(c.id));
            return ids;
        }

        void recordComment(long id, String word, boolean pub) {
            comments.add(new ModelComment(id, word, pub));
            if (pub) {
                publicEver++;
                publicNow++;
                if (!isPublic) {
                    isPublic = true;
                    madePublicFromPrivate = true;
                }
            }
        }
    }

    private Random random;
    private List<Person> people;
    private User agentUser;
    private Actor agent;
    private final List<ModelTicket> model = new ArrayList<>();
    private boolean privateCreationEnabled;
    private int wordCounter;
    private final List<String> history = new ArrayList<>();

    @Test
    void r10ToR19AndV1V2HoldAfterEveryStepOfRandomSequences() {
        long seed = Long.getLong("kontor.model.seed", System.nanoTime());
        int steps = Integer.getInteger("kontor.model.steps", 3000);
        random = new Random(seed);
        setUpPeople();
        for (int step = 1; step <= steps; step++) {
            try {
                step(step);
            } catch (AssertionError | RuntimeException e) {
                int from = Math.max(0, history.size() - 15);
                fail("Model test failed at step " + step + " with seed " + seed + " (replay with -Dkontor.model.seed=" + seed
                        + ")\nlast steps:\n  " + String.join("\n  ", history.subList(from, history.size())), e);
            }
        }
        // The run must have exercised every rule, or it proved little.
        assertThat(model).isNotEmpty();
        assertThat(model.stream().anyMatch(t -> t.madePublicFromPrivate)).as("some ticket was made public (R15)").isTrue();
        assertThat(model.stream().anyMatch(t -> !t.isPublic && t.publicEver > 0)).as("some ticket went private (R17)").isTrue();
        assertThat(history.stream().anyMatch(h -> h.contains("refused R16"))).as("R16 was tried").isTrue();
        assertThat(history.stream().anyMatch(h -> h.contains("refused R10"))).as("R10 was tried").isTrue();
    }

    private void setUpPeople() {
        Organization shared = fixtures.organization("Model Shared", true);
        Organization closed = fixtures.organization("Model Closed", false);
        people = List.of(
                new Person(fixtures.endUser("Model Ann", shared), shared.getId(), true),
                new Person(fixtures.endUser("Model Ben", shared), shared.getId(), true),
                new Person(fixtures.endUser("Model Cid"), null, false),
                new Person(fixtures.endUser("Model Dee", closed), closed.getId(), false),
                new Person(fixtures.endUser("Model Eve", closed), closed.getId(), false));
        agentUser = fixtures.agent("Model Agent");
        agent = Actor.of(agentUser);
        privateCreationEnabled = random.nextBoolean();
        fixtures.privateTicketCreation(privateCreationEnabled);
    }

    private void step(int step) {
        int dice = random.nextInt(100);
        ModelTicket touched;
        if (model.isEmpty() || dice < 18) {
            touched = create();
        } else if (dice < 45) {
            touched = agentComment(pickTicket());
        } else if (dice < 55) {
            touched = endUserReply(pickTicket(), pickPerson());
        } else if (dice < 72) {
            touched = makePrivate(pickTicket());
        } else if (dice < 80) {
            touched = addCc(pickTicket(), pickPerson());
        } else if (dice < 85) {
            privateCreationEnabled = !privateCreationEnabled;
            fixtures.privateTicketCreation(privateCreationEnabled);
            history.add("setting private creation " + privateCreationEnabled);
            touched = null;
        } else {
            touched = pickTicket();
            history.add("probe #" + touched.id);
        }
        if (touched != null) {
            check(touched, pickPerson());
        }
        if (step % 500 == 0) {
            model.forEach(t -> check(t, null));
            checkLists();
        }
    }

    private ModelTicket pickTicket() {
        return model.get(random.nextInt(model.size()));
    }

    private Person pickPerson() {
        return people.get(random.nextInt(people.size()));
    }

    private String word() {
        return "w" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + (++wordCounter);
    }

    private ModelTicket create() {
        Person requester = pickPerson();
        boolean firstPublic = random.nextInt(3) > 0;
        List<TicketInput.CcInput> ccs = new ArrayList<>();
        for (Person p : people) {
            if (p != requester && random.nextInt(4) == 0) {
                ccs.add(new TicketInput.CcInput(p.user().getId(), null, null, false));
            }
        }
        String word = word();
        NewTicket input = new NewTicket("Model ticket", new CommentInput("First " + word, null, firstPublic, null),
                requester.user().getId(), null, null, null, null, null, null, null, null, List.of(), ccs, null, null, Channel.API);
        if (!firstPublic && !privateCreationEnabled) {
            try {
                tickets.create(input, agent);
                fail("R10: a private create was accepted while the setting is off");
            } catch (RuleViolation e) {
                assertThat(e.rule()).isEqualTo("R10");
            }
            history.add("create private for " + requester.user().getName() + ": refused R10");
            return null;
        }
        TicketService.Change change = tickets.create(input, agent);
        ModelTicket t = new ModelTicket();
        t.id = change.ticket().getId();
        t.requester = requester;
        t.organizationId = requester.organizationId();
        t.isPublic = firstPublic;
        ccs.forEach(cc -> t.ccs.add(cc.userId()));
        t.recordComment(onlyCommentOf(t.id), word, firstPublic);
        model.add(t);
        history.add("create #" + t.id + (firstPublic ? " public" : " private") + " for " + requester.user().getName() + " ccs " + t.ccs);
        return t;
    }

    private long onlyCommentOf(long ticketId) {
        List<Comment> comments = visible.comments(agentView(), ticketId, ALL, BY_ID, null).items();
        assertThat(comments).hasSize(1);
        return comments.get(0).getId();
    }

    private long newestCommentId(long ticketId) {
        List<Comment> comments = visible.comments(agentView(), ticketId, ALL, BY_ID, null).items();
        return comments.get(comments.size() - 1).getId();
    }

    private ModelTicket agentComment(ModelTicket t) {
        int choice = random.nextInt(3);
        Boolean requested = choice == 0 ? null : choice == 1;
        String word = word();
        tickets.update(t.id, changes(new CommentInput("Agent " + word, null, requested, null), null), agent);
        // R12: without an explicit choice the comment follows the ticket.
        boolean effective = requested != null ? requested : t.isPublic;
        t.recordComment(newestCommentId(t.id), word, effective);
        history.add("agent comment public=" + requested + " on #" + t.id + " -> " + (effective ? "public" : "internal"));
        return t;
    }

    private ModelTicket endUserReply(ModelTicket t, Person p) {
        Viewer viewer = policy.endUserView(p.actor());
        if (!t.visibleTo(p)) {
            try {
                visible.ticket(viewer, t.id);
                fail("V2: " + p.user().getName() + " reached ticket #" + t.id + " which the rules hide from them");
            } catch (NotFound expected) {
                history.add("reply by " + p.user().getName() + " on #" + t.id + ": not found (hidden)");
            }
            return t;
        }
        String word = word();
        Ticket ticket = visible.ticket(viewer, t.id);
        tickets.updateAsRequester(ticket, new CommentInput("Reply " + word, null, null, null), false, List.of(), p.actor());
        t.recordComment(newestCommentId(t.id), word, true);
        history.add("reply by " + p.user().getName() + " on #" + t.id);
        return t;
    }

    private ModelTicket makePrivate(ModelTicket t) {
        ModelComment c = t.comments.get(random.nextInt(t.comments.size()));
        if (!c.isPublic) {
            tickets.makeCommentPrivate(t.id, c.id, agent);
            history.add("make_private of internal note " + c.id + " on #" + t.id + ": no-op");
            return t;
        }
        if (t.madePublicFromPrivate && t.publicNow <= 1) {
            try {
                tickets.makeCommentPrivate(t.id, c.id, agent);
                fail("R16: the last public comment of ticket #" + t.id + " (made public from private) became internal");
            } catch (RuleViolation e) {
                assertThat(e.rule()).isEqualTo("R16");
            }
            history.add("make_private " + c.id + " on #" + t.id + ": refused R16");
            return t;
        }
        tickets.makeCommentPrivate(t.id, c.id, agent);
        c.isPublic = false;
        t.publicNow--;
        if (t.isPublic && t.publicEver <= 1 && t.publicNow == 0) {
            t.isPublic = false;
        }
        history.add("make_private " + c.id + " on #" + t.id + " -> ticket " + (t.isPublic ? "public" : "private"));
        return t;
    }

    private ModelTicket addCc(ModelTicket t, Person p) {
        List<Long> ccs = new ArrayList<>(t.ccs);
        ccs.add(p.user().getId());
        tickets.update(t.id, changes(null, ccs), agent);
        if (p != t.requester) {
            t.ccs.add(p.user().getId());
        }
        history.add("cc " + p.user().getName() + " on #" + t.id);
        return t;
    }

    private static TicketChanges changes(CommentInput comment, List<Long> collaboratorIds) {
        return new TicketChanges(null, comment, null, null, null, null, null, null, null, null, null, null, null, null,
                collaboratorIds, null, null, null, false, null, Channel.API);
    }

    private Viewer agentView() {
        return policy.viewerFor(agent);
    }

    /**
     * The system agrees with the model on one ticket, for the agent and for every end user. Search is the slow
     * probe, so after a step only one end user searches; at checkpoints ({@code searcher} null) everyone does.
     */
    private void check(ModelTicket t, Person searcher) {
        Ticket ticket = visible.ticket(agentView(), t.id);
        assertThat(ticket.isPublic()).as("is_public of #" + t.id).isEqualTo(t.isPublic);
        Set<Long> all = new TreeSet<>();
        t.comments.forEach(c -> all.add(c.id));
        assertThat(ids(visible.comments(agentView(), t.id, ALL, BY_ID, null).items())).as("agent sees every comment").isEqualTo(all);
        for (Person p : people) {
            Viewer viewer = policy.endUserView(p.actor());
            boolean expected = t.visibleTo(p);
            assertThat(visible.findTicket(viewer, t.id).isPresent())
                    .as("V2/R11/R19: %s sees #%d", p.user().getName(), t.id).isEqualTo(expected);
            if (expected) {
                assertThat(ids(visible.comments(viewer, t.id, ALL, BY_ID, null).items()))
                        .as("V1: %s sees only public comments of #%d", p.user().getName(), t.id).isEqualTo(t.publicCommentIds());
                // R17 can leave a public ticket without any public comment: then there is no description either.
                assertThat(visible.firstReadableComment(viewer, ticket).map(Comment::getId))
                        .isEqualTo(t.comments.stream().filter(c -> c.isPublic).findFirst().map(c -> c.id));
            }
            if (searcher != null && searcher != p) {
                continue;
            }
            ModelComment probe = t.comments.get(random.nextInt(t.comments.size()));
            boolean found = search.requests(viewer, probe.word, List.of(), ALL, BY_ID).items().stream()
                    .anyMatch(x -> x.getId() == t.id);
            assertThat(found).as("V1: search by a word of comment %d (public=%s) on #%d as %s", probe.id, probe.isPublic, t.id,
                    p.user().getName()).isEqualTo(expected && probe.isPublic);
        }
    }

    /** My requests and CC'd requests hold exactly the visible tickets (R6b, R11, R19). */
    private void checkLists() {
        for (Person p : people) {
            Viewer viewer = policy.endUserView(p.actor());
            long me = p.user().getId();
            Set<Long> requested = new TreeSet<>();
            Set<Long> ccd = new TreeSet<>();
            for (ModelTicket t : model) {
                if (t.isPublic && t.requester == p) {
                    requested.add(t.id);
                }
                if (t.isPublic && t.ccs.contains(me)) {
                    ccd.add(t.id);
                }
            }
            Specification<Ticket> mine = (root, q, cb) -> cb.equal(root.get("requesterId"), me);
            Specification<Ticket> ccOf = (root, q, cb) -> cb.isMember(me, root.<java.util.Collection<Long>>get("collaboratorIds"));
            assertThat(allIds(viewer, mine)).as("My requests of " + p.user().getName()).isEqualTo(requested);
            assertThat(allIds(viewer, ccOf)).as("CC'd requests of " + p.user().getName()).isEqualTo(ccd);
        }
    }

    private Set<Long> allIds(Viewer viewer, Specification<Ticket> filter) {
        Set<Long> ids = new TreeSet<>();
        PageParams params = new PageParams(true, 1, 100, null, null);
        while (true) {
            Paging.Result<Ticket> page = visible.tickets(viewer, filter, params, BY_ID);
            page.items().forEach(t -> ids.add(t.getId()));
            if (!page.hasMore()) {
                return ids;
            }
            params = new PageParams(true, 1, 100, page.afterCursor(), null);
        }
    }

    private static Set<Long> ids(List<Comment> comments) {
        Set<Long> ids = new TreeSet<>();
        comments.forEach(c -> ids.add(c.getId()));
        return ids;
    }
}
