-- A 150-game men's scoreboard on 2025-02-22 for the web benchmark: real seeded teams, a realistic mix of states.
-- (Benchmark data only; tests load games through GameRepository.UpsertAsync.)
WITH pairs AS (
    SELECT n,
           (SELECT id FROM teams WHERE league_id = 1 ORDER BY id OFFSET (n * 2) % 360 LIMIT 1) AS home,
           (SELECT id FROM teams WHERE league_id = 1 ORDER BY id OFFSET (n * 2 + 1) % 360 LIMIT 1) AS away
    FROM generate_series(1, 150) AS n
)
INSERT INTO games (league_id, espn_id, start_time, game_date, state, period, clock, home_team_id, away_team_id,
                   home_score, away_score, home_line_scores, away_line_scores, home_rank, away_rank, home_record,
                   away_record, venue_name, venue_city, venue_state, conference_game, broadcast, season, season_type)
SELECT 1, 'bench-' || n, timestamptz '2025-02-22 17:00:00+00' + (n % 12) * interval '30 minutes', date '2025-02-22',
       CASE WHEN n % 10 = 0 THEN 'scheduled' WHEN n % 7 = 0 THEN 'live' ELSE 'final' END,
       CASE WHEN n % 10 = 0 THEN NULL ELSE 2 END, CASE WHEN n % 7 = 0 THEN '4:12' END,
       home, away,
       CASE WHEN n % 10 = 0 THEN NULL ELSE 60 + n % 25 END, CASE WHEN n % 10 = 0 THEN NULL ELSE 55 + n % 29 END,
       CASE WHEN n % 10 = 0 THEN NULL ELSE ARRAY[30, 30 + n % 25]::smallint[] END,
       CASE WHEN n % 10 = 0 THEN NULL ELSE ARRAY[27, 28 + n % 29]::smallint[] END,
       CASE WHEN n <= 25 THEN n END, NULL, (15 + n % 10) || '-' || (5 + n % 8), (12 + n % 9) || '-' || (9 + n % 7),
       'Arena ' || n, 'City', 'ST', n % 2 = 0, CASE n % 4 WHEN 0 THEN 'ESPN' WHEN 1 THEN 'ESPN+' WHEN 2 THEN 'CBS' ELSE 'FS1' END,
       2025, 'regular'
FROM pairs;
