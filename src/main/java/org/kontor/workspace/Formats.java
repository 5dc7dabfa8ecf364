package org.kontor.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.kontor.security.KontorUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times in the signed-in agent's time zone, for templates ({@code ${@fmt.dateTime(t.updatedAt)}}). */
@Component("fmt")
public class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone()));
    }

    public String zoneName() {
        return zone().getId();
    }

    static ZoneId zone() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof KontorUser user ? user.zone() : ZoneOffset.UTC;
    }
}
