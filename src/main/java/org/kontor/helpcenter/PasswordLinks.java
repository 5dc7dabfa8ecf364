package org.kontor.helpcenter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.notification.AccountMail;
import org.kontor.security.RateLimit;
import org.kontor.settings.AccountSettingsService;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.kontor.user.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Set/reset-password links by email, and Help Center sign-up. A link carries a random token of which only the
 * SHA-256 is stored; it is valid for {@code kontor.password-link.validity} (2 h), once, and only while it is the
 * user's newest. Asking for a link never tells whether an account has the address (no enumeration): the answer is
 * the same, and mail goes out only to an active account's own address, at most
 * {@code kontor.password-link.mails-per-account} an hour.
 */
@Service
public class PasswordLinks {
    /** Who creates an account by signing up: nobody yet (as inbound mail does for unknown senders). */
    private static final Actor SIGN_UP = new Actor(0, Role.END_USER, null);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordTokenRepository tokens;
    private final UserService users;
    private final AccountSettingsService settings;
    private final AccountMail mail;
    private final MessageSource messages;
    private final Duration validity;
    private final RateLimit mailsPerAccount;
    private final Clock clock = Clock.systemUTC();

    PasswordLinks(PasswordTokenRepository tokens, UserService users, AccountSettingsService settings, AccountMail mail,
                  MessageSource messages, @Value("${kontor.password-link.validity:2h}") Duration validity,
                  @Value("${kontor.password-link.mails-per-account:3}") int mailsPerAccount) {
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
        this.mail = mail;
        this.messages = messages;
        this.validity = validity;
        this.mailsPerAccount = new RateLimit(mailsPerAccount, Duration.ofHours(1));
    }

    /** The wording of the mail: a forgotten password, or a first password (sign-up, sent by an agent). */
    enum Kind {
        RESET, WELCOME
    }

    /** "Forgot password?": mails a link if an active account has this address; the caller answers the same either way. */
    @Transactional
    public void requestReset(String email) {
        users.findByEmail(email).filter(User::canSignIn).ifPresent(u -> {
            if (mailsPerAccount.tryAcquire(String.valueOf(u.getId()))) {
                issue(u, Kind.RESET);
            }
        });
    }

    /** An agent sends a user a link to set their password: agents for end users, admins for anyone. */
    @Transactional
    public void sendSetPasswordEmail(long userId, Actor actor) {
        User user = users.get(userId);
        if (!actor.isAgent()) {
            throw new NotFound();
        }
        if (user.isAgent() && !actor.isAdmin()) {
            throw new Forbidden("Only admins can send agents a set-password email");
        }
        if (user.getEmail() == null || !user.canSignIn()) {
            throw new InvalidInput("email", "Email: the user has no address to send to, or cannot sign in");
        }
        issue(user, Kind.WELCOME);
    }

    /** Whether anyone may sign up in the Help Center (the admin's setting). */
    @Transactional(readOnly = true)
    public boolean signUpOpen() {
        return settings.helpCenterSignUp();
    }

    /**
     * Help Center sign-up: a new end user who gets a set-password link. An address that already has an account gets
     * a reset link instead, and the answer is the same, so sign-up does not reveal who has an account.
     */
    @Transactional
    public void signUp(String name, String email, Locale language) {
        if (!signUpOpen()) {
            throw new NotFound();
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.length() > 255) {
            errors.put("name", List.of("Name: cannot be blank"));
        }
        String normalized = User.normalizeEmail(email);
        if (normalized == null || !normalized.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || normalized.length() > 320) {
            errors.put("email", List.of("Email: is not properly formatted"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Optional<User> existing = users.findByEmail(normalized);
        if (existing.isPresent()) {
            requestReset(normalized);
            return;
        }
        String locale = Locale.GERMAN.getLanguage().equals(language.getLanguage()) ? "de" : "en-US";
        User created = users.create(new UserDraft(name.strip(), normalized, null, Role.END_USER, null, locale, null, null,
                null, null, null, null), SIGN_UP);
        mailsPerAccount.tryAcquire(String.valueOf(created.getId()));
        issue(created, Kind.WELCOME);
    }

    /** Whether the link can still set a password (unused, not expired, the user's newest, the user active). */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return find(token).isPresent();
    }

    /**
     * Sets the password through the link and uses the link up; every other link of the user dies with it.
     * {@link NotFound} when the link is unknown, used, superseded or expired; {@link InvalidInput} for a password
     * that is too short or does not match its confirmation (the link stays usable then).
     */
    @Transactional
    public void setPassword(String token, String password, String confirmation) {
        if (password == null || password.length() < UserService.MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "Password: must be at least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        }
        if (!password.equals(confirmation)) {
            throw new InvalidInput("password_confirmation", "Password confirmation: does not match the password");
        }
        PasswordToken link = find(token).orElseThrow(NotFound::new);
        String hash = hash(token);
        if (tokens.useUp(hash, clock.instant()) != 1) {
            throw new NotFound();
        }
        users.setPasswordFromEmailLink(link.getUserId(), password);
        tokens.deleteOthers(link.getUserId(), hash);
    }

    private Optional<PasswordToken> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findById(hash(token)).filter(t -> t.usableAt(now))
                .filter(t -> users.find(t.getUserId()).map(User::canSignIn).orElse(false));
    }

    private void issue(User user, Kind kind) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        Instant now = clock.instant();
        tokens.save(new PasswordToken(hash, user.getId(), now.plus(validity), now));
        tokens.flush();
        tokens.deleteOthers(user.getId(), hash);
        mail.sendAfterCommit(message(user, kind, mail.baseUrl() + "/password/reset/" + token));
    }

    private AccountMail.Message message(User user, Kind kind, String link) {
        Locale locale = user.getLocale() != null && user.getLocale().toLowerCase(Locale.ROOT).startsWith("de")
                ? Locale.GERMAN : Locale.ENGLISH;
        String prefix = "hcacc.mail." + kind.name().toLowerCase(Locale.ROOT);
        Object[] args = {user.getName(), link, validity.toHours() > 0 ? validity.toHours() : 1};
        String subject = messages.getMessage(prefix + ".subject", args, locale);
        String text = messages.getMessage(prefix + ".body", args, locale);
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            String escaped = HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>");
            html.append("<p>").append(paragraph.strip().equals(link)
                    ? "<a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(link) + "</a>" : escaped).append("</p>\n");
        }
        return new AccountMail.Message(user.getEmail(), subject, text, html.toString(), locale.getLanguage());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
