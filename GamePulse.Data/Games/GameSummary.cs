namespace GamePulse.Data.Games;

/// <summary>One side of a game as a scoreboard shows it.</summary>
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
    int? ConferenceId);

/// <summary>A game with both teams, projected for scoreboards, team pages and the game page.</summary>
public sealed record GameSummary
{
    public long Id { get; init; }
    public short LeagueId { get; init; }
    public required string LeagueSlug { get; init; }
    public DateTime? StartTime { get; init; }
    public DateOnly GameDate { get; init; }
    public required string State { get; init; }
    public int? Period { get; init; }
    public string? Clock { get; init; }
    public string? Detail { get; init; }
    public bool NeutralSite { get; init; }
    public bool ConferenceGame { get; init; }
    public string? Broadcast { get; init; }
    public string? Notes { get; init; }

    /// <summary>The home team's pre-game line (negative = home favoured) and the total, where the source gave them.</summary>
    public decimal? HomeSpread { get; init; }

    public decimal? OverUnder { get; init; }
    public int Season { get; init; }
    public required string SeasonType { get; init; }
    public string? VenueName { get; init; }
    public string? VenueCity { get; init; }
    public string? VenueState { get; init; }
    public short[]? HomeLineScores { get; init; }
    public short[]? AwayLineScores { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>Pulse 0–100 (null until the Worker first computes it) and its top factors in words; see docs/pulse.md.</summary>
    public int? PulseScore { get; init; }

    public string[]? PulseFactors { get; init; }

    public int HomeTeamId { get; init; }
    public required string HomeSlug { get; init; }
    public required string HomeDisplayName { get; init; }
    public required string HomeShortName { get; init; }
    public string? HomeAbbreviation { get; init; }
    public string? HomeColor { get; init; }
    public string? HomeLogoUrl { get; init; }
    public int? HomeScore { get; init; }
    public int? HomeRank { get; init; }
    public int? HomeSeed { get; init; }
    public string? HomeRecord { get; init; }
    public int? HomeConferenceId { get; init; }

    public int AwayTeamId { get; init; }
    public required string AwaySlug { get; init; }
    public required string AwayDisplayName { get; init; }
    public required string AwayShortName { get; init; }
    public string? AwayAbbreviation { get; init; }
    public string? AwayColor { get; init; }
    public string? AwayLogoUrl { get; init; }
    public int? AwayScore { get; init; }
    public int? AwayRank { get; init; }
    public int? AwaySeed { get; init; }
    public string? AwayRecord { get; init; }
    public int? AwayConferenceId { get; init; }

    public GameTeam Home => new(HomeTeamId, HomeSlug, HomeDisplayName, HomeShortName, HomeAbbreviation, HomeColor, HomeLogoUrl, HomeScore, HomeRank, HomeSeed, HomeRecord, HomeConferenceId);

    public GameTeam Away => new(AwayTeamId, AwaySlug, AwayDisplayName, AwayShortName, AwayAbbreviation, AwayColor, AwayLogoUrl, AwayScore, AwayRank, AwaySeed, AwayRecord, AwayConferenceId);

    public bool IsInProgress => GameState.IsInProgress(State);
}

/// <summary>One observed change of a game, as stored in game_snapshots.</summary>
public sealed record GameSnapshot
{
    public long Id { get; init; }
    public DateTime ObservedAt { get; init; }
    public required string State { get; init; }
    public int? Period { get; init; }
    public string? Clock { get; init; }
    public int? HomeScore { get; init; }
    public int? AwayScore { get; init; }
}

/// <summary>The nearest dates before and after a date that have games (null when there is none).</summary>
public sealed record AdjacentDates(DateOnly? Previous, DateOnly? Next);
