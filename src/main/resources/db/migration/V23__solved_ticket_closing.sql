-- When a ticket was last solved, for closing solved tickets automatically (Zendesk's "hours since solved").
ALTER TABLE tickets ADD COLUMN solved_at TIMESTAMP WITH TIME ZONE;
UPDATE tickets SET solved_at = (
    SELECT MAX(a.created_at) FROM audits a JOIN audit_events e ON e.audit_id = a.id
    WHERE a.ticket_id = tickets.id AND e.field_name = 'status' AND e.value_text = 'solved')
WHERE status IN ('solved', 'closed');
-- No index on it: the hourly closing reads the table in id order instead, while an index would cost every ticket
-- creation (and H2 has no partial indexes to keep it to solved tickets).

-- The author of changes Kontor makes by itself (closing solved tickets), as Zendesk's user -1: it cannot sign in,
-- is never listed or offered, and is not a deleted user.
INSERT INTO users (id, name, email, phone, phone_digits, role, organization_id, locale, time_zone, external_id, details,
                   notes, password_hash, verified, active, suspended, last_login_at, created_at, updated_at, version)
VALUES (-1, 'Kontor', NULL, NULL, NULL, 'agent', NULL, 'en-US', NULL, NULL, NULL, NULL, NULL, FALSE, FALSE, FALSE, NULL,
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0);
