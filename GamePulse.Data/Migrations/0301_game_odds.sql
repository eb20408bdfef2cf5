-- Pre-game betting line, where the source gives one (ESPN does for some games, NCAA never). Pulse reads it for
-- anticipation (a close spread) and for upsets (the betting underdog leading or winning).
-- home_spread is the home team's line as ESPN states it: negative = home favoured ("BYU -3.5" at home is -3.5),
-- positive = away favoured, 0 = pick'em. over_under is the projected total points.
ALTER TABLE games
    ADD COLUMN home_spread numeric(4,1),
    ADD COLUMN over_under numeric(5,1);
