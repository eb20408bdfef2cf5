-- Pulse: the 0–100 excitement score the Worker computes whenever a game's snapshots change (GamePulse.Data/Pulse).
-- Stored on the game so that scoreboards read it for free; pulse_history keeps each change for the game page chart.

ALTER TABLE games
    ADD COLUMN pulse_score       smallint CHECK (pulse_score BETWEEN 0 AND 100),  -- null until first computed
    ADD COLUMN pulse_factors     text[],                                          -- the top factors in words, biggest first
    ADD COLUMN pulse_updated_at  timestamptz;                                     -- when score or factors last changed

-- "Best right now": in-progress games of a date (and the day before, for games past midnight) by Pulse.
CREATE INDEX games_live_pulse ON games (game_date, pulse_score DESC)
    WHERE state IN ('live', 'halftime', 'delayed') AND pulse_score IS NOT NULL;

-- "Best of yesterday": the finals of a date by Pulse.
CREATE INDEX games_final_pulse ON games (game_date, pulse_score DESC)
    WHERE state = 'final' AND pulse_score IS NOT NULL;

-- One row per change of a game's score, appended by PulseRepository.RecomputeAsync.
CREATE TABLE pulse_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    game_id      bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    observed_at  timestamptz NOT NULL,
    score        smallint NOT NULL CHECK (score BETWEEN 0 AND 100)
);
CREATE INDEX pulse_history_game ON pulse_history (game_id, observed_at, id);
