using System.Globalization;

namespace GamePulse.Worker.Ingestion;

/// <summary>A command-line mistake: the command prints it with the usage and exits 64 (EX_USAGE).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>"--name value" options of the ingest and backfill commands, each allowed once.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public CommandArguments(string command, IReadOnlyList<string> args, IReadOnlySet<string> allowed)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!allowed.Contains(name))
            {
                throw new UsageException($"{command}: unknown option '{name}'");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"{command}: {name} needs a value");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new UsageException($"{command}: {name} is given twice");
            }
        }

        Command = command;
    }

    public string Command { get; }

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public string Required(string name) => Optional(name) ?? throw new UsageException($"{Command}: {name} is required");

    public DateOnly Date(string name, TimeProvider clock)
    {
        var text = Required(name);
        var today = Data.Games.EasternCalendar.Today(clock);
        return text switch
        {
            "today" => today,
            "yesterday" => today.AddDays(-1),
            _ when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
            _ => throw new UsageException($"{Command}: {name} '{text}' is not a date (yyyy-MM-dd, today or yesterday)"),
        };
    }

    public Data.Teams.ScoreSource? Source(string name) => Optional(name) switch
    {
        null => null,
        var text when Data.Teams.ScoreSources.TryParse(text, out var source) => source,
        var other => throw new UsageException($"{Command}: {name} '{other}' must be {Data.Teams.ScoreSources.Espn} or {Data.Teams.ScoreSources.Ncaa}"),
    };

    /// <summary>A league by slug (mens-college-basketball) or code (mens).</summary>
    public static async Task<Data.Leagues.League> LeagueAsync(Data.Leagues.LeagueRepository leagues, string command, string value, CancellationToken cancellationToken)
    {
        var all = await leagues.GetAllAsync(cancellationToken);
        return all.FirstOrDefault(l => l.Slug == value || l.Code == value)
            ?? throw new UsageException($"{command}: unknown league '{value}' (one of: {string.Join(", ", all.Select(l => l.Slug))})");
    }
}
