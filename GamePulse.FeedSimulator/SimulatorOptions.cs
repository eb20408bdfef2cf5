using System.ComponentModel.DataAnnotations;

namespace GamePulse.FeedSimulator;

/// <summary>Settings of section "Simulator" (command line: --seed, --speed, --games, --first-tip, --tip-spacing, --start).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>The same seed gives the same slate and the same plays, second for second.</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 1;

    /// <summary>Simulated seconds per real second: 20 plays a 2-hour game in 6 minutes.</summary>
    [Range(0.1, 1000.0)]
    public double Speed { get; set; } = 1;

    /// <summary>Games per league (men's and women's each).</summary>
    [Range(1, 60)]
    public int Games { get; set; } = 12;

    /// <summary>Tip-off of the first game, in simulated minutes from the start; negative: already under way.</summary>
    [Range(-600, 600)]
    public double FirstTipMinutes { get; set; } = -40;

    /// <summary>Simulated minutes between one tip-off and the next of a league.</summary>
    [Range(0, 240)]
    public double TipSpacingMinutes { get; set; } = 12;

    /// <summary>The instant simulated time starts from; default: when the process starts. Pin it to replay a run.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Command-line switches, mapped onto this section.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--seed"] = $"{Section}:{nameof(Seed)}",
        ["--speed"] = $"{Section}:{nameof(Speed)}",
        ["--games"] = $"{Section}:{nameof(Games)}",
        ["--first-tip"] = $"{Section}:{nameof(FirstTipMinutes)}",
        ["--tip-spacing"] = $"{Section}:{nameof(TipSpacingMinutes)}",
        ["--start"] = $"{Section}:{nameof(Start)}",
    };
}
