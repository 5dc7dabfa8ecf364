-- Help Center: the knowledge base and password set/reset links. Portable across H2 (plain mode) and PostgreSQL.

CREATE SEQUENCE hc_category_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE hc_section_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE hc_article_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE hc_categories (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description VARCHAR(10000),
    locale      VARCHAR(16) NOT NULL,
    position    INTEGER NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE hc_sections (
    id          BIGINT PRIMARY KEY,
    category_id BIGINT NOT NULL REFERENCES hc_categories (id),
    name        VARCHAR(255) NOT NULL,
    description VARCHAR(10000),
    locale      VARCHAR(16) NOT NULL,
    position    INTEGER NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_hc_sections_category ON hc_sections (category_id);

CREATE TABLE hc_articles (
    id          BIGINT PRIMARY KEY,
    section_id  BIGINT NOT NULL REFERENCES hc_sections (id),
    author_id   BIGINT NOT NULL REFERENCES users (id),
    title       VARCHAR(1024) NOT NULL,
    body_html   VARCHAR(1000000) NOT NULL,
    body_text   VARCHAR(1000000) NOT NULL,
    locale      VARCHAR(16) NOT NULL,
    draft       BOOLEAN NOT NULL,
    position    INTEGER NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL
);
CREATE INDEX ix_hc_articles_section ON hc_articles (section_id);

CREATE TABLE hc_password_tokens (
    token_hash  VARCHAR(64) PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_hc_password_tokens_user ON hc_password_tokens (user_id);
