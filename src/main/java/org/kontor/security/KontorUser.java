package org.kontor.security;

import java.util.Collection;
import java.util.List;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security sees it; carries the {@link Actor} every use case needs. */
public final class KontorUser implements UserDetails {
    private final Actor actor;
    private final String email;
    private final String name;
    private final String passwordHash;
    private final boolean enabled;
    private final String locale;
    private final String timeZone;

    KontorUser(User user) {
        this.actor = Actor.of(user);
        this.email = user.getEmail();
        this.name = user.getName();
        this.passwordHash = user.getPasswordHash();
        this.enabled = user.canSignIn();
        this.locale = user.getLocale();
        this.timeZone = user.getTimeZone();
    }

    public Actor actor() {
        return actor;
    }

    public String name() {
        return name;
    }

    /** The user's language tag ({@code de}, {@code en-US}); the web pages speak it. */
    public String locale() {
        return locale;
    }

    static List<GrantedAuthority> authoritiesOf(Role role) {
        return switch (role) {
            case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_AGENT"));
            case AGENT -> List.of(new SimpleGrantedAuthority("ROLE_AGENT"));
            case END_USER -> List.of(new SimpleGrantedAuthority("ROLE_END_USER"));
        };
    }

    /** The user's time zone (IANA name); UTC when none or an unknown one is set. */
    public java.time.ZoneId zone() {
        if (timeZone != null) {
            try {
                return java.time.ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                // Zendesk-style names ("Berlin") are not IANA ids; show UTC rather than fail.
            }
        }
        return java.time.ZoneOffset.UTC;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(actor.role());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
