-- Triggers (business rules) and the notification outbox/log. Portable across H2 (plain mode) and PostgreSQL.

CREATE SEQUENCE trigger_seq START WITH 100 INCREMENT BY 1;
CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE dev_mail_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE triggers (
    id              BIGINT PRIMARY KEY,
    title           VARCHAR(255) NOT NULL,
    description     VARCHAR(10000),
    active          BOOLEAN NOT NULL,
    position        INTEGER NOT NULL,
    conditions_json VARCHAR(1000000) NOT NULL,
    actions_json    VARCHAR(1000000) NOT NULL,
    is_default      BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);

-- One row per email to one recipient: written in the ticket change's transaction (the outbox), delivered after
-- commit, and kept as the ticket's notification log.
CREATE TABLE notifications (
    id               BIGINT PRIMARY KEY,
    ticket_id        BIGINT NOT NULL REFERENCES tickets (id),
    audit_id         BIGINT REFERENCES audits (id),
    trigger_id       BIGINT,
    trigger_title    VARCHAR(255) NOT NULL,
    action_index     INTEGER NOT NULL,
    recipient_id     BIGINT NOT NULL REFERENCES users (id),
    actor_id         BIGINT NOT NULL REFERENCES users (id),
    subject_template VARCHAR(10000) NOT NULL,
    body_template    VARCHAR(1000000) NOT NULL,
    last_comment_id  BIGINT,
    status           VARCHAR(16) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    recipient_email  VARCHAR(320),
    message_id       VARCHAR(255),
    last_error       VARCHAR(2000),
    delivered_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_notifications_due ON notifications (status, next_attempt_at);
CREATE INDEX ix_notifications_ticket ON notifications (ticket_id);
CREATE INDEX ix_notifications_audit ON notifications (audit_id);

-- The developer mailbox: where mail goes when no SMTP server is configured.
CREATE TABLE dev_mailbox (
    id              BIGINT PRIMARY KEY,
    notification_id BIGINT,
    message_id      VARCHAR(255) NOT NULL,
    mail_from       VARCHAR(320) NOT NULL,
    mail_to         VARCHAR(320) NOT NULL,
    subject         VARCHAR(10000) NOT NULL,
    headers_text    VARCHAR(10000) NOT NULL,
    text_body       VARCHAR(1000000) NOT NULL,
    html_body       VARCHAR(1000000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_dev_mailbox_message_id UNIQUE (message_id)
);

-- The default triggers a new account expects (ZENDESK_API.md 12.4), with the privacy conditions already in
-- place (R11, R15). Texts come from the recipient's language through {{dc.*}} placeholders.
INSERT INTO triggers (id, title, description, active, position, conditions_json, actions_json, is_default, created_at, updated_at, version) VALUES
(1, 'Notify requester of new proactive ticket',
 'An agent created a public ticket on behalf of an end user, or a private ticket became public (R6a, R15).',
 TRUE, 1,
 '{"all":[{"field":"ticket_is_public","operator":"is","value":"public"},{"field":"role","operator":"is_not","value":"end_user"},{"field":"requester_id","operator":"is_not","value":"current_user"}],"any":[{"field":"update_type","operator":"is","value":"Create"},{"field":"ticket_is_public","operator":"value","value":"public"}]}',
 '[{"field":"notification_user","value":["requester_and_ccs","{{dc.proactive_subject}}","{{dc.proactive_body}}"]}]',
 TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
(2, 'Notify requester of received request',
 'An end user submitted a request.',
 TRUE, 2,
 '{"all":[{"field":"update_type","operator":"is","value":"Create"},{"field":"ticket_is_public","operator":"is","value":"public"},{"field":"role","operator":"is","value":"end_user"}],"any":[]}',
 '[{"field":"notification_user","value":["requester_id","{{dc.received_subject}}","{{dc.received_body}}"]}]',
 TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
(3, 'Notify requester and CCs of comment update',
 'A public comment was added to a ticket that was already public.',
 TRUE, 3,
 '{"all":[{"field":"update_type","operator":"is","value":"Change"},{"field":"comment_is_public","operator":"is","value":"true"},{"field":"ticket_is_public","operator":"is","value":"public"},{"field":"ticket_is_public","operator":"not_changed"}],"any":[]}',
 '[{"field":"notification_user","value":["requester_and_ccs","{{dc.comment_update_subject}}","{{dc.comment_update_body}}"]}]',
 TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
(4, 'Notify assignee of assignment',
 'The ticket was assigned to an agent other than the one who assigned it.',
 TRUE, 4,
 '{"all":[{"field":"assignee_id","operator":"changed"},{"field":"assignee_id","operator":"is_not","value":"current_user"},{"field":"assignee_id","operator":"is_not","value":""}],"any":[]}',
 '[{"field":"notification_user","value":["assignee_id","{{dc.assignment_subject}}","{{dc.assignment_body}}"]}]',
 TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
(5, 'Notify assignee of comment update',
 'Someone else commented (publicly or internally) on a ticket assigned to the same agent.',
 TRUE, 5,
 '{"all":[{"field":"update_type","operator":"is","value":"Change"},{"field":"comment_is_public","operator":"is_not","value":"not_relevant"},{"field":"assignee_id","operator":"not_changed"},{"field":"assignee_id","operator":"is_not","value":"current_user"},{"field":"assignee_id","operator":"is_not","value":""}],"any":[]}',
 '[{"field":"notification_user","value":["assignee_id","{{dc.assignee_update_subject}}","{{dc.assignee_update_body}}"]}]',
 TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
(6, 'Notify group of assignment',
 'The ticket was put into a group''s queue without an assignee.',
 TRUE, 6,
 '{"all":[{"field":"group_id","operator":"is_not","value":""},{"field":"assignee_id","operator":"is","value":""}],"any":[{"field":"group_id","operator":"changed"},{"field":"assignee_id","operator":"changed"}]}',
 '[{"field":"notification_group","value":["group_id","{{dc.group_assignment_subject}}","{{dc.group_assignment_body}}"]}]',
 TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
(7, 'Notify all agents of received request',
 'An end user submitted a request.',
 TRUE, 7,
 '{"all":[{"field":"update_type","operator":"is","value":"Create"},{"field":"role","operator":"is","value":"end_user"}],"any":[]}',
 '[{"field":"notification_user","value":["all_agents","{{dc.agents_received_subject}}","{{dc.agents_received_body}}"]}]',
 TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0);
