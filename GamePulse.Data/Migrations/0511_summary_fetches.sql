-- The Worker's summary batches (docs/ingestion.md, "Summaries"): when each game's summary was last fetched and what
-- the batch knew then, so the cadence holds across restarts and Worker instances; and one row per batch, kept
-- beside ingest_runs so that scoreboard freshness and cadence never count a summary batch as a scoreboard run.
CREATE TABLE summary_fetches (
    game_id            bigint PRIMARY KEY REFERENCES games (id) ON DELETE CASCADE,
    fetched_at         timestamptz NOT NULL,
    game_updated_at    timestamptz NOT NULL,       -- games.updated_at when fetched: a newer one means the scoreboard row changed
    state              text NOT NULL,              -- the game's state when fetched
    final_fetches      smallint NOT NULL DEFAULT 0,
    first_final_at     timestamptz,
    pre_game_on        date                        -- the Eastern date of the last pre-game fetch
);

CREATE TABLE summary_runs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fire_id            text,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz NOT NULL,
    due                integer NOT NULL,           -- games whose summary was due
    requested          integer NOT NULL,           -- fetched (due, within the batch limit)
    changed            integer NOT NULL,           -- games whose row or detail changed
    unchanged          integer NOT NULL,
    failed             integer NOT NULL,
    deferred           integer NOT NULL,           -- due but left to a later batch by the limit
    rows_written       integer NOT NULL,
    duration_ms        integer NOT NULL,
    outcome            text NOT NULL CHECK (outcome IN ('succeeded', 'partial', 'failed')),
    error              text
);
CREATE INDEX summary_runs_recent ON summary_runs (started_at DESC);
