package org.kontor.settings;

/**
 * The ticket settings of the account. {@code firstCommentPrivateEnabled} is R8's switch: private ticket
 * creation, off by default.
 */
public record TicketSettings(boolean firstCommentPrivateEnabled) {
    static final TicketSettings DEFAULTS = new TicketSettings(false);
}
