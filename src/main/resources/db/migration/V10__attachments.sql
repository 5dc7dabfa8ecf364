-- Attachments (Zendesk's uploads and comment attachments). Portable across H2 (plain mode) and PostgreSQL.
-- The file bytes move to their own table, so that listing a comment's attachments never reads them and the
-- bytes can be streamed with plain JDBC.
CREATE TABLE attachment_contents (
    attachment_id BIGINT PRIMARY KEY,
    content       BYTEA NOT NULL,
    CONSTRAINT fk_attachment_contents FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE CASCADE
);
INSERT INTO attachment_contents (attachment_id, content) SELECT id, content FROM attachments;
ALTER TABLE attachments DROP COLUMN content;

-- An upload is an attachment not on a comment yet: it has a token (Zendesk's upload token), its uploader and an
-- expiry; a comment that names the token takes it over (ticket_id and comment_id set, token cleared).
ALTER TABLE attachments ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE attachments ALTER COLUMN comment_id DROP NOT NULL;
ALTER TABLE attachments ADD COLUMN upload_token VARCHAR(64);
ALTER TABLE attachments ADD COLUMN uploader_id BIGINT;
ALTER TABLE attachments ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE attachments ADD CONSTRAINT fk_attachments_uploader FOREIGN KEY (uploader_id) REFERENCES users (id);
CREATE INDEX ix_attachments_upload_token ON attachments (upload_token);
CREATE INDEX ix_attachments_expires ON attachments (expires_at);
