using LinqToDB.Mapping;

namespace GamePulse.Data.Teams;

/// <summary>The teams table as stored; <see cref="Team"/> is what pages read (with its conference).</summary>
[Table("teams")]
public sealed record TeamRow
{
    [Column("id"), PrimaryKey, Identity]
    public int Id { get; init; }

    [Column("league_id")]
    public short LeagueId { get; init; }

    [Column("slug")]
    public required string Slug { get; init; }

    [Column("display_name")]
    public required string DisplayName { get; init; }

    [Column("short_name")]
    public required string ShortName { get; init; }

    [Column("location")]
    public string? Location { get; init; }

    [Column("nickname")]
    public string? Nickname { get; init; }

    [Column("abbreviation")]
    public string? Abbreviation { get; init; }

    [Column("conference_id")]
    public int? ConferenceId { get; init; }

    [Column("primary_color")]
    public string? PrimaryColor { get; init; }

    [Column("secondary_color")]
    public string? SecondaryColor { get; init; }

    [Column("logo_url")]
    public string? LogoUrl { get; init; }

    [Column("espn_id")]
    public string? EspnId { get; init; }

    [Column("ncaa_seo")]
    public string? NcaaSeo { get; init; }

    [Column("active")]
    public bool Active { get; init; }

    [Column("origin")]
    public required string Origin { get; init; }

    [Column("updated_at", SkipOnInsert = true)]
    public DateTimeOffset UpdatedAt { get; init; }
}
