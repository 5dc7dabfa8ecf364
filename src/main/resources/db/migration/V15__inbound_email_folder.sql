-- IMAP import idempotency per folder: a UID is unique only within one folder (RFC 3501: mailbox name, UIDVALIDITY
-- and UID together), and UIDVALIDITY values of different folders may be equal (Dovecot and GreenMail derive them
-- from the folder's creation second). A mailbox whose folder changes would otherwise take a new folder's UID 1 for
-- the old folder's UID 1 and skip the message as a duplicate. Portable across H2 and PostgreSQL.
ALTER TABLE inbound_emails ADD COLUMN imap_folder VARCHAR(255);

-- Earlier IMAP records came from their mailbox's folder as it is now (a folder change reset the UID cursor, but the
-- records of the old folder cannot be told apart any more; they keep the current one, the best guess).
UPDATE inbound_emails SET imap_folder = (SELECT m.imap_folder FROM email_mailboxes m WHERE m.id = inbound_emails.mailbox_id)
WHERE uid IS NOT NULL AND mailbox_id IS NOT NULL;

ALTER TABLE inbound_emails DROP CONSTRAINT uq_inbound_emails_uid;
ALTER TABLE inbound_emails ADD CONSTRAINT uq_inbound_emails_uid UNIQUE (source, imap_folder, uid_validity, uid);
