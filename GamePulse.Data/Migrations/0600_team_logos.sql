-- Team logos served from the site's own origin (docs/decisions/0441): the Worker fetches each team's teams.logo_url once,
-- validates it (an image type, at most a capped size) and keeps the bytes here with what the upstream said about them,
-- so a rare refresh is a conditional GET. version is the content's hash: the Web's logo URL carries it, so a new
-- image is a new URL and an old one may be cached for a year.
CREATE TABLE team_logos (
    team_id          integer PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
    source_url       text NOT NULL,                 -- the teams.logo_url this was fetched from
    content          bytea NOT NULL,
    content_type     text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
    version          text NOT NULL,                 -- first 16 hex digits of the content's SHA-256
    upstream_etag    text,
    upstream_last_modified timestamptz,
    fetched_at       timestamptz NOT NULL,          -- when content last changed
    checked_at       timestamptz NOT NULL           -- when the upstream was last asked (200 or 304)
);

-- Teams whose fetch failed: when, why, and how often in a row, so a missing or broken upstream logo is retried
-- rarely (a day, then longer) instead of on every pass.
CREATE TABLE team_logo_failures (
    team_id          integer PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
    source_url       text NOT NULL,
    failed_at        timestamptz NOT NULL,
    attempts         integer NOT NULL,
    reason           text NOT NULL
);
