-- Help Center accounts and the agent knowledge-base pages. Portable across H2 (plain mode) and PostgreSQL.
-- (The set-password links use hc_password_tokens from V5.)

-- An article's body as its author wrote it: 'html' (body_source is null; body_html is the sanitised HTML) or
-- 'markdown' (body_source is the Markdown; body_html is its rendering, sanitised). body_text stays what search indexes.
ALTER TABLE hc_articles ADD COLUMN body_format VARCHAR(16) DEFAULT 'html' NOT NULL;
ALTER TABLE hc_articles ADD COLUMN body_source VARCHAR(1000000);
