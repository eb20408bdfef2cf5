-- One row per ingest run (scheduled, manual, replayed or backfill), whatever its outcome, so that admins can see
-- what the Worker fetched and wrote, and backfill can resume from the dates already done.
CREATE TABLE ingest_runs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job                text NOT NULL,                 -- 'scoreboard', 'window', 'manual', 'file', 'backfill'
    league_id          smallint NOT NULL REFERENCES leagues (id),
    game_date          date,                          -- the scoreboard's US-Eastern date (null for a file without one)
    source             text NOT NULL CHECK (source IN ('espn', 'ncaa')),
    fire_id            text,                          -- the Quartz firing that ran it, when scheduled
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz NOT NULL,
    http_status        smallint,                      -- null for a saved file or when no response came back
    games_seen         integer NOT NULL DEFAULT 0,
    games_inserted     integer NOT NULL DEFAULT 0,
    games_updated      integer NOT NULL DEFAULT 0,
    games_unchanged    integer NOT NULL DEFAULT 0,
    games_skipped      integer NOT NULL DEFAULT 0,    -- games the parser could not read (the run is then 'partial')
    snapshot_rows      integer NOT NULL DEFAULT 0,
    duration_ms        integer NOT NULL,
    outcome            text NOT NULL CHECK (outcome IN ('succeeded', 'partial', 'failed')),
    error              text
);
CREATE INDEX ingest_runs_recent ON ingest_runs (started_at DESC);
CREATE INDEX ingest_runs_league_date ON ingest_runs (league_id, game_date, started_at DESC);
