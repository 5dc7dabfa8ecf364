package org.kontor.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kontor.common.RuleViolation;

/** The visibility rules in isolation; the integration tests prove them again through every path. */
class TicketPrivacyTest {

    @Test
    void r10_privateCreationIsRefusedWhileTheSettingIsOff() {
        assertThatThrownBy(() -> TicketPrivacy.forNewTicket(false, false))
                .isInstanceOf(RuleViolation.class).extracting("rule").isEqualTo("R10");
    }

    @Test
    void r10_privateCreationIsAllowedWhenTheSettingIsOn() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(false, true);
        privacy.recordComment(false);
        assertThat(privacy.isPublic()).isFalse();
    }

    @Test
    void r12_commentsFollowThePrivateTicketUnlessAnAgentSaysPublic() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(false, true);
        assertThat(privacy.commentIsPublic(null, true)).isFalse();
        assertThat(privacy.commentIsPublic(true, true)).isTrue();
        // An end user (email reply, integration) cannot publish a private ticket.
        assertThat(privacy.commentIsPublic(true, false)).isFalse();
    }

    @Test
    void r12_commentsFollowThePublicTicketByDefault() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(true, false);
        privacy.recordComment(true);
        assertThat(privacy.commentIsPublic(null, true)).isTrue();
        assertThat(privacy.commentIsPublic(false, true)).isFalse();
    }

    @Test
    void r15_aPublicReplyMakesAPrivateTicketPublic() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(false, true);
        privacy.recordComment(false);
        assertThat(privacy.recordComment(true)).isEqualTo(TicketPrivacy.Transition.MADE_PUBLIC);
        assertThat(privacy.isPublic()).isTrue();
        assertThat(privacy.wasMadePublicFromPrivate()).isTrue();
    }

    @Test
    void r16_aTicketMadePublicFromPrivateNeverGoesPrivateAgain() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(false, true);
        privacy.recordComment(false);
        privacy.recordComment(true);
        assertThat(privacy.canCommentBeMadePrivate()).isFalse();
        assertThatThrownBy(privacy::recordCommentMadePrivate)
                .isInstanceOf(RuleViolation.class).extracting("rule").isEqualTo("R16");
        assertThat(privacy.isPublic()).isTrue();
    }

    @Test
    void r16_aFurtherPublicCommentOfSuchATicketMayBeHiddenButNotTheLastOne() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(false, true);
        privacy.recordComment(false);
        privacy.recordComment(true);
        privacy.recordComment(true);
        assertThat(privacy.recordCommentMadePrivate()).isEqualTo(TicketPrivacy.Transition.NONE);
        assertThatThrownBy(privacy::recordCommentMadePrivate).isInstanceOf(RuleViolation.class);
        assertThat(privacy.isPublic()).isTrue();
    }

    @Test
    void r17_aPublicTicketWithOnePublicCommentGoesPrivateWithIt() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(true, false);
        privacy.recordComment(true);
        assertThat(privacy.makingCommentPrivateWouldHideTicket()).isTrue();
        assertThat(privacy.recordCommentMadePrivate()).isEqualTo(TicketPrivacy.Transition.MADE_PRIVATE);
        assertThat(privacy.isPublic()).isFalse();
    }

    @Test
    void r17_aTicketThatHasHadTwoPublicCommentsStaysPublic() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(true, false);
        privacy.recordComment(true);
        privacy.recordComment(true);
        assertThat(privacy.makingCommentPrivateWouldHideTicket()).isFalse();
        assertThat(privacy.recordCommentMadePrivate()).isEqualTo(TicketPrivacy.Transition.NONE);
        assertThat(privacy.recordCommentMadePrivate()).isEqualTo(TicketPrivacy.Transition.NONE);
        // Both public comments are now internal notes, yet the ticket has had two: it stays public.
        assertThat(privacy.isPublic()).isTrue();
    }

    @Test
    void r17_afterGoingPrivateTheTicketCanBePublishedAgainAndThenR16Holds() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(true, false);
        privacy.recordComment(true);
        privacy.recordCommentMadePrivate();
        assertThat(privacy.recordComment(true)).isEqualTo(TicketPrivacy.Transition.MADE_PUBLIC);
        assertThatThrownBy(privacy::recordCommentMadePrivate).isInstanceOf(RuleViolation.class);
    }

    @Test
    void internalNotesNeverChangeTheTicket() {
        TicketPrivacy privacy = TicketPrivacy.forNewTicket(false, true);
        assertThat(privacy.recordComment(false)).isEqualTo(TicketPrivacy.Transition.NONE);
        assertThat(privacy.isPublic()).isFalse();
    }
}
