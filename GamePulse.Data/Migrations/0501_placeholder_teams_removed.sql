-- Older versions created bracket placeholders as teams (origin 'feed'): ESPN's competitor "TBD" with an id such as -2,
-- NCAA's "TBD"/"TBA" sides. A placeholder is never a team (0500): their games get an unknown side instead, keeping the
-- placeholder's name as the slot's label when it says more than "TBD", and the teams go (with their follows and
-- aliases, which cascade). A later payload that names the team fills the side of the same game (the same id).
CREATE TEMPORARY TABLE placeholder_teams ON COMMIT DROP AS
SELECT id, CASE WHEN upper(btrim(display_name)) NOT IN ('TBD', 'TBA') THEN display_name END AS label
FROM teams
WHERE origin = 'feed'
  AND (espn_id ~ '^-' OR espn_id = '0'
       OR upper(btrim(display_name)) IN ('TBD', 'TBA') OR upper(btrim(short_name)) IN ('TBD', 'TBA')
       OR lower(ncaa_seo) IN ('tbd', 'tba'));

UPDATE games g SET home_team_id = NULL, home_placeholder = p.label, updated_at = now()
FROM placeholder_teams p WHERE g.home_team_id = p.id;

UPDATE games g SET away_team_id = NULL, away_placeholder = p.label, updated_at = now()
FROM placeholder_teams p WHERE g.away_team_id = p.id;

DELETE FROM teams t USING placeholder_teams p WHERE t.id = p.id;
