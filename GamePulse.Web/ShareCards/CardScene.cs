using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// One team on a card. <see cref="LogoTeamId"/> names the team whose stored logo is drawn (null: the colour disc with
/// <see cref="Abbreviation"/>); <see cref="LogoUrl"/> carries the stored logo's version, so a new logo is a new card version.
/// </summary>
public sealed record CardSide(string Name, string Abbreviation, string Color, int? Rank, int? Seed, string? Record, int? Score, bool Winner, int? LogoTeamId, string? LogoUrl)
{
    /// <summary>"No. 3 Duke", "(1) Duke", "No. 3 (1) Duke".</summary>
    public string Label => string.Concat(Rank is { } rank and > 0 ? $"No. {rank} " : "", Seed is { } seed and > 0 ? $"({seed}) " : "", Name);
}

/// <summary>A game as one line of a day or team card.</summary>
public sealed record CardRow(CardSide Away, CardSide Home, string State, int? Pulse, bool ShowScores);

/// <summary>
/// Everything a card shows, and nothing else: its <see cref="Version"/> is the hash of this, so the card's URL changes
/// exactly when its picture would. <see cref="HideScore"/> is the spoiler-free form: no score, no winner, Pulse instead.
/// </summary>
public abstract record CardScene(string SiteName, bool HideScore)
{
    /// <summary>Bumped when the drawing changes, so every card gets a new URL and caches let go of the old picture.</summary>
    private const string RendererRevision = "1";

    [JsonIgnore]
    public string Version
    {
        get
        {
            var text = RendererRevision + JsonSerializer.Serialize(this, GetType());
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        }
    }

    /// <summary>The teams whose stored logos the card draws.</summary>
    [JsonIgnore]
    public abstract IEnumerable<int> LogoTeamIds { get; }
}

/// <summary>One game: both teams large, the score (or tip-off), the state, the round, the Pulse badge.</summary>
public sealed record MatchupScene(
    string SiteName, bool HideScore, string Headline, CardSide Away, CardSide Home, bool NeutralSite, string StateLine, string? WhenLine,
    bool ShowScores, int? Pulse, string? PulseNote) : CardScene(SiteName, HideScore)
{
    [JsonIgnore]
    public override IEnumerable<int> LogoTeamIds => new[] { Away.LogoTeamId, Home.LogoTeamId }.OfType<int>();
}

/// <summary>A list of games under a title: a scoreboard day's best by Pulse, or a team's latest and next games.</summary>
public sealed record ListScene(string SiteName, bool HideScore, string Title, string Subtitle, CardSide? Team, IReadOnlyList<CardRow> Rows)
    : CardScene(SiteName, HideScore)
{
    [JsonIgnore]
    public override IEnumerable<int> LogoTeamIds =>
        Rows.SelectMany(r => new[] { r.Away.LogoTeamId, r.Home.LogoTeamId }).Append(Team?.LogoTeamId).OfType<int>().Distinct();
}
