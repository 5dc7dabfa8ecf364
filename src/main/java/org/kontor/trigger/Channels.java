package org.kontor.trigger;

import java.util.Map;
import org.kontor.ticket.Channel;

/** Zendesk's via values in conditions: channel names, or the numeric via ids of the via-types reference. */
final class Channels {
    private static final Map<String, Channel> BY_ID = Map.of("0", Channel.WEB, "4", Channel.EMAIL, "5", Channel.API,
            "8", Channel.RULE, "44", Channel.VOICE, "45", Channel.VOICE, "46", Channel.VOICE);

    private Channels() {
    }

    static Channel parse(String value) {
        if (value == null) {
            return null;
        }
        Channel byId = BY_ID.get(value.trim());
        return byId != null ? byId : Channel.parse(value).orElse(null);
    }
}
