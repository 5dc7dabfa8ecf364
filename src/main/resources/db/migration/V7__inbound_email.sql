-- Inbound email (issue 6): support mailboxes, every received message (exactly-once import, skips and
-- quarantine) and attachments. Portable across H2 (plain mode) and PostgreSQL: binary content is BYTEA
-- (H2: an alias of VARBINARY, whose limit is 1,000,000,000 bytes; PostgreSQL: up to 1 GB).

CREATE SEQUENCE email_mailbox_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE inbound_email_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE attachment_seq START WITH 1 INCREMENT BY 50;

-- A support address. With an IMAP host it is polled; without, it only routes mail pushed to the inbound endpoint.
CREATE TABLE email_mailboxes (
    id               BIGINT PRIMARY KEY,
    address          VARCHAR(320) NOT NULL,
    group_id         BIGINT REFERENCES agent_groups (id),
    imap_host        VARCHAR(255),
    imap_port        INTEGER,
    imap_security    VARCHAR(16) NOT NULL,
    imap_user        VARCHAR(320),
    imap_password    VARCHAR(1000),
    imap_folder      VARCHAR(255) NOT NULL,
    after_import     VARCHAR(16) NOT NULL,
    move_to_folder   VARCHAR(255),
    poll_interval_seconds INTEGER NOT NULL,
    enabled          BOOLEAN NOT NULL,
    uid_validity     BIGINT,
    last_uid         BIGINT,
    last_poll_at     TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(4000),
    last_imported    INTEGER NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL,
    CONSTRAINT uq_email_mailboxes_address UNIQUE (address)
);

-- Every message Kontor received, whatever became of it. The unique keys make an import happen once even when
-- polls overlap or Kontor restarts mid-import: the row is written in the transaction that changes the ticket.
CREATE TABLE inbound_emails (
    id            BIGINT PRIMARY KEY,
    source        VARCHAR(64) NOT NULL,
    mailbox_id    BIGINT REFERENCES email_mailboxes (id),
    message_id    VARCHAR(1000) NOT NULL,
    uid_validity  BIGINT,
    uid           BIGINT,
    status        VARCHAR(16) NOT NULL,
    reason        VARCHAR(4000),
    from_address  VARCHAR(320),
    subject       VARCHAR(1024),
    ticket_id     BIGINT REFERENCES tickets (id),
    comment_id    BIGINT REFERENCES comments (id),
    size_bytes    INTEGER NOT NULL,
    raw           BYTEA,
    attempts      INTEGER NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL,
    CONSTRAINT uq_inbound_emails_message UNIQUE (source, message_id),
    CONSTRAINT uq_inbound_emails_uid UNIQUE (source, uid_validity, uid)
);
CREATE INDEX ix_inbound_emails_status ON inbound_emails (status, id);
CREATE INDEX ix_inbound_emails_ticket ON inbound_emails (ticket_id);
CREATE INDEX ix_inbound_emails_message_id ON inbound_emails (message_id);

-- Files that came with a comment (today: email attachments and inline images).
CREATE TABLE attachments (
    id           BIGINT PRIMARY KEY,
    ticket_id    BIGINT NOT NULL REFERENCES tickets (id),
    comment_id   BIGINT NOT NULL REFERENCES comments (id),
    file_name    VARCHAR(1024) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    content_id   VARCHAR(1000),
    is_inline    BOOLEAN NOT NULL,
    size_bytes   INTEGER NOT NULL,
    content      BYTEA NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_attachments_comment ON attachments (comment_id);
CREATE INDEX ix_attachments_ticket ON attachments (ticket_id);
