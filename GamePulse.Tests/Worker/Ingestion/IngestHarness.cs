using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Espn;
using GamePulse.Worker.Ingestion.Ncaa;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>The real ingest pipeline over a test database, with a recording logger and fast retry settings.</summary>
public sealed class IngestHarness(TestDatabase database)
{
    public RecordingLogger<ScoreboardIngester> Log { get; } = new();

    public ScoreboardIngester Ingester { get; private set; } = null!;

    public IngestRunRepository Runs => new(database.Databases);

    public TestDatabase Database => database;

    public static IngestionOptions FastOptions(string baseUrl) => new()
    {
        EspnBaseUrl = baseUrl,
        NcaaBaseUrl = baseUrl,
        RetryBaseDelayMilliseconds = 20,
        RequestTimeoutSeconds = 2,
        MaxRetries = 3,
        EspnRequestsPerSecond = 50,
        NcaaRequestsPerSecond = 5,
    };

    public static IngestHarness Create(TestDatabase database)
    {
        var harness = new IngestHarness(database);
        harness.Ingester = new ScoreboardIngester(database.Databases, database.Teams, database.Games, database.Pulse, harness.Runs, new FailureStreaks(), TimeProvider.System, harness.Log);
        return harness;
    }

    public static EspnScoreSource Espn(IngestionOptions options) => new(Options.Create(options), TimeProvider.System);

    public static NcaaScoreSource Ncaa(IngestionOptions options) => new(Options.Create(options), TimeProvider.System);

    public Task<IngestRun> FileAsync(string fixture, GamePulse.Data.Leagues.League? league = null, GamePulse.Data.Teams.ScoreSource source = GamePulse.Data.Teams.ScoreSource.Espn) =>
        BytesAsync(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)), league, source);

    public Task<IngestRun> BytesAsync(byte[] body, GamePulse.Data.Leagues.League? league = null, GamePulse.Data.Teams.ScoreSource source = GamePulse.Data.Teams.ScoreSource.Espn) =>
        Ingester.IngestSavedAsync(new IngestTarget("file", league ?? Leagues.Mens, null, source), body, CancellationToken.None);
}
