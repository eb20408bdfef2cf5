namespace GamePulse.Data.Pulse;

/// <summary>Everything Pulse looks at for one game, all of it data the project stores itself.</summary>
public sealed record PulseInput
{
    public required short LeagueId { get; init; }
    public required string State { get; init; }
    public int? Period { get; init; }
    public string? Clock { get; init; }
    public int? HomeScore { get; init; }
    public int? AwayScore { get; init; }

    /// <summary>Short team names, used only in the factor texts.</summary>
    public string HomeName { get; init; } = "Home";

    public string AwayName { get; init; } = "Away";
    public int? HomeRank { get; init; }
    public int? AwayRank { get; init; }
    public int? HomeSeed { get; init; }
    public int? AwaySeed { get; init; }
    public bool ConferenceGame { get; init; }
    public string SeasonType { get; init; } = "regular";
    public string? Notes { get; init; }

    /// <summary>The home team's pre-game line (negative = home favoured, 0 = pick'em), null when the source gave none.</summary>
    public decimal? HomeSpread { get; init; }

    /// <summary>What the snapshot history says about the game so far (see <see cref="GameFlow.From"/>).</summary>
    public GameFlow Flow { get; init; } = GameFlow.None;
}
