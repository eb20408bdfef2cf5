-- Tournament games (docs/decisions/0108-tournament-coverage.md).
-- A bracket game is listed before its teams are known: such a side has no team (NULL) and, where the feed names the
-- slot ("Winner of …"), that label. The CHECK of 0001 (home_team_id <> away_team_id) still holds: NULL passes it,
-- so a game of two unknown sides is allowed. The foreign keys stay; only NOT NULL goes.
ALTER TABLE games
    ALTER COLUMN home_team_id DROP NOT NULL,
    ALTER COLUMN away_team_id DROP NOT NULL,
    ADD COLUMN home_placeholder text,
    ADD COLUMN away_placeholder text,
    -- The tournament the game belongs to: 'NCAA Tournament' for the national championship (whatever each feed calls
    -- it), else the feed's name ('Big East Tournament', 'Sun Belt Championship'); its region ('South') and round as
    -- the feed words them ('1st Round', 'Sweet 16', 'Final'); NCAA.com's bracket position (bracketId, e.g. 701).
    ADD COLUMN tournament text,
    ADD COLUMN tournament_region text,
    ADD COLUMN tournament_round text,
    ADD COLUMN bracket_id integer;

-- The bracket page of a league season, and a conference's tournament page.
CREATE INDEX games_tournament ON games (league_id, season, tournament) WHERE tournament IS NOT NULL;
