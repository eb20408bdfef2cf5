using System.Globalization;
using GamePulse.Data.Leagues;
using GamePulse.Data.Live;
using GamePulse.Data.Site;
using GamePulse.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Live;

/// <summary>
/// GET /live/{league}/{date}[/games/{id}][/{view}]: a text/event-stream of the day's (or one game's) changes as the
/// shared events of its <see cref="LiveHub"/>. Bad names are 404s; a full process or a database that cannot be read
/// answers 503 with Retry-After (the page then goes on polling). The answer ends with
/// <see cref="LiveStreams.EndEvent"/> once nothing it covers can change, and when the process stops.
/// </summary>
public static class LiveStreamEndpoint
{
    public static IEndpointRouteBuilder MapLiveStreams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/live/{league}/{date}/{view?}", (HttpContext http, string league, string date, string? view) => StreamAsync(http, league, date, view, gameId: null));
        endpoints.MapGet("/live/{league}/{date}/games/{id:long}/{view?}", (HttpContext http, string league, string date, long id, string? view) => StreamAsync(http, league, date, view, id));
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext http, string league, string date, string? view, long? gameId)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<LiveStreamOptions>>().Value;
        if (!options.Enabled || !UrlSlug.IsPlausible(league) || !SiteUrls.TryParseDate(date, out var day) || !LiveView.TryParse(view, out var liveView)
            || !TryReadSince(http.Request, out var since))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (await services.GetRequiredService<LeagueRepository>().FindBySlugAsync(league, http.RequestAborted) is not { } found)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var hubs = services.GetRequiredService<LiveHubs>();
        if (hubs.TryJoin(new LiveStreamKey(found.Slug, day, liveView), found) is not { } hub)
        {
            Unavailable(http, options);
            return;
        }

        try
        {
            try
            {
                await hub.Ready.WaitAsync(http.RequestAborted);
            }
            catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
            {
                Unavailable(http, options);
                return;
            }

            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
            await new LiveSubscriber(http.Response, hub, gameId).RunAsync(http.Request.Headers["Last-Event-ID"], since, ending.Token);
        }
        catch (OperationCanceledException)
        {
            // The visitor left or the process stops: the stream simply ends (EventSource reconnects elsewhere).
        }
        catch (IOException)
        {
        }
        finally
        {
            hubs.Leave(hub);
        }
    }

    private static bool TryReadSince(HttpRequest request, out long? since)
    {
        since = null;
        if (!request.Query.TryGetValue(LiveStreams.SinceKey, out var text))
        {
            return true;
        }

        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        since = value;
        return ok;
    }

    private static void Unavailable(HttpContext http, LiveStreamOptions options)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>One open stream: a cursor into its hub's log and the response it writes to.</summary>
    private sealed class LiveSubscriber(HttpResponse response, LiveHub hub, long? gameId)
    {
        public async Task RunAsync(string? lastEventId, long? since, CancellationToken cancellationToken)
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-store";
            // nginx buffers proxied answers unless told otherwise; its /live/ location says so too (belt and braces).
            response.Headers["X-Accel-Buffering"] = "no";
            response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var body = response.Body;

            if (hub.Ended || gameId is { } id && !hub.IsGameOpen(id))
            {
                await body.WriteAsync(hub.EndNow(), cancellationToken);
                return;
            }

            var (cursor, resync) = hub.Start(lastEventId, since, gameId);
            if (resync)
            {
                (cursor, var bytes) = hub.ResyncNow();
                await body.WriteAsync(bytes, cancellationToken);
            }
            else
            {
                await body.WriteAsync(LiveMessage.Heartbeat, cancellationToken); // sends the headers: EventSource opens now
            }

            await body.FlushAsync(cancellationToken);
            while (true)
            {
                var (messages, wakeup, fellBehind) = hub.Read(cursor);
                if (fellBehind)
                {
                    (cursor, var bytes) = hub.ResyncNow();
                    await body.WriteAsync(bytes, cancellationToken);
                }
                else if (messages.Count == 0)
                {
                    await wakeup.WaitAsync(cancellationToken);
                    if (hub.Read(cursor).Messages.Count == 0)
                    {
                        await body.WriteAsync(LiveMessage.Heartbeat, cancellationToken);
                    }
                }

                foreach (var message in messages)
                {
                    cursor = message.Sequence;
                    if (gameId is { } game && message.GameIds.Count > 0 && !message.GameIds.Contains(game))
                    {
                        continue;
                    }

                    await body.WriteAsync(message.Bytes, cancellationToken);
                    if (message.EndsDay || gameId is { } settled && message.EndsGames.Contains(settled))
                    {
                        if (!message.EndsDay)
                        {
                            await body.WriteAsync(hub.EndNow(), cancellationToken);
                        }

                        await body.FlushAsync(cancellationToken);
                        return;
                    }
                }

                await body.FlushAsync(cancellationToken);
            }
        }
    }
}
