-- A game's detail from its ESPN summary (issue 16, docs/decisions/0109-game-detail-from-summaries.md): box score
-- totals per side, one line per player keyed by the feed's athlete id, the play-by-play keyed by the feed's play id
-- (with the win probability after each play), and the game leaders. Rows are written set-based and only when they
-- change; a summary that lacks a section never blanks what is stored. Side is 'home' or 'away' of the game.

-- One row per game that has detail: what changed last (the live pages' validator) and what the scoreboard cards show.
CREATE TABLE game_details (
    game_id            bigint PRIMARY KEY REFERENCES games (id) ON DELETE CASCADE,
    source             text NOT NULL CHECK (source IN ('espn', 'ncaa')),
    updated_at         timestamptz NOT NULL,
    last_play_text     text,
    last_play_period   smallint,
    last_play_clock    text,
    leader_text        text
);

CREATE TABLE game_team_stats (
    game_id            bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    side               text NOT NULL CHECK (side IN ('home', 'away')),
    points             smallint,
    fgm smallint, fga smallint, tpm smallint, tpa smallint, ftm smallint, fta smallint,
    oreb smallint, dreb smallint, reb smallint, ast smallint, stl smallint, blk smallint, tov smallint, pf smallint,
    largest_lead       smallint,
    fast_break_points  smallint,
    points_in_paint    smallint,
    turnover_points    smallint,
    PRIMARY KEY (game_id, side)
);

CREATE TABLE game_player_stats (
    game_id            bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    athlete_id         text NOT NULL,
    side               text NOT NULL CHECK (side IN ('home', 'away')),
    sort_order         smallint NOT NULL,          -- the feed's order within the team (starters first)
    display_name       text NOT NULL,
    short_name         text,
    jersey             text,
    position           text,
    starter            boolean NOT NULL,
    did_not_play       boolean NOT NULL,
    dnp_reason         text,
    ejected            boolean NOT NULL,
    minutes smallint, points smallint, oreb smallint, dreb smallint, reb smallint, ast smallint, stl smallint,
    blk smallint, tov smallint, pf smallint, fgm smallint, fga smallint, tpm smallint, tpa smallint, ftm smallint,
    fta smallint,
    PRIMARY KEY (game_id, athlete_id)
);

CREATE TABLE game_plays (
    game_id            bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    play_id            text NOT NULL,
    ordinal            integer NOT NULL,           -- position in the feed's list, the game's order
    sequence           bigint NOT NULL,            -- the feed's sequenceNumber (not always increasing)
    period             smallint NOT NULL,
    clock              text,
    side               text CHECK (side IN ('home', 'away')),
    type_text          text,
    text               text NOT NULL,
    scoring            boolean NOT NULL,
    score_value        smallint NOT NULL,
    away_score         smallint NOT NULL,
    home_score         smallint NOT NULL,
    shot_type          text,                       -- the play type of a shooting play (JumpShot, LayUpShot, ...)
    wallclock          timestamptz,
    home_win_pct       numeric(4,3),               -- ESPN's home win probability after the play, 0-1
    PRIMARY KEY (game_id, play_id)
);
CREATE INDEX game_plays_in_order ON game_plays (game_id, ordinal);

CREATE TABLE game_leaders (
    game_id            bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    side               text NOT NULL CHECK (side IN ('home', 'away')),
    category           text NOT NULL,              -- the feed's name: points, rebounds, assists (pointsPerGame before tip-off)
    category_label     text NOT NULL,
    athlete_id         text NOT NULL,
    athlete_name       text NOT NULL,
    display_value      text NOT NULL,
    value              numeric(6,1),
    summary            text,
    PRIMARY KEY (game_id, side, category)
);
