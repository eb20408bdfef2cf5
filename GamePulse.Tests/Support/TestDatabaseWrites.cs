using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;

namespace GamePulse.Tests.Support;

/// <summary>
/// The repositories' writes, each in a unit of work of its own that commits at once: how tests arrange data. The Worker
/// itself runs several of them in one unit of work (ScoreboardIngester); tests of that path go through the ingester.
/// </summary>
public static class TestDatabaseWrites
{
    public static Task<UpsertResult> UpsertGamesAsync(this TestDatabase database, short leagueId, ScoreSource source, IReadOnlyCollection<GameUpsert> games, DateTimeOffset observedAt) =>
        database.InUnitOfWorkAsync(db => database.Games.UpsertAsync(db, leagueId, source, games, observedAt));

    public static Task<PulseRecomputeResult> RecomputePulseAsync(this TestDatabase database, IReadOnlyCollection<long> gameIds, DateTimeOffset observedAt) =>
        database.InUnitOfWorkAsync(db => database.Pulse.RecomputeAsync(db, gameIds, observedAt));

    public static Task<ResolvedTeams> ResolveTeamsAsync(this TestDatabase database, short leagueId, ScoreSource source, IReadOnlyCollection<FeedTeam> feedTeams) =>
        database.InUnitOfWorkAsync(db => database.Teams.ResolveAsync(db, leagueId, source, feedTeams));

    public static Task<long> RecordRunAsync(this TestDatabase database, IngestRun run) =>
        database.InUnitOfWorkAsync(db => new IngestRunRepository(database.Databases).RecordAsync(db, run));

    /// <summary>The newest recorded ingest runs, newest first.</summary>
    public static async Task<IReadOnlyList<IngestRun>> RecentRunsAsync(this TestDatabase database, int limit) =>
        (await new IngestRunRepository(database.Databases).SearchAsync(null, null, 0, limit)).Runs;
}
