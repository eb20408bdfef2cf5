-- Viewer settings of a signed-in user (docs/site.md, "Viewer settings"; decision 0450): the time zone tip-off times
-- are shown in and whether scores are hidden. One row per user, written by /settings; a user without a row sees the
-- defaults (US-Eastern, scores shown). Anonymous visitors keep the same two values in a cookie instead.
CREATE TABLE viewer_settings (
    user_id        bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    time_zone      text NOT NULL CHECK (time_zone IN ('et', 'ct', 'mt', 'az', 'pt', 'akt', 'ht', 'auto')),
    hide_spoilers  boolean NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
