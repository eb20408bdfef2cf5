using GamePulse.Data.Games;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>A game's tournament, region and round, as read from a notes headline.</summary>
public sealed record TournamentNote(string Tournament, string? Region, string? Round);

/// <summary>
/// ESPN's notes headline names a tournament game as "{tournament} - {region} Region - {round}" or "{tournament} - {round}":
/// "Men's Basketball Championship - South Region - 1st Round", "T. Rowe Price ACC Tournament - Final",
/// "Sun Belt Championship - 3rd Round". A headline of one part (no " - ") is a note, not a tournament.
/// </summary>
public static class EspnTournamentNotes
{
    private const string RegionSuffix = " Region";

    public static TournamentNote? Parse(string? headline)
    {
        var parts = headline?.Split(" - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length < 2)
        {
            return null;
        }

        var region = parts.Skip(1).FirstOrDefault(p => p.EndsWith(RegionSuffix, StringComparison.OrdinalIgnoreCase));
        var round = parts[^1] == region ? null : parts[^1];
        var name = Tournaments.IsNationalName(parts[0]) ? Tournaments.Ncaa : parts[0];
        return new TournamentNote(name, region?[..^RegionSuffix.Length], round);
    }
}
