using LinqToDB.Mapping;

namespace GamePulse.Data.Teams.Logos;

/// <summary>A team's logo as the Worker stored it (team_logos): the bytes, their type and what the upstream said about them.</summary>
[Table("team_logos")]
public sealed record TeamLogo
{
    [Column("team_id"), PrimaryKey]
    public int TeamId { get; init; }

    [Column("source_url")]
    public required string SourceUrl { get; init; }

    [Column("content")]
    public required byte[] Content { get; init; }

    [Column("content_type")]
    public required string ContentType { get; init; }

    /// <summary>The content's hash (<see cref="LogoImages.Version"/>); the logo's URL carries it.</summary>
    [Column("version")]
    public required string Version { get; init; }

    [Column("upstream_etag")]
    public string? UpstreamEtag { get; init; }

    [Column("upstream_last_modified")]
    public DateTimeOffset? UpstreamLastModified { get; init; }

    [Column("fetched_at")]
    public DateTimeOffset FetchedAt { get; init; }

    [Column("checked_at")]
    public DateTimeOffset CheckedAt { get; init; }
}

/// <summary>
/// The same table read for its version alone: every game read joins it to build the logo's URL, and must not drag the
/// bytes along.
/// </summary>
[Table("team_logos")]
public sealed record TeamLogoVersion
{
    [Column("team_id"), PrimaryKey]
    public int TeamId { get; init; }

    [Column("version")]
    public required string Version { get; init; }
}

/// <summary>A team whose last logo fetch failed (team_logo_failures), so the next try waits.</summary>
[Table("team_logo_failures")]
public sealed record TeamLogoFailure
{
    [Column("team_id"), PrimaryKey]
    public int TeamId { get; init; }

    [Column("source_url")]
    public required string SourceUrl { get; init; }

    [Column("failed_at")]
    public DateTimeOffset FailedAt { get; init; }

    [Column("attempts")]
    public int Attempts { get; init; }

    [Column("reason")]
    public required string Reason { get; init; }
}
