using System.Globalization;
using GamePulse.Data.Games;
using GamePulse.FeedSimulator.Games;
using Microsoft.Extensions.Options;

namespace GamePulse.FeedSimulator.Slate;

/// <summary>
/// The slate and its clock. Simulated time runs <see cref="SimulatorOptions.Speed"/> times faster than real time from
/// <see cref="Start"/>; tip-offs are real instants, so the site shows them on today's (US-Eastern) scoreboard.
/// </summary>
public sealed class Simulation
{
    private readonly TimeProvider clock;

    public Simulation(IOptions<SimulatorOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        var settings = options.Value;
        Seed = settings.Seed;
        Speed = settings.Speed;
        Start = (settings.Start ?? clock.GetUtcNow()).ToUniversalTime();
        var teams = SeededTeam.Load();
        Games = [.. SimLeague.All.SelectMany(league => Build(league, SeededTeam.Of(teams, league), settings))];
    }

    public int Seed { get; }

    public double Speed { get; }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<SimGame> Games { get; }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The US-Eastern date the slate was made for.</summary>
    public DateOnly Today => EasternCalendar.DateOf(Start);

    /// <summary>Simulated seconds since the game's tip-off at a real instant (negative before it).</summary>
    public double Elapsed(SimGame game, DateTimeOffset at) => (at - game.TipOff).TotalSeconds * Speed;

    /// <summary>The real instant a play becomes visible in the feed.</summary>
    public DateTimeOffset VisibleAt(SimGame game, Play play) => game.TipOff + TimeSpan.FromSeconds(play.At / Speed);

    public GameMoment MomentOf(SimGame game) => GameMoment.At(game, Elapsed(game, Now));

    public IEnumerable<SimGame> On(SimLeague league, DateOnly date) =>
        Games.Where(g => g.League == league && EasternCalendar.DateOf(g.TipOff) == date);

    private IEnumerable<SimGame> Build(SimLeague league, IReadOnlyList<SeededTeam> teams, SimulatorOptions settings)
    {
        var random = new Random(HashCode(settings.Seed, league.Key));
        var picked = teams.OrderBy(_ => random.Next()).Take(settings.Games * 2).ToList();
        // One game in four is written to be level at the end of regulation, so every slate shows overtime.
        for (var i = 0; i < picked.Count / 2; i++)
        {
            var tip = Start + TimeSpan.FromMinutes((settings.FirstTipMinutes + (i * settings.TipSpacingMinutes)) / Speed);
            var eventId = string.Create(CultureInfo.InvariantCulture, $"59{settings.Seed % 10_000:D4}{(league == SimLeague.Mens ? 1 : 2)}{i:D2}");
            var plays = GameScript.Write(league, random.Next(), forceOvertime: i % 4 == 1);
            yield return new SimGame(eventId, league, picked[2 * i], picked[(2 * i) + 1], RecordOf(random), RecordOf(random), tip, plays);
        }
    }

    private static string RecordOf(Random random)
    {
        var wins = random.Next(4, 22);
        return string.Create(CultureInfo.InvariantCulture, $"{wins}-{random.Next(2, 26 - wins + 4)}");
    }

    // string.GetHashCode differs per process; the slate must not.
    private static int HashCode(int seed, string key) => key.Aggregate(seed * 31, (hash, c) => unchecked((hash * 31) + c));
}
