using System.Text.Json;
using System.Text.Json.Serialization;
using GamePulse.Data.Seed;

namespace GamePulse.FeedSimulator.Slate;

/// <summary>A real Division I team from the project's seed (GamePulse.Data/Seed/teams.json), so every game resolves.</summary>
public sealed record SeededTeam(
    [property: JsonPropertyName("espnId")] string EspnId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("shortName")] string ShortName,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("nickname")] string Nickname,
    [property: JsonPropertyName("abbreviation")] string Abbreviation,
    [property: JsonPropertyName("conference")] string Conference,
    [property: JsonPropertyName("primaryColor")] string? PrimaryColor,
    [property: JsonPropertyName("secondaryColor")] string? SecondaryColor,
    [property: JsonPropertyName("leagues")] IReadOnlyList<string> Leagues,
    [property: JsonPropertyName("active")] bool Active)
{
    /// <summary>The seed the migrations apply, read from the data library's embedded resource (one source of truth).</summary>
    public static IReadOnlyList<SeededTeam> Load()
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream("GamePulse.Data.Seed.teams.json")
            ?? throw new InvalidOperationException("GamePulse.Data has no embedded Seed/teams.json.");
        return JsonSerializer.Deserialize<List<SeededTeam>>(stream) ?? [];
    }

    public static IReadOnlyList<SeededTeam> Of(IReadOnlyList<SeededTeam> teams, SimLeague league) =>
        [.. teams.Where(t => t.Active && t.Leagues.Contains(league.Key)).OrderBy(t => t.EspnId, StringComparer.Ordinal)];
}
