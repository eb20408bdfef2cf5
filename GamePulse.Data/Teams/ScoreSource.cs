namespace GamePulse.Data.Teams;

/// <summary>Which upstream a payload, a game's or a team's external identifier, and an ingest run come from.</summary>
public enum ScoreSource
{
    Espn,
    Ncaa,
}

/// <summary>
/// The sources' names as ingest_runs.source and team resolution store them, Ingestion__Source and the Worker's
/// --source take them, and the admin area shows them.
/// </summary>
public static class ScoreSources
{
    public const string Espn = "espn";
    public const string Ncaa = "ncaa";

    public static string Name(this ScoreSource source) => source == ScoreSource.Espn ? Espn : Ncaa;

    public static bool TryParse(string? name, out ScoreSource source)
    {
        source = name == Ncaa ? ScoreSource.Ncaa : ScoreSource.Espn;
        return name is Espn or Ncaa;
    }
}
