-- Accounts: passwordless sign-in by emailed link or code, the email outbox the Worker drains, rate limits that hold
-- across Web instances, follows, and the ASP.NET Core data-protection key ring shared by every Web instance.

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text NOT NULL UNIQUE CHECK (email = lower(btrim(email)) AND email <> ''),
    security_stamp  uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz
);

-- One row per "send me a link" request. Only hashes of the link token and the code are kept.
CREATE TABLE login_requests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    code_hash     bytea NOT NULL CHECK (length(code_hash) = 32),
    browser_id    bytea NOT NULL CHECK (length(browser_id) = 32),
    email         text NOT NULL,
    client_ip     text,
    user_agent    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    code_attempts smallint NOT NULL DEFAULT 0
);
CREATE INDEX login_requests_expires_at ON login_requests (expires_at);
CREATE INDEX login_requests_browser_id ON login_requests (browser_id);

CREATE TABLE email_outbox (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_address          text NOT NULL,
    subject             text NOT NULL,
    text_body           text NOT NULL,
    html_body           text NOT NULL,
    status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts            smallint NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    locked_until        timestamptz,
    last_error          text,
    sent_at             timestamptz,
    provider_message_id text,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE rate_limit_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket      text NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_limit_events_bucket ON rate_limit_events (bucket, occurred_at);

CREATE TABLE follows (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id    integer NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, team_id)
);

CREATE TABLE data_protection_keys (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL UNIQUE,
    xml          text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
