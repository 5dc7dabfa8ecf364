-- When a user was deleted (soft), and when their personal data was removed for good (permanent deletion).
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_users_deleted_at ON users (deleted_at);
