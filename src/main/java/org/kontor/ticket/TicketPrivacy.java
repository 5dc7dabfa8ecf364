package org.kontor.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.kontor.common.RuleViolation;

/**
 * Whether end users may see a ticket, and every rule that changes it (PRODUCT.md R10, R12, R15–R18). This is
 * the only place these rules are decided; the ticket aggregate asks it, nothing else writes these fields.
 */
@Embeddable
public class TicketPrivacy {
    @Column(name = "is_public")
    private boolean isPublic;
    /** Public comments the ticket has ever had, including ones later made private (R17 counts these). */
    private int publicCommentsEver;
    /** Comments that are public right now. */
    private int publicCommentsNow;
    /** Set when a public reply turned a private ticket public; R16 then forbids going back. */
    private boolean madePublicFromPrivate;

    /** What a change did to the ticket's visibility, so the aggregate can record it (V3) and raise events. */
    public enum Transition { NONE, MADE_PUBLIC, MADE_PRIVATE }

    protected TicketPrivacy() {
    }

    /** R8/R10: a private ticket starts with an internal note, and only while the account allows it. */
    static TicketPrivacy forNewTicket(boolean firstCommentPublic, boolean privateCreationEnabled) {
        if (!firstCommentPublic && !privateCreationEnabled) {
            throw new RuleViolation("R10", "comment",
                    "Private ticket creation is turned off for this account: the first comment must be public."
                            + " An admin can turn it on (account setting tickets.is_first_comment_private_enabled).");
        }
        TicketPrivacy privacy = new TicketPrivacy();
        privacy.isPublic = firstCommentPublic;
        return privacy;
    }

    /**
     * R12: the visibility of a new comment. An agent's explicit choice wins; otherwise the comment follows the
     * ticket, so every further comment on a private ticket is an internal note. End users (email replies,
     * integrations acting for them) never choose: on a private ticket their comment stays internal, because only
     * an agent's public reply may publish a ticket (R15).
     */
    boolean commentIsPublic(Boolean requested, boolean byAgent) {
        if (byAgent && requested != null) {
            return requested;
        }
        return isPublic;
    }

    /** R12: the composer's starting mode for the next comment: internal note while the ticket is private. */
    public boolean nextCommentStartsPublic() {
        return commentIsPublic(null, true);
    }

    /** R15: the first public comment on a private ticket makes it public, for good (R16). */
    Transition recordComment(boolean publicComment) {
        if (!publicComment) {
            return Transition.NONE;
        }
        publicCommentsEver++;
        publicCommentsNow++;
        if (!isPublic) {
            isPublic = true;
            madePublicFromPrivate = true;
            return Transition.MADE_PUBLIC;
        }
        return Transition.NONE;
    }

    /**
     * R16/R17: a public comment becomes an internal note. A ticket that has had at most one public comment goes
     * private with it; one that has had more stays public. A ticket made public from private refuses to lose
     * its last public comment.
     */
    Transition recordCommentMadePrivate() {
        if (madePublicFromPrivate && publicCommentsNow <= 1) {
            throw new RuleViolation("R16",
                    "This ticket was made public from private and can never be made private again;"
                            + " its last public comment cannot become an internal note.");
        }
        publicCommentsNow--;
        if (isPublic && publicCommentsEver <= 1 && publicCommentsNow == 0) {
            isPublic = false;
            return Transition.MADE_PRIVATE;
        }
        return Transition.NONE;
    }

    /** R11/R19: end users (requester, CCs, organization) may see the ticket only while it is public. */
    public boolean isPublic() {
        return isPublic;
    }

    public boolean wasMadePublicFromPrivate() {
        return madePublicFromPrivate;
    }

    public int publicCommentsEver() {
        return publicCommentsEver;
    }

    public int publicCommentsNow() {
        return publicCommentsNow;
    }

    /** R16/R17 as a question the agent interface can ask before offering "Make private". */
    public boolean canCommentBeMadePrivate() {
        return !(madePublicFromPrivate && publicCommentsNow <= 1);
    }

    /** Would converting a public comment now turn the whole ticket private (R17)? */
    public boolean makingCommentPrivateWouldHideTicket() {
        return canCommentBeMadePrivate() && isPublic && publicCommentsEver <= 1 && publicCommentsNow == 1;
    }
}
