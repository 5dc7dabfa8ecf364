-- An end user's lists (My activities, GET /api/v2/requests) sort their requests by last update; this composite
-- answers them from the index and serves every requester lookup, so the single-column index goes.
CREATE INDEX ix_tickets_requester_updated ON tickets (requester_id, updated_at);
DROP INDEX ix_tickets_requester;
-- Left prefixes of composite indexes (organization_id, created_at), (assignee_id, status) and
-- (group_id, assignee_id, created_at): they answered nothing the composites don't, and every ticket write paid for them.
DROP INDEX ix_tickets_organization;
DROP INDEX ix_tickets_assignee;
DROP INDEX ix_tickets_group;
