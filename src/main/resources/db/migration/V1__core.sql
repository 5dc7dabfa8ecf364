-- Portable across H2 (plain mode) and PostgreSQL: no vendor types, long text as VARCHAR(1000000).

CREATE SEQUENCE organization_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE user_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE agent_group_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE group_membership_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ticket_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE comment_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE audit_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE api_token_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE organizations (
    id             BIGINT PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    name_key       VARCHAR(255) NOT NULL,
    details        VARCHAR(10000),
    notes          VARCHAR(10000),
    external_id    VARCHAR(255),
    shared_tickets BOOLEAN NOT NULL,
    shared_comments BOOLEAN NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_organizations_name_key UNIQUE (name_key)
);

CREATE TABLE organization_domains (
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    domain          VARCHAR(255) NOT NULL,
    CONSTRAINT uq_organization_domains_domain UNIQUE (domain)
);
CREATE INDEX ix_organization_domains_org ON organization_domains (organization_id);

CREATE TABLE users (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    email           VARCHAR(320),
    phone           VARCHAR(64),
    phone_digits    VARCHAR(64),
    role            VARCHAR(16) NOT NULL,
    organization_id BIGINT REFERENCES organizations (id),
    locale          VARCHAR(16) NOT NULL,
    time_zone       VARCHAR(64),
    external_id     VARCHAR(255),
    details         VARCHAR(10000),
    notes           VARCHAR(10000),
    password_hash   VARCHAR(255),
    verified        BOOLEAN NOT NULL,
    active          BOOLEAN NOT NULL,
    suspended       BOOLEAN NOT NULL,
    last_login_at   TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT uq_users_external_id UNIQUE (external_id)
);
CREATE INDEX ix_users_organization ON users (organization_id);
CREATE INDEX ix_users_phone_digits ON users (phone_digits);
CREATE INDEX ix_users_role ON users (role);

CREATE TABLE agent_groups (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description VARCHAR(10000),
    is_default  BOOLEAN NOT NULL,
    deleted     BOOLEAN NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE group_memberships (
    id         BIGINT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    group_id   BIGINT NOT NULL REFERENCES agent_groups (id),
    is_default BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_group_memberships UNIQUE (user_id, group_id)
);
CREATE INDEX ix_group_memberships_group ON group_memberships (group_id);

CREATE TABLE tickets (
    id                       BIGINT PRIMARY KEY,
    subject                  VARCHAR(1024),
    description              VARCHAR(1000000),
    status                   VARCHAR(16) NOT NULL,
    priority                 VARCHAR(16),
    ticket_type              VARCHAR(16),
    requester_id             BIGINT NOT NULL REFERENCES users (id),
    submitter_id             BIGINT NOT NULL REFERENCES users (id),
    assignee_id              BIGINT REFERENCES users (id),
    group_id                 BIGINT REFERENCES agent_groups (id),
    organization_id          BIGINT REFERENCES organizations (id),
    external_id              VARCHAR(255),
    via_channel              VARCHAR(32) NOT NULL,
    is_public                BOOLEAN NOT NULL,
    public_comments_ever     INTEGER NOT NULL,
    public_comments_now      INTEGER NOT NULL,
    made_public_from_private BOOLEAN NOT NULL,
    due_at                   TIMESTAMP WITH TIME ZONE,
    deleted_at               TIMESTAMP WITH TIME ZONE,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT NOT NULL
);
CREATE INDEX ix_tickets_requester ON tickets (requester_id);
CREATE INDEX ix_tickets_organization ON tickets (organization_id);
CREATE INDEX ix_tickets_assignee ON tickets (assignee_id);
CREATE INDEX ix_tickets_group ON tickets (group_id);
CREATE INDEX ix_tickets_updated ON tickets (updated_at);
CREATE INDEX ix_tickets_external_id ON tickets (external_id);

CREATE TABLE ticket_tags (
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    tag       VARCHAR(255) NOT NULL,
    CONSTRAINT uq_ticket_tags UNIQUE (ticket_id, tag)
);

CREATE TABLE ticket_collaborators (
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    user_id   BIGINT NOT NULL REFERENCES users (id),
    CONSTRAINT uq_ticket_collaborators UNIQUE (ticket_id, user_id)
);
CREATE INDEX ix_ticket_collaborators_user ON ticket_collaborators (user_id);

CREATE TABLE audits (
    id          BIGINT PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES tickets (id),
    author_id   BIGINT NOT NULL REFERENCES users (id),
    via_channel VARCHAR(32) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_audits_ticket ON audits (ticket_id);

CREATE TABLE comments (
    id          BIGINT PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES tickets (id),
    audit_id    BIGINT NOT NULL REFERENCES audits (id),
    author_id   BIGINT NOT NULL REFERENCES users (id),
    plain_body  VARCHAR(1000000) NOT NULL,
    html_body   VARCHAR(1000000) NOT NULL,
    is_public   BOOLEAN NOT NULL,
    made_private_at TIMESTAMP WITH TIME ZONE,
    via_channel VARCHAR(32) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_comments_ticket ON comments (ticket_id, id);
CREATE INDEX ix_comments_audit ON comments (audit_id);

CREATE TABLE audit_events (
    id             BIGINT PRIMARY KEY,
    audit_id       BIGINT NOT NULL REFERENCES audits (id),
    position       INTEGER NOT NULL,
    event_type     VARCHAR(32) NOT NULL,
    field_name     VARCHAR(64),
    value_text     VARCHAR(1000000),
    previous_text  VARCHAR(1000000),
    comment_id     BIGINT REFERENCES comments (id),
    is_public      BOOLEAN
);
CREATE INDEX ix_audit_events_audit ON audit_events (audit_id);

CREATE TABLE account_settings (
    name       VARCHAR(128) PRIMARY KEY,
    value_text VARCHAR(10000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_tokens (
    id           BIGINT PRIMARY KEY,
    token_hash   VARCHAR(64) NOT NULL,
    description  VARCHAR(255),
    active       BOOLEAN NOT NULL,
    created_by   BIGINT REFERENCES users (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash)
);
