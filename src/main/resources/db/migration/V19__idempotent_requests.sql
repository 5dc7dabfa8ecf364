-- Zendesk's Idempotency-Key on ticket creation: one row per caller and key, written in the creation's own
-- transaction together with the response it answered, so that a retried request gets that response back instead
-- of creating a second ticket. Rows live for a couple of hours (kontor.api.idempotency-lifetime) and are purged.
CREATE TABLE idempotent_requests (
    user_id          BIGINT NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     VARCHAR(64) NOT NULL,
    response_status  INTEGER,
    response_location VARCHAR(2048),
    response_body    VARCHAR(1000000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_idempotent_requests_expires ON idempotent_requests (expires_at);
