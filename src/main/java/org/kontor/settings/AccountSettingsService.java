package org.kontor.settings;

import org.kontor.common.Forbidden;
import org.kontor.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountSettingsService {
    static final String FIRST_COMMENT_PRIVATE = "tickets.is_first_comment_private_enabled";

    private final AccountSettingRepository settings;

    AccountSettingsService(AccountSettingRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public TicketSettings tickets() {
        return new TicketSettings(flag(FIRST_COMMENT_PRIVATE, TicketSettings.DEFAULTS.firstCommentPrivateEnabled()));
    }

    /** R8: only an admin changes the account's settings; null leaves a value as it is. */
    @Transactional
    public TicketSettings updateTickets(Boolean firstCommentPrivateEnabled, Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can change account settings");
        }
        if (firstCommentPrivateEnabled != null) {
            set(FIRST_COMMENT_PRIVATE, firstCommentPrivateEnabled);
        }
        return tickets();
    }

    private boolean flag(String name, boolean fallback) {
        return settings.findById(name).map(s -> Boolean.parseBoolean(s.getValueText())).orElse(fallback);
    }

    private void set(String name, boolean value) {
        settings.findById(name).ifPresentOrElse(s -> s.change(Boolean.toString(value)),
                () -> settings.save(new AccountSetting(name, Boolean.toString(value))));
    }
}
