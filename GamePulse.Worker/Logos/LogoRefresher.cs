using GamePulse.Data.Teams.Logos;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Logos;

/// <summary>The outcome of one pass, for the log line and the tests.</summary>
public sealed record LogoPass(int Due, int Stored, int Unchanged, int Failed);

/// <summary>
/// One pass over the logos that are due (decision 0441): fetched a few at a time (Logos__Concurrency), each stored,
/// marked unchanged (304) or recorded as a failure, which keeps any copy stored before and waits longer each time.
/// </summary>
public sealed class LogoRefresher(TeamLogoRepository logos, LogoClient client, IOptions<LogoOptions> options, TimeProvider clock, ILogger<LogoRefresher> logger)
{
    public async Task<LogoPass> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await logos.DueAsync(clock.GetUtcNow(), TimeSpan.FromDays(settings.RefreshDays), settings.MaxPerPass, cancellationToken);
        int stored = 0, unchanged = 0, failed = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken }, async (logo, token) =>
        {
            var now = clock.GetUtcNow();
            switch (await client.FetchAsync(logo, token))
            {
                case LogoFetch.Image image:
                    await logos.StoreAsync(new TeamLogo
                    {
                        TeamId = logo.TeamId,
                        SourceUrl = logo.SourceUrl,
                        Content = image.Content,
                        ContentType = image.ContentType,
                        Version = LogoImages.Version(image.Content),
                        UpstreamEtag = image.Etag,
                        UpstreamLastModified = image.LastModified,
                        FetchedAt = now,
                        CheckedAt = now,
                    }, token);
                    Interlocked.Increment(ref stored);
                    break;
                case LogoFetch.Unchanged:
                    await logos.MarkUnchangedAsync(logo.TeamId, now, token);
                    Interlocked.Increment(ref unchanged);
                    break;
                case LogoFetch.Failed failure:
                    await logos.RecordFailureAsync(logo.TeamId, logo.SourceUrl, failure.Reason, now, token);
                    logger.LogWarning("Logo of team {TeamId} not stored: {Reason}", logo.TeamId, failure.Reason);
                    Interlocked.Increment(ref failed);
                    break;
            }
        });

        var pass = new LogoPass(due.Count, stored, unchanged, failed);
        if (due.Count > 0)
        {
            logger.LogInformation("Logo pass: {Due} due, {Stored} stored, {Unchanged} unchanged, {Failed} failed", pass.Due, pass.Stored, pass.Unchanged, pass.Failed);
        }

        return pass;
    }
}
