namespace GamePulse.Data.Games;

/// <summary>A game as parsed from one upstream payload, with its teams already resolved to our ids.</summary>
public sealed record GameUpsert
{
    public required string ExternalId { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public required DateOnly GameDate { get; init; }
    public required string State { get; init; }
    public short? Period { get; init; }
    public string? Clock { get; init; }
    public string? Detail { get; init; }
    /// <summary>Our team id of each side; null while the feed lists a placeholder (a bracket slot not decided yet).</summary>
    public required int? HomeTeamId { get; init; }

    public required int? AwayTeamId { get; init; }

    /// <summary>What the feed calls an unknown side when it says more than "TBD" (e.g. "Winner of …"); null otherwise.</summary>
    public string? HomePlaceholder { get; init; }

    public string? AwayPlaceholder { get; init; }
    public short? HomeScore { get; init; }
    public short? AwayScore { get; init; }
    public short[]? HomeLineScores { get; init; }
    public short[]? AwayLineScores { get; init; }
    public short? HomeRank { get; init; }
    public short? AwayRank { get; init; }
    public short? HomeSeed { get; init; }
    public short? AwaySeed { get; init; }
    public string? HomeRecord { get; init; }
    public string? AwayRecord { get; init; }
    public string? VenueName { get; init; }
    public string? VenueCity { get; init; }
    public string? VenueState { get; init; }
    public bool NeutralSite { get; init; }
    public bool ConferenceGame { get; init; }
    public string? Broadcast { get; init; }
    public required short Season { get; init; }
    public string SeasonType { get; init; } = "regular";
    public string? Notes { get; init; }

    /// <summary>The tournament (<see cref="Tournaments.Ncaa"/> for the national one), region and round; null outside tournaments.</summary>
    public string? Tournament { get; init; }

    public string? TournamentRegion { get; init; }

    public string? TournamentRound { get; init; }

    /// <summary>NCAA.com's bracket position (bracketId), where that feed gives one.</summary>
    public int? BracketId { get; init; }

    /// <summary>The home team's pre-game line: negative = home favoured, positive = away favoured, null = no line.</summary>
    public decimal? HomeSpread { get; init; }

    /// <summary>The pre-game projected total points, null when the source gives none.</summary>
    public decimal? OverUnder { get; init; }

    /// <summary>
    /// Pulse computed for this game as if it were new (<see cref="Pulse.NewGamePulse"/>): written only when the upsert
    /// inserts the game. An existing game is rescored from its stored snapshots instead; null leaves both to Pulse.
    /// </summary>
    public short? PulseScore { get; init; }

    public IReadOnlyList<string>? PulseFactors { get; init; }
}

/// <summary>A final game whose score the source changed after it ended.</summary>
public sealed record ScoreCorrection(long GameId, string ExternalId, short? OldHomeScore, short? OldAwayScore, short? NewHomeScore, short? NewAwayScore);

public sealed record UpsertResult(
    int Seen,
    int Inserted,
    int Updated,
    int Unchanged,
    int SnapshotRows,
    int StaleIgnored,
    IReadOnlyList<long> ChangedGameIds,
    IReadOnlyList<ScoreCorrection> Corrections)
{
    /// <summary>Changed games whose Pulse the upsert did not write itself (every update, and inserts without a precomputed Pulse).</summary>
    public IReadOnlyList<long> UnscoredGameIds { get; init; } = ChangedGameIds;
}

/// <summary>Which payload a game row comes from, and so how much of the stored row it may change.</summary>
public enum GameWriteMode
{
    /// <summary>A scoreboard: the authority for every column (within the never-regress guard).</summary>
    Scoreboard,

    /// <summary>One game's summary: it moves the play forward and fills gaps, never blanks or rewrites the rest.</summary>
    Summary,
}
