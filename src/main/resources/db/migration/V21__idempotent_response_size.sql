-- The replayed response of a ticket creation repeats much of its request (the first comment up to four times, the
-- tags twice), and a request may be 2 MiB: room for any response such a request can produce (10,000,000 is within
-- PostgreSQL's largest VARCHAR).
ALTER TABLE idempotent_requests ALTER COLUMN response_body SET DATA TYPE VARCHAR(10000000);
