-- K1: a public reply an agent wrote for a private ticket, to be posted at a chosen time by a db-scheduler task
-- (scheduled_tasks, V2) whose instance id is this row's id. At most one pending publication per ticket.
CREATE SEQUENCE scheduled_publication_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE scheduled_publications (
    id          BIGINT PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES tickets (id),
    author_id   BIGINT NOT NULL REFERENCES users (id),
    body        VARCHAR(1000000) NOT NULL,
    publish_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_scheduled_publications_ticket ON scheduled_publications (ticket_id);
