using GamePulse.Data.Games;
using GamePulse.Data.Leagues;

namespace GamePulse.Web.Pages.Brackets;

/// <summary>One place in a round: the game, or null for a slot the feeds have not listed yet (shown as TBD).</summary>
public sealed record BracketSlot(GameSummary? Game);

public sealed record BracketRound(string Key, string Heading, IReadOnlyList<BracketSlot> Slots);

public sealed record BracketRegion(string Name, IReadOnlyList<BracketRound> Rounds);

/// <summary>
/// The NCAA Tournament of a league season as a bracket: First Four, the regions by round, Final Four and the final.
/// Each round has its full number of slots (8 first-round games a region, then 4, 2, 1), the games the feeds listed in
/// bracket order and TBD for the rest, so the shape is complete from Selection Sunday on.
/// </summary>
public sealed record BracketView(League League, int Season, IReadOnlyList<GameSummary> Games, bool Polling)
{
    // A region's first-round pairings top to bottom (1–16, 8–9, 5–12, …): a game's place is its better seed's.
    private static readonly int[] SeedLines = [1, 16, 8, 9, 5, 12, 4, 13, 6, 11, 3, 14, 7, 10, 2, 15];

    private static readonly (TournamentStage Stage, string Key, string Heading, int PerRegion)[] RegionStages =
    [
        (TournamentStage.FirstRound, "first-round", "First Round", 8),
        (TournamentStage.SecondRound, "second-round", "Second Round", 4),
        (TournamentStage.Sweet16, "sweet-16", "Sweet 16", 2),
        (TournamentStage.Elite8, "elite-8", "Elite Eight", 1),
    ];

    public BracketRound FirstFour { get; } = Round(Games, TournamentStage.FirstFour, "first-four", "First Four", 4);

    public IReadOnlyList<BracketRegion> Regions { get; } = RegionsOf(Games);

    public BracketRound FinalFour { get; } = Round(Games, TournamentStage.FinalFour, "final-four", "Final Four", 2);

    public BracketRound Championship { get; } = Round(Games, TournamentStage.Championship, "championship", "National Championship", 1);

    private static IReadOnlyList<BracketRegion> RegionsOf(IReadOnlyList<GameSummary> games)
    {
        var regional = games.Where(g => g.TournamentRegion is { Length: > 0 } && RegionStages.Any(s => s.Stage == Tournaments.Stage(g.TournamentRound))).ToList();
        // Regions in the order their first games tip off (the feeds do not number them), then by name.
        return [.. regional.GroupBy(g => g.TournamentRegion!, StringComparer.OrdinalIgnoreCase)
            .OrderBy(r => r.Min(g => g.StartTime ?? DateTimeOffset.MaxValue)).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new BracketRegion(r.Key, [.. RegionStages.Select(s => Round([.. r], s.Stage, s.Key, s.Heading, s.PerRegion))]))];
    }

    private static BracketRound Round(IReadOnlyList<GameSummary> games, TournamentStage stage, string key, string heading, int slots)
    {
        var listed = games.Where(g => Tournaments.Stage(g.TournamentRound) == stage)
            .OrderBy(g => g.BracketId ?? int.MaxValue)
            .ThenBy(Line)
            .ThenBy(g => g.StartTime ?? DateTimeOffset.MaxValue)
            .ThenBy(g => g.Id)
            .Select(g => new BracketSlot(g))
            .ToList();
        return new BracketRound(key, heading, [.. listed, .. Enumerable.Repeat(new BracketSlot(null), Math.Max(0, slots - listed.Count))]);
    }

    private static int Line(GameSummary game)
    {
        var seeds = new[] { game.Home.Seed, game.Away.Seed }.OfType<int>().ToList();
        var index = seeds.Count == 0 ? -1 : Array.IndexOf(SeedLines, seeds.Min());
        return index < 0 ? SeedLines.Length : index;
    }
}
