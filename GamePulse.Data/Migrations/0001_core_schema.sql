-- Core schema: leagues, conferences, teams, games and their append-only snapshot history.
-- Later features add their own tables in their own migrations; this file is never edited once released.

CREATE TABLE leagues (
    id          smallint PRIMARY KEY,
    code        text NOT NULL UNIQUE,              -- 'mens' / 'womens': the key seed files use
    name        text NOT NULL,
    short_name  text NOT NULL,
    slug        text NOT NULL UNIQUE,              -- URL segment, e.g. 'mens-college-basketball'
    espn_path   text NOT NULL,                     -- ESPN site API path segment
    ncaa_sport  text NOT NULL,                     -- NCAA scoreboard sport segment, e.g. 'basketball-men'
    sort_order  smallint NOT NULL
);

CREATE TABLE conferences (
    id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    league_id           smallint NOT NULL REFERENCES leagues (id),
    slug                text NOT NULL,
    name                text NOT NULL,
    short_name          text NOT NULL,
    espn_conference_id  text,
    ncaa_seo            text,
    active              boolean NOT NULL DEFAULT true,
    UNIQUE (league_id, slug)
);

CREATE TABLE teams (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    league_id        smallint NOT NULL REFERENCES leagues (id),
    slug             text NOT NULL,
    display_name     text NOT NULL,
    short_name       text NOT NULL,
    location         text,
    nickname         text,
    abbreviation     text,
    conference_id    integer REFERENCES conferences (id),
    primary_color    text CHECK (primary_color ~ '^[0-9a-f]{6}$'),
    secondary_color  text CHECK (secondary_color ~ '^[0-9a-f]{6}$'),
    logo_url         text,
    espn_id          text,
    ncaa_seo         text,
    active           boolean NOT NULL DEFAULT true,
    -- 'seed' rows come from the embedded JSON; 'feed' rows were created from an upstream payload.
    origin           text NOT NULL DEFAULT 'seed' CHECK (origin IN ('seed', 'feed')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (league_id, slug),
    UNIQUE (league_id, espn_id),
    UNIQUE (league_id, ncaa_seo)
);
CREATE INDEX teams_conference ON teams (conference_id);

-- Former names and NCAA seo names of renamed programs, so old payloads still resolve.
CREATE TABLE team_aliases (
    team_id    integer NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    league_id  smallint NOT NULL REFERENCES leagues (id),
    name       text NOT NULL,
    ncaa_seo   text,
    PRIMARY KEY (team_id, name)
);
CREATE UNIQUE INDEX team_aliases_ncaa_seo ON team_aliases (league_id, ncaa_seo) WHERE ncaa_seo IS NOT NULL;

CREATE TABLE games (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- our own stable id, used in URLs
    league_id         smallint NOT NULL REFERENCES leagues (id),
    espn_id           text,
    ncaa_id           text,
    start_time        timestamptz,                  -- null when the source says TBA
    game_date         date NOT NULL,                -- the US-Eastern calendar date the game belongs to
    state             text NOT NULL CHECK (state IN ('scheduled', 'live', 'halftime', 'final', 'postponed', 'canceled', 'delayed')),
    period            smallint,
    clock             text,
    detail            text,                         -- the source's status text, e.g. 'Final/OT', '2nd Half 4:12'
    home_team_id      integer NOT NULL REFERENCES teams (id),
    away_team_id      integer NOT NULL REFERENCES teams (id),
    home_score        smallint,
    away_score        smallint,
    home_line_scores  smallint[],
    away_line_scores  smallint[],
    home_rank         smallint,
    away_rank         smallint,
    home_seed         smallint,
    away_seed         smallint,
    home_record       text,
    away_record       text,
    venue_name        text,
    venue_city        text,
    venue_state       text,
    neutral_site      boolean NOT NULL DEFAULT false,
    conference_game   boolean NOT NULL DEFAULT false,
    broadcast         text,
    season            smallint NOT NULL,            -- the year the season ends, as ESPN numbers it (2025-26 is 2026)
    season_type       text NOT NULL DEFAULT 'regular' CHECK (season_type IN ('preseason', 'regular', 'postseason')),
    notes             text,                         -- tournament notes, e.g. 'NCAA Tournament - Final Four'
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (home_team_id <> away_team_id)
);
CREATE UNIQUE INDEX games_espn_id ON games (league_id, espn_id);
CREATE UNIQUE INDEX games_ncaa_id ON games (league_id, ncaa_id);
-- The scoreboard of a league for a date, and the nearest dates that have games.
CREATE INDEX games_league_date ON games (league_id, game_date, start_time);
-- A team's season.
CREATE INDEX games_home_team ON games (home_team_id, game_date);
CREATE INDEX games_away_team ON games (away_team_id, game_date);

-- Append-only history of what a viewer saw: one row per observed change.
CREATE TABLE game_snapshots (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    game_id      bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    observed_at  timestamptz NOT NULL,
    state        text NOT NULL,
    period       smallint,
    clock        text,
    home_score   smallint,
    away_score   smallint
);
CREATE INDEX game_snapshots_game ON game_snapshots (game_id, id);

INSERT INTO leagues (id, code, name, short_name, slug, espn_path, ncaa_sport, sort_order) VALUES
    (1, 'mens',   'NCAA Men''s Basketball',   'Men''s',   'mens-college-basketball',   'mens-college-basketball',   'basketball-men',   1),
    (2, 'womens', 'NCAA Women''s Basketball', 'Women''s', 'womens-college-basketball', 'womens-college-basketball', 'basketball-women', 2);
