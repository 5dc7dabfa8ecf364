-- Rows locked with SELECT ... FOR UPDATE to serialise a rare critical section across transactions and nodes, the
-- same on H2 and PostgreSQL (common.NamedLocks). 'new-caller': a call from an unknown number creates its end user.
CREATE TABLE named_locks (
    name VARCHAR(64) PRIMARY KEY
);
INSERT INTO named_locks (name) VALUES ('new-caller');
