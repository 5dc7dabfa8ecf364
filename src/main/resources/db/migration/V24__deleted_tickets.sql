-- Who deleted a ticket (Zendesk's deleted_tickets show it); cleared when the ticket is restored.
ALTER TABLE tickets ADD COLUMN deleted_by BIGINT;
