CREATE INDEX CONCURRENTLY slow_things_id ON slow_things (id);
