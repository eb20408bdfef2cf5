-- The admin page filters runs by league and outcome, and freshness (/readyz, /admin) asks for each league's latest
-- run that wrote data; both read this index instead of scanning every run of a league.
CREATE INDEX ingest_runs_league_outcome ON ingest_runs (league_id, outcome, started_at DESC);
