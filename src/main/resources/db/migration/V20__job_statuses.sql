-- Zendesk's job statuses: bulk ticket operations (create_many, update_many, destroy_many, create with async=true)
-- run in the background, one item after the other; the client polls GET /api/v2/job_statuses/{id}. The payload is
-- the request as sent; results grow with the progress. Finished jobs are deleted after a day.
CREATE TABLE job_statuses (
    id          VARCHAR(32) PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    kind        VARCHAR(64) NOT NULL,
    total       INTEGER NOT NULL,
    progress    INTEGER NOT NULL,
    status      VARCHAR(16) NOT NULL,
    message     VARCHAR(2000),
    payload     VARCHAR(4000000) NOT NULL,
    results     VARCHAR(4000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_job_statuses_updated ON job_statuses (status, updated_at);
