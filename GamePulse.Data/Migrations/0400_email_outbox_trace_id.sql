-- The trace id of the Web request that queued a message (e.g. a sign-in request), so the Worker's send / failure
-- events carry the same TraceId as the request's log lines and one Logs Insights query follows both. Null for
-- messages queued outside a request (and for every message queued before this migration).
ALTER TABLE email_outbox ADD COLUMN trace_id text CHECK (trace_id IS NULL OR length(trace_id) <= 64);
