-- Issue 7: voice comments, agent availability for routing, indexes for reports. Portable across H2 (plain
-- mode) and PostgreSQL, like V1.

-- A voice comment is a comment with the call's metadata (Zendesk's VoiceComment "data"); NULL for other comments.
ALTER TABLE comments ADD COLUMN voice_via_id INTEGER;
ALTER TABLE comments ADD COLUMN voice_from VARCHAR(64);
ALTER TABLE comments ADD COLUMN voice_to VARCHAR(64);
ALTER TABLE comments ADD COLUMN voice_recording_url VARCHAR(2048);
ALTER TABLE comments ADD COLUMN voice_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE comments ADD COLUMN voice_call_duration INTEGER;
ALTER TABLE comments ADD COLUMN voice_answered_by_id BIGINT;
ALTER TABLE comments ADD COLUMN voice_transcription VARCHAR(1000000);
ALTER TABLE comments ADD COLUMN voice_location VARCHAR(255);

-- R13: an agent's availability for routing. No row means offline with the default capacity.
CREATE TABLE agent_availability (
    user_id          BIGINT PRIMARY KEY REFERENCES users (id),
    status           VARCHAR(16) NOT NULL,
    capacity         INTEGER NOT NULL,
    last_assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Reports per organization / requester over a date range, and the routing queue per group.
CREATE INDEX ix_tickets_org_created ON tickets (organization_id, created_at);
CREATE INDEX ix_tickets_requester_created ON tickets (requester_id, created_at);
CREATE INDEX ix_tickets_group_assignee ON tickets (group_id, assignee_id, created_at);
CREATE INDEX ix_tickets_assignee_status ON tickets (assignee_id, status);
CREATE INDEX ix_comments_author_created ON comments (author_id, created_at);
CREATE INDEX ix_audits_created ON audits (created_at);
