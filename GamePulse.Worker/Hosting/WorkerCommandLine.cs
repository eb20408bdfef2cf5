using System.CommandLine;
using System.CommandLine.Parsing;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Backfill;
using GamePulse.Worker.Migrations;
using GamePulse.Worker.Pulse;

namespace GamePulse.Worker.Hosting;

/// <summary>
/// The Worker executable's one command line (System.CommandLine): <c>run</c> (the default), <c>migrate</c>,
/// <c>pulse recompute</c>, <c>ingest</c> and <c>backfill</c>, each with <c>--help</c>. Every command also takes
/// configuration overrides as <c>--Section:Key=Value</c>, handed to the host it builds. A mistake on the command line
/// (found by the parser, or by a command as a <see cref="UsageException"/>) is exit 64 (EX_USAGE) with one line per
/// problem on stderr; a configuration problem is left to <see cref="GamePulse.Hosting.StartupGuard"/> (exit 78).
/// </summary>
public static class WorkerCommandLine
{
    public const string ExecutableName = "GamePulse.Worker";
    public const int UsageError = 64;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new List<string>();
        var root = CreateRoot(settings);
        var (arguments, overrides) = SplitSettings(root, args);
        settings.AddRange(overrides);

        var result = root.Parse(arguments, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
        {
            return await UsageErrorAsync(result.CommandResult, result.Errors.Select(e => e.Message));
        }

        try
        {
            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = Console.Out,
                Error = Console.Error,
                // Configuration errors must reach StartupGuard (exit 78), not become a stack trace and exit 1.
                EnableDefaultExceptionHandler = false,
                // Ctrl-C and SIGTERM belong to the generic host (run) and to backfill's own handler, not to the parser.
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException ex)
        {
            return await UsageErrorAsync(result.CommandResult, [ex.Message]);
        }
    }

    /// <summary>
    /// Takes the configuration overrides out of the arguments: a <c>--Name=Value</c> token whose name is not an option
    /// of any command (<c>--league=mens</c> is still an option).
    /// </summary>
    public static (string[] Arguments, string[] Settings) SplitSettings(Command root, IReadOnlyList<string> args)
    {
        var options = OptionNames(root);
        var (arguments, settings) = (new List<string>(), new List<string>());
        foreach (var arg in args)
        {
            var isSetting = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var end && !options.Contains(arg[..end]);
            (isSetting ? settings : arguments).Add(arg);
        }

        return ([.. arguments], [.. settings]);
    }

    private static RootCommand CreateRoot(IReadOnlyList<string> settings)
    {
        var run = new Command("run", $"Run the schedules: the scoreboard tick and the daily window refresh (the default command). {CommandOptions.SettingsNote}");
        run.SetAction((_, _) => RunHostAsync(settings));

        var root = new RootCommand(
            "The GamePulse Worker: ingests the score feeds on schedules and sends email. Without a command it runs the schedules "
            + "(as 'run'). Every command takes setting overrides as --Section:Key=Value, e.g. --ConnectionStrings:GamePulse=Host=...")
        {
            run,
            MigrateCommand.Create(settings),
            PulseCommand.Create(settings),
            IngestCommand.Create(settings),
            BackfillCommand.Create(settings),
        };
        root.HelpName = ExecutableName;
        root.SetAction((_, _) => RunHostAsync(settings));

        // "GamePulse.Worker help" kept working from the hand-written parser; --help is the documented way.
        var help = new Command("help", "Show this help") { Hidden = true };
        help.SetAction((_, cancellationToken) => root.Parse(["--help"]).InvokeAsync(cancellationToken: cancellationToken));
        root.Add(help);
        return root;
    }

    private static async Task<int> RunHostAsync(IReadOnlyList<string> settings)
    {
        using var host = WorkerHost.CreateBuilder([.. settings]).Build();
        await host.RunAsync();
        return 0;
    }

    // One line per problem, named by the command ("pulse recompute: ..."), then where its usage is.
    private static async Task<int> UsageErrorAsync(CommandResult command, IEnumerable<string> problems)
    {
        var names = new List<string>();
        for (SymbolResult? current = command; current is CommandResult { Command: not RootCommand } sub; current = current.Parent)
        {
            names.Insert(0, sub.Command.Name);
        }

        var path = string.Join(' ', names);
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"{(names.Count == 0 ? ExecutableName : path)}: {problem}");
        }

        await Console.Error.WriteLineAsync($"Run '{string.Join(' ', names.Prepend(ExecutableName))} --help' for its usage.");
        return UsageError;
    }

    private static HashSet<string> OptionNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in command.Options)
        {
            names.Add(option.Name);
            names.UnionWith(option.Aliases);
        }

        foreach (var subcommand in command.Subcommands)
        {
            names.UnionWith(OptionNames(subcommand));
        }

        return names;
    }
}
