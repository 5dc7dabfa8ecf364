package org.kontor.security;

import org.kontor.user.UserSignInsRevoked;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The web pages' sessions, tracked per user so that a password change ends every session the user had: the next
 * request of such a session goes to the sign-in page. (The API signs in on every request and needs nothing here.)
 */
@Configuration
class WebSessions {
    private final SessionRegistry registry = new SessionRegistryImpl();

    @Bean
    SessionRegistry sessionRegistry() {
        return registry;
    }

    /** Lets the registry forget sessions that time out or sign out. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UserSignInsRevoked e) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof KontorUser user && user.actor().id() == e.userId()) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
