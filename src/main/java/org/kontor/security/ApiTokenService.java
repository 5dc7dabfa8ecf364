package org.kontor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.kontor.common.Forbidden;
import org.kontor.common.NotFound;
import org.kontor.user.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
public class ApiTokenService {
    /** Writing last_used_at on every call would turn each read into a write; once a minute is enough to audit. */
    private static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final ApiSignInCache signIns;

    ApiTokenService(ApiTokenRepository tokens, ApiSignInCache signIns) {
        this.tokens = tokens;
        this.signIns = signIns;
    }

    /** A new token; its value is returned once and never stored. */
    public record IssuedToken(ApiToken token, String value) {
    }

    @Transactional
    public IssuedToken create(String description, Actor actor) {
        requireAdmin(actor);
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(hash(value), description, actor.id()));
        return new IssuedToken(token, value);
    }

    @Transactional
    public void revoke(long id, Actor actor) {
        requireAdmin(actor);
        tokens.findById(id).orElseThrow(NotFound::new).revoke();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signIns.invalidateAll();
                }
            });
        } else {
            signIns.invalidateAll();
        }
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(Actor actor) {
        requireAdmin(actor);
        return tokens.findAll(Sort.by("id"));
    }

    @Transactional(readOnly = true)
    public ApiToken get(long id, Actor actor) {
        requireAdmin(actor);
        return tokens.findById(id).orElseThrow(NotFound::new);
    }

    /** Is this an active token? Records its use at most once a minute. */
    @Transactional
    public boolean verify(String value) {
        return tokens.findByTokenHash(hash(value)).filter(ApiToken::isActive).map(token -> {
            Instant now = Instant.now();
            if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(USE_RECORDING_INTERVAL).isBefore(now)) {
                token.used(now);
            }
            return true;
        }).orElse(false);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins manage API tokens");
        }
    }

    static String hash(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
