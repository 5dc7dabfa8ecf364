-- The outbox reads the first few due rows in (next_attempt_at, id) order; with id in the index that order comes
-- straight from it, instead of sorting the whole pending backlog (what a generic plan on a young table did).
DROP INDEX ix_notifications_due;
CREATE INDEX ix_notifications_due ON notifications (status, next_attempt_at, id);
