-- A change made by a business rule (trigger) names the rule in its audit event, as Zendesk's event "via" does.
-- The title is copied so the audit stays readable after the rule is renamed or deleted.
ALTER TABLE audit_events ADD COLUMN via_rule_id BIGINT;
ALTER TABLE audit_events ADD COLUMN via_rule_title VARCHAR(255);
