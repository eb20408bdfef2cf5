using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Teams.Logos;

/// <summary>A team whose logo is due: never fetched, its source URL changed, or last checked longer ago than the refresh age.</summary>
public sealed record DueLogo
{
    [Column("team_id")]
    public int TeamId { get; init; }

    [Column("source_url")]
    public required string SourceUrl { get; init; }

    /// <summary>What the stored copy's upstream said, for a conditional GET; null when nothing usable is stored.</summary>
    [Column("upstream_etag")]
    public string? UpstreamEtag { get; init; }

    [Column("upstream_last_modified")]
    public DateTimeOffset? UpstreamLastModified { get; init; }
}

/// <summary>The team_logos table: the Worker's writes and the Web's reads.</summary>
public sealed class TeamLogoRepository(GamePulseDbFactory databases)
{
    /// <summary>
    /// Teams with a logo URL whose logo is due (see <see cref="DueLogo"/>), except those whose last failure is recent: a
    /// failure waits a day, doubling per failure in a row up to <paramref name="refreshAge"/>.
    /// </summary>
    public async Task<IReadOnlyList<DueLogo>> DueAsync(DateTimeOffset now, TimeSpan refreshAge, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        // Raw SQL: the backoff is arithmetic on intervals, plainer in SQL than in a LINQ translation.
        return await db.QueryToListAsync<DueLogo>(
            """
            SELECT t.id AS team_id, t.logo_url AS source_url,
                   CASE WHEN l.source_url = t.logo_url THEN l.upstream_etag END AS upstream_etag,
                   CASE WHEN l.source_url = t.logo_url THEN l.upstream_last_modified END AS upstream_last_modified
            FROM teams t
            LEFT JOIN team_logos l ON l.team_id = t.id
            LEFT JOIN team_logo_failures f ON f.team_id = t.id AND f.source_url = t.logo_url
            WHERE t.logo_url LIKE 'http%'
              AND (l.team_id IS NULL OR l.source_url <> t.logo_url OR l.checked_at < @now - @refreshAge)
              AND (f.team_id IS NULL
                   OR f.failed_at < @now - LEAST(interval '1 day' * power(2, LEAST(f.attempts, 10) - 1), @refreshAge))
            ORDER BY l.team_id IS NOT NULL, t.id
            LIMIT @limit
            """,
            new { now, refreshAge, limit },
            cancellationToken);
    }

    /// <summary>Stores a fetched logo (a 200), replacing the old copy and forgetting a failure.</summary>
    public async Task StoreAsync(TeamLogo logo, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.InsertOrReplaceAsync(logo, token: cancellationToken);
        await db.GetTable<TeamLogoFailure>().Where(f => f.TeamId == logo.TeamId).DeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The upstream answered 304: the stored copy stands, checked now.</summary>
    public async Task MarkUnchangedAsync(int teamId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        await db.GetTable<TeamLogo>().Where(l => l.TeamId == teamId).Set(l => l.CheckedAt, now).UpdateAsync(cancellationToken);
        await db.GetTable<TeamLogoFailure>().Where(f => f.TeamId == teamId).DeleteAsync(cancellationToken);
    }

    /// <summary>A failed fetch: counted, so the next try waits longer; a stored copy (if any) is kept and still served.</summary>
    public async Task RecordFailureAsync(int teamId, string sourceUrl, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        // Raw SQL: one upsert that increments the count of failures in a row for the same source URL.
        await db.ExecuteAsync(
            """
            INSERT INTO team_logo_failures (team_id, source_url, failed_at, attempts, reason)
            VALUES (@teamId, @sourceUrl, @now, 1, @reason)
            ON CONFLICT (team_id) DO UPDATE SET
                attempts = CASE WHEN team_logo_failures.source_url = EXCLUDED.source_url THEN team_logo_failures.attempts + 1 ELSE 1 END,
                source_url = EXCLUDED.source_url, failed_at = EXCLUDED.failed_at, reason = EXCLUDED.reason
            """,
            new { teamId, sourceUrl, now, reason = reason.Length > 300 ? reason[..300] : reason },
            cancellationToken);
    }

    /// <summary>A team's stored logo, or null.</summary>
    public async Task<TeamLogo?> FindAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.GetTable<TeamLogo>().FirstOrDefaultAsync(l => l.TeamId == teamId, cancellationToken);
    }
}
