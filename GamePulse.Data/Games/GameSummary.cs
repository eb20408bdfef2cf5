using LinqToDB.Mapping;

namespace GamePulse.Data.Games;

/// <summary>
/// One side of a game as a scoreboard shows it: the team, and what this game says about it. A side not known yet (a
/// bracket slot) has id 0, slug <see cref="UnknownSlug"/> and, as its names, the feed's label or <see cref="Unknown"/>.
/// <see cref="LogoUrl"/> is the logo on the site's own origin (SiteUrls.Logo), null until the Worker has stored one.
/// </summary>
public sealed record GameTeam(
    int Id,
    string Slug,
    string DisplayName,
    string ShortName,
    string? Abbreviation,
    string? Color,
    string? LogoUrl,
    int? Score,
    int? Rank,
    int? Seed,
    string? Record,
    int? ConferenceId,
    short[]? LineScores)
{
    public const string Unknown = "TBD";

    /// <summary>The slug an unknown side stands under in a game's URL ("tbd-vs-duke-2026-03-21"); no team has it as its page.</summary>
    public const string UnknownSlug = "tbd";

    /// <summary>False for a bracket slot whose team is not known yet: it has no team page, no follow button.</summary>
    public bool IsKnown => Id != 0;
}

/// <summary>
/// A game with both teams, projected for scoreboards, team pages and the game page. Built in one place,
/// <see cref="GameSummaries"/>; times are UTC instants.
/// </summary>
public sealed record GameSummary
{
    public long Id { get; init; }
    public short LeagueId { get; init; }
    public required string LeagueSlug { get; init; }

    /// <summary>Tip-off; null when the source says TBA.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public DateOnly GameDate { get; init; }
    public required string State { get; init; }
    public int? Period { get; init; }
    public string? Clock { get; init; }
    public string? Detail { get; init; }
    public bool NeutralSite { get; init; }
    public bool ConferenceGame { get; init; }
    public string? Broadcast { get; init; }
    public string? Notes { get; init; }

    /// <summary>The tournament (<see cref="Tournaments.Ncaa"/> for the national one), its region and round; null outside tournaments.</summary>
    public string? Tournament { get; init; }

    public string? TournamentRegion { get; init; }

    public string? TournamentRound { get; init; }

    public int? BracketId { get; init; }

    /// <summary>The home team's pre-game line (negative = home favoured) and the total, where the source gave them.</summary>
    public decimal? HomeSpread { get; init; }

    public decimal? OverUnder { get; init; }
    public int Season { get; init; }
    public required string SeasonType { get; init; }
    public string? VenueName { get; init; }
    public string? VenueCity { get; init; }
    public string? VenueState { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Pulse 0–100 (null until the Worker first computes it) and its top factors in words; see docs/pulse.md.</summary>
    public int? PulseScore { get; init; }

    public string[]? PulseFactors { get; init; }

    /// <summary>The latest play, from the game's summary ("Smith makes 3-pt jumper"); null without one.</summary>
    public string? LastPlay { get; init; }

    /// <summary>The game's leading scorer, from its summary ("Karasinski (BELL) 31 pts"); null without one.</summary>
    public string? Leader { get; init; }

    /// <summary>When the game's detail last changed (it changes without the game row); null without a summary.</summary>
    public DateTimeOffset? DetailUpdatedAt { get; init; }

    public required GameTeam Home { get; init; }

    public required GameTeam Away { get; init; }

    public bool IsInProgress => GameState.IsInProgress(State);
}

/// <summary>One observed change of a game, as stored in game_snapshots.</summary>
[Table("game_snapshots")]
public sealed record GameSnapshot
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("game_id")]
    public long GameId { get; init; }

    [Column("observed_at")]
    public DateTimeOffset ObservedAt { get; init; }

    [Column("state")]
    public required string State { get; init; }

    [Column("period")]
    public int? Period { get; init; }

    [Column("clock")]
    public string? Clock { get; init; }

    [Column("home_score")]
    public int? HomeScore { get; init; }

    [Column("away_score")]
    public int? AwayScore { get; init; }
}

/// <summary>The nearest dates before and after a date that have games (null when there is none).</summary>
public sealed record AdjacentDates(DateOnly? Previous, DateOnly? Next);
