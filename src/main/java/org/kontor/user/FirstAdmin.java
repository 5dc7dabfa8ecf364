package org.kontor.user;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start, when no admin exists, creates one from KONTOR_ADMIN_EMAIL / KONTOR_ADMIN_PASSWORD, or with a
 * generated password printed once, so a new installation can be signed in to without any set-up.
 */
@Component
class FirstAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String DEFAULT_EMAIL = "admin@kontor.local";

    private final UserService users;
    private final String email;
    private final String password;

    FirstAdmin(UserService users, @Value("${kontor.admin.email:}") String email, @Value("${kontor.admin.password:}") String password) {
        this.users = users;
        this.email = email == null || email.isBlank() ? DEFAULT_EMAIL : email.trim();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.adminExists()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String pw = generated ? generate() : password;
        if (!generated && pw.length() < UserService.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("KONTOR_ADMIN_PASSWORD must be at least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        }
        users.createFirstAdmin("Admin", email, pw);
        if (generated) {
            log.warn("""

                    ================================================================
                     Kontor created the first admin:
                       email:    {}
                       password: {}
                     This password is shown only once. Change it after signing in.
                    ================================================================""", email, pw);
        } else {
            log.info("Kontor created the first admin {}", email);
        }
    }

    private static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
