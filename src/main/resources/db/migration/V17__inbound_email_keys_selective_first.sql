-- The duplicate checks look up (source, message_id) and (source, imap_folder, uid_validity, uid). Every message of a
-- mailbox has the same source, so an index that starts with it narrows nothing; on a young table without statistics
-- PostgreSQL's generic plan took the UID index for the Message-ID lookup and filtered every row of the mailbox.
-- The most selective column goes first, and the plain Message-ID index is covered by the unique one.
ALTER TABLE inbound_emails DROP CONSTRAINT uq_inbound_emails_message;
ALTER TABLE inbound_emails ADD CONSTRAINT uq_inbound_emails_message UNIQUE (message_id, source);
ALTER TABLE inbound_emails DROP CONSTRAINT uq_inbound_emails_uid;
ALTER TABLE inbound_emails ADD CONSTRAINT uq_inbound_emails_uid UNIQUE (uid, uid_validity, imap_folder, source);
DROP INDEX ix_inbound_emails_message_id;
