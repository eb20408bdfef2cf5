using GamePulse.Data.Games.Detail;
using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion.Summaries;

namespace GamePulse.Tests.Worker.Ingestion.Summaries;

/// <summary>The real summary store path over a test database, beside the scoreboard pipeline of <see cref="IngestHarness"/>.</summary>
public sealed class SummaryHarness(TestDatabase database)
{
    public RecordingLogger<SummaryIngester> Log { get; } = new();

    public IngestHarness Scoreboards { get; } = IngestHarness.Create(database);

    public SummaryIngester Ingester => new(database.Databases, database.Teams, database.Games, new GameDetailRepository(database.Databases), database.Pulse, new IngestRunRepository(database.Databases), TimeProvider.System, Log);

    public static byte[] Fixture(string name) => File.ReadAllBytes(RepositoryPaths.Fixture(name));

    public Task<SummaryStored> StoreAsync(string fixture) => StoreAsync(Fixture(fixture));

    public Task<SummaryStored> StoreAsync(byte[] body) => Ingester.StoreAsync(Leagues.Mens, body, CancellationToken.None);

    /// <summary>Row versions of every game and detail table: any write, even one that changes no value, shows here.</summary>
    public Task<string> VersionsAsync() => database.ScalarAsync<string>("""
        SELECT concat_ws('|',
            (SELECT string_agg(id || ':' || xmin::text, ',' ORDER BY id) FROM games),
            (SELECT count(*) FROM game_snapshots), (SELECT count(*) FROM pulse_history),
            (SELECT string_agg(game_id || ':' || xmin::text, ',' ORDER BY game_id) FROM game_details),
            (SELECT sum(xmin::text::bigint) FROM game_plays), (SELECT count(*) FROM game_plays),
            (SELECT sum(xmin::text::bigint) FROM game_player_stats), (SELECT sum(xmin::text::bigint) FROM game_team_stats),
            (SELECT sum(xmin::text::bigint) FROM game_leaders))
        """);
}
