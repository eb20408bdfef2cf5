using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;

namespace GamePulse.Worker.Hosting;

/// <summary>
/// A command-line mistake a command finds itself: options that go together (the parser's validators would hide its
/// "required" errors) or an unknown league (found once the database answers). Exit 64 (EX_USAGE), like a parse error.
/// </summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The options several Worker commands share, so each is spelled, parsed and explained once.</summary>
public static class CommandOptions
{
    /// <summary>Ends every command's description (the root's explains it in full): every command takes overrides.</summary>
    public const string SettingsNote = "Takes --Section:Key=Value setting overrides.";

    public static Option<string> League() => new("--league")
    {
        Description = "mens-college-basketball, womens-college-basketball, or mens / womens",
        HelpName = "league",
        Required = true,
    };

    /// <summary>A US-Eastern date: yyyy-MM-dd, today or yesterday.</summary>
    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = $"{description} (yyyy-MM-dd, today or yesterday; US-Eastern)",
        HelpName = "date",
        Required = required,
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => ParseDate(name, result),
    };

    /// <summary>espn or ncaa; null when not given (the command then uses its default).</summary>
    public static Option<ScoreSource?> Source(string description) => new("--source")
    {
        Description = description,
        HelpName = "espn|ncaa",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = ParseSource,
    };

    /// <summary>A league by slug (mens-college-basketball) or code (mens), as stored.</summary>
    public static async Task<League> LeagueAsync(LeagueRepository leagues, string value, CancellationToken cancellationToken)
    {
        var all = await leagues.GetAllAsync(cancellationToken);
        return all.FirstOrDefault(l => l.Slug == value || l.Code == value)
            ?? throw new UsageException($"unknown league '{value}' (one of: {string.Join(", ", all.Select(l => l.Slug))})");
    }

    private static DateOnly? ParseDate(string name, ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        var today = EasternCalendar.Today(TimeProvider.System);
        switch (text)
        {
            case "today":
                return today;
            case "yesterday":
                return today.AddDays(-1);
            default:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                result.AddError($"{name} '{text}' is not a date (yyyy-MM-dd, today or yesterday)");
                return null;
        }
    }

    private static ScoreSource? ParseSource(ArgumentResult result)
    {
        switch (result.Tokens[0].Value)
        {
            case "espn":
                return ScoreSource.Espn;
            case "ncaa":
                return ScoreSource.Ncaa;
            case var other:
                result.AddError($"--source '{other}' must be espn or ncaa");
                return null;
        }
    }
}
