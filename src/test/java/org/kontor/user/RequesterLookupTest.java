package org.kontor.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kontor.organization.Organization;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The requester type-ahead (R2) as the new-ticket page calls it: prefixes of name words, email, domain, phone, organization. */
class RequesterLookupTest extends IntegrationTest {
    @Autowired
    UserService users;

    /** A word no other test uses, so lookups for it see only this test's users. */
    private static String token() {
        return Fixtures.unique("ta").toLowerCase(Locale.ROOT) + "x";
    }

    private long user(String name, String email, String phone, Long organizationId) {
        return users.create(new UserDraft(name, email, phone, Role.END_USER, organizationId, null, null, null, null, null, null, null),
                fixtures.adminActor()).getId();
    }

    private List<Long> lookup(String typed) {
        return users.typeahead(typed, 20).stream().map(User::getId).toList();
    }

    @Test
    void r2_theStartOfAnyWordOfTheNameFindsTheUserWhateverTheCase() {
        String t = token();
        long anna = user("Anna " + t + "müller-Lüdenscheidt", null, "+49 89 1", null);
        assertThat(lookup(t)).containsExactly(anna);
        assertThat(lookup(t.toUpperCase(Locale.ROOT) + "MÜL")).containsExactly(anna);
        assertThat(lookup("lüdensch " + t)).containsExactly(anna);
        assertThat(lookup("ann " + t)).containsExactly(anna);
        assertThat(lookup(t + "müller-lü")).as("a compound word while it is typed").containsExactly(anna);
        assertThat(lookup("(" + t + "müller-lüdenscheidt),")).containsExactly(anna);
        assertThat(lookup(t.substring(1))).as("the middle of a word is not its start").isEmpty();
    }

    @Test
    void r2_everyTypedWordMustMatchSomething() {
        String t = token();
        long berg = user(t + " Anna Berg", t + ".berg@example.test", null, null);
        long lind = user(t + " Anna Lind", t + ".lind@example.test", null, null);
        assertThat(lookup(t + " anna")).containsExactlyInAnyOrder(berg, lind);
        assertThat(lookup(t + " anna be")).containsExactly(berg);
        assertThat(lookup(t + " nobody")).isEmpty();
    }

    @Test
    void r2_theEmailAddressFromItsStart() {
        String t = token();
        long hit = user("Emil Mail", "jane." + t + "@example.test", null, null);
        assertThat(lookup("jane." + t)).containsExactly(hit);
        assertThat(lookup("JANE." + t + "@exa")).containsExactly(hit);
        assertThat(lookup("jane." + t + "@example.test")).containsExactly(hit);
    }

    @Test
    void r2_aBareDomainFindsItsUsersAndSubdomainsButNoLookAlike() {
        String domain = token() + ".test";
        long first = user("Dora Domain", "dora@" + domain, null, null);
        long second = user("Dirk Domain", "dirk@" + domain, null, null);
        long subdomain = user("Sven Sub", "sven@mail." + domain, null, null);
        long lookalike = user("Nora Lookalike", "nora@not" + domain, null, null);
        assertThat(lookup(domain)).containsExactlyInAnyOrder(first, second, subdomain).doesNotContain(lookalike);
        assertThat(lookup("@" + domain)).containsExactlyInAnyOrder(first, second);
        assertThat(lookup("@" + domain.substring(0, 5))).containsExactlyInAnyOrder(first, second);
        assertThat(lookup(domain.toUpperCase(Locale.ROOT))).containsExactlyInAnyOrder(first, second, subdomain);
        assertThat(lookup("not" + domain)).containsExactly(lookalike);
    }

    @Test
    void r2_aDomainStillMatchesWhileItIsTypedUpToTheDot() {
        String t = token();
        long hit = user("Hugo Hyphen", "hugo@acme-" + t + ".test", null, null);
        for (String typed : List.of("acme-" + t.substring(0, 3), "acme-" + t, "acme-" + t + ".", "acme-" + t + ".te")) {
            assertThat(lookup(typed + " hugo")).as(typed).containsExactly(hit);
        }
    }

    @Test
    void r2_phoneDigitsMatchWhateverTheFormattingFromTheStartOrTheEnd() {
        String local = String.valueOf(System.nanoTime() % 9_000_000L + 1_000_000L);
        long phil = user("Phil Phone", null, "+49 (30) " + local.substring(0, 3) + "-" + local.substring(3), null);
        assertThat(lookup("4930 " + local.substring(0, 4))).containsExactly(phil);
        assertThat(lookup("(+49) 30/" + local)).containsExactly(phil);
        assertThat(lookup("+4930" + local)).containsExactly(phil);
        assertThat(lookup("030 " + local)).as("the national form ends like the international one").containsExactly(phil);
        assertThat(lookup("4931 " + local.substring(0, 4))).doesNotContain(phil);
    }

    @Test
    void r2_theStartOfAWordOfTheOrganizationNameFindsItsMembers() {
        String t = token();
        Organization org = fixtures.organization("Globex " + t + " Research", false);
        long member = user("Mia Member", Fixtures.unique("mia-") + "@example.test", null, org.getId());
        long outsider = user("Otto " + t, Fixtures.unique("otto-") + "@example.test", null, null);
        assertThat(lookup(t)).containsExactlyInAnyOrder(member, outsider);
        assertThat(lookup(org.getName())).containsExactly(member);
        assertThat(lookup("mia " + t)).containsExactly(member);
    }

    @Test
    void r2_exactMatchesComeFirstThenNameMatches() {
        String t = token();
        long longer = user("Aaron " + t + "son", Fixtures.unique("a-") + "@example.test", null, null);
        long byEmail = user("Zoe Zed", t + "@example.test", null, null);
        long exact = user("Zelda " + t, Fixtures.unique("z-") + "@example.test", null, null);
        assertThat(lookup(t)).containsExactly(exact, longer, byEmail);
    }

    @Test
    void r2_aRenamedUserIsFoundByTheNewNameOnly() {
        String before = token();
        String after = token();
        long id = user("Rita " + before, null, "+49 40 123456", null);
        users.update(id, new UserDraft("Rita " + after, null, "+49 40 654321", null, null, null, null, null, null, null, null, null),
                fixtures.adminActor());
        assertThat(lookup(before)).isEmpty();
        assertThat(lookup(after)).containsExactly(id);
        assertThat(lookup("4940 6543")).contains(id);
        assertThat(lookup("4940 123456")).doesNotContain(id);
    }

    @Test
    void r2_resultsAreLimited() {
        String t = token();
        for (int i = 0; i < 5; i++) {
            user("Many " + t + i, null, "+1 555 01" + i, null);
        }
        assertThat(users.typeahead(t, 3)).hasSize(3);
    }
}
