package org.kontor.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zendesk's {@code Idempotency-Key} on ticket creation: a client that retries a creation whose answer it never got
 * (a timeout, a dropped connection) sends the same key again and gets the first answer back, marked
 * {@code x-idempotency-lookup: hit}, instead of creating a second ticket. Keys belong to the caller — another
 * user's key is a different key and never reveals their response — and live for {@code kontor.api.idempotency-lifetime}.
 * <p>
 * The key's row is inserted first in the creation's own transaction and completed with the response before commit:
 * a creation that fails leaves no key behind (the retry runs again), and of two requests with the same key at once
 * the second waits on the row and then replays the first one's answer.
 */
@Component
public class IdempotentRequests {
    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String LOOKUP_HEADER = "x-idempotency-lookup";
    static final String ERROR = "IdempotentRequestError";
    private static final int MAX_KEY_LENGTH = 255;
    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Duration lifetime;

    IdempotentRequests(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json,
                       @Value("${kontor.api.idempotency-lifetime:2h}") Duration lifetime) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.lifetime = lifetime;
    }

    /** A key's row is only ever seen complete: it is inserted and completed in one transaction. */
    private record Stored(String requestHash, int status, String location, String body) {
    }

    /**
     * Runs {@code action} once per caller and key: the first time in one transaction with the key's record, later
     * by replaying its response. A different body under a used key is refused (400 {@value #ERROR}).
     */
    public ResponseEntity<?> once(long callerId, String key, JsonNode body, Supplier<ResponseEntity<?>> action) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return ApiErrors.error(HttpStatus.BAD_REQUEST, ERROR,
                    KEY_HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = fingerprint(body);
        Stored stored = find(callerId, key);
        if (stored != null) {
            return replay(stored, hash);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return firstTime(callerId, key, hash, action);
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // Another request with this key committed first (its row held ours back), or the creation itself met
                // a concurrent one (a new requester created twice): replay the other's answer, or run once more.
                Stored other = find(callerId, key);
                if (other != null) {
                    return replay(other, hash);
                }
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private ResponseEntity<?> firstTime(long callerId, String key, String hash, Supplier<ResponseEntity<?>> action) {
        return tx.execute(status -> {
            Instant now = Instant.now();
            jdbc.update("DELETE FROM idempotent_requests WHERE user_id = ? AND idempotency_key = ? AND expires_at <= ?",
                    callerId, key, Timestamp.from(now));
            jdbc.update("INSERT INTO idempotent_requests (user_id, idempotency_key, request_hash, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)", callerId, key, hash, Timestamp.from(now), Timestamp.from(now.plus(lifetime)));
            ResponseEntity<?> response = action.get();
            URI location = response.getHeaders().getLocation();
            jdbc.update("UPDATE idempotent_requests SET response_status = ?, response_location = ?, response_body = ? "
                            + "WHERE user_id = ? AND idempotency_key = ?",
                    response.getStatusCode().value(), location == null ? null : location.toString(),
                    json.writeValueAsString(response.getBody()), callerId, key);
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(LOOKUP_HEADER, "miss").body(response.getBody());
        });
    }

    private ResponseEntity<?> replay(Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            return ApiErrors.error(HttpStatus.BAD_REQUEST, ERROR,
                    "The " + KEY_HEADER + " was already used with a different request body");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON)
                .header(LOOKUP_HEADER, "hit");
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        return response.body(json.readTree(stored.body()));
    }

    private Stored find(long callerId, String key) {
        List<Stored> rows = jdbc.query("SELECT request_hash, response_status, response_location, response_body "
                        + "FROM idempotent_requests WHERE user_id = ? AND idempotency_key = ? AND expires_at > ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                callerId, key, Timestamp.from(Instant.now()));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Deletes keys past their lifetime; returns how many. */
    public int purgeExpired(Instant now) {
        return jdbc.update("DELETE FROM idempotent_requests WHERE expires_at <= ?", Timestamp.from(now));
    }

    /** The same JSON in any property order or spacing is the same request. */
    static String fingerprint(JsonNode body) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
