-- Plain "Sign out" revokes that one session (decision 0207): the session cookie carries a random session id, and a
-- signed-out id is listed here until the cookie could have expired anyway. "Sign out everywhere" keeps rotating the
-- user's security stamp instead. The Worker's hourly cleanup deletes expired rows.
CREATE TABLE revoked_sessions (
    session_id text PRIMARY KEY CHECK (length(session_id) BETWEEN 16 AND 64),
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    revoked_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_sessions_expires_at ON revoked_sessions (expires_at);
