-- Macros (Zendesk's /api/v2/macros): prepared replies and field changes an agent applies to a ticket and then
-- reviews before submitting. Actions are stored as Zendesk's JSON, validated on the way in.
CREATE SEQUENCE macro_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE macros (
    id               BIGINT PRIMARY KEY,
    title            VARCHAR(255) NOT NULL,
    description      VARCHAR(10000),
    active           BOOLEAN NOT NULL,
    actions_json     VARCHAR(1000000) NOT NULL,
    restriction_type VARCHAR(8),
    restriction_id   BIGINT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL
);
