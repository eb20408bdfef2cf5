CREATE TABLE slow_things (id int);
-- Slow, so that a second runner is polling for the lock while the next migration builds its index.
SELECT pg_sleep(1);
