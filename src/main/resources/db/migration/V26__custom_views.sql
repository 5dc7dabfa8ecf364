-- Custom views (Zendesk's /api/v2/views): saved ticket filters in the side bar, shared with all agents or a group,
-- or personal. Conditions are stored as Zendesk's JSON ({"all": [...], "any": [...]}), validated on the way in.
CREATE SEQUENCE custom_view_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE custom_views (
    id               BIGINT PRIMARY KEY,
    title            VARCHAR(255) NOT NULL,
    description      VARCHAR(10000),
    active           BOOLEAN NOT NULL,
    conditions_json  VARCHAR(1000000) NOT NULL,
    restriction_type VARCHAR(8),
    restriction_id   BIGINT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL
);
