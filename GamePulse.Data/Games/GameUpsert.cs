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
    public required int HomeTeamId { get; init; }
    public required int AwayTeamId { get; init; }
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
