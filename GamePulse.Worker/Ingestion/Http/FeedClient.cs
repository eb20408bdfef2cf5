using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GamePulse.Worker.Ingestion.Http;

/// <summary>
/// The HTTP side of one score source: a per-attempt timeout, jittered exponential retries on network errors, 408, 429
/// and 5xx only (honouring Retry-After), a circuit breaker of its own, and a client-side rate limit.
/// </summary>
public sealed class FeedClient : IDisposable
{
    private readonly HttpClient http;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly RequestRateLimiter limiter;
    private readonly bool ownsLimiter;
    private readonly string name;

    public FeedClient(string name, IngestionOptions options, double requestsPerSecond, TimeProvider clock, IReadOnlyDictionary<string, string>? headers = null)
        : this(name, options, new RequestRateLimiter(requestsPerSecond, clock), clock, headers)
    {
        ownsLimiter = true;
    }

    /// <summary>
    /// A client with its own retries and circuit that shares <paramref name="limiter"/> with another one of the same
    /// upstream (ESPN's two scoreboard groups): one URL failing does not open the other's circuit, and the upstream
    /// still sees one polite request rate.
    /// </summary>
    public FeedClient(string name, IngestionOptions options, RequestRateLimiter limiter, TimeProvider clock, IReadOnlyDictionary<string, string>? headers = null)
    {
        this.name = name;
        this.limiter = limiter;
        http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        })
        {
            // Polly owns timeouts; HttpClient's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("GamePulse/1.0 (+college basketball scoreboard)");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation(key, value);
        }

        pipeline = BuildPipeline(options, clock);
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>GETs <paramref name="url"/>; the body of a 2xx, else <see cref="FeedUnavailableException"/>.</summary>
    public async Task<FeedResponse> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async token =>
                {
                    await limiter.WaitAsync(token);
                    return await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, token);
                },
                cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new FeedUnavailableException($"{name} circuit is open after repeated failures; not calling {url.Host} for now", null, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new FeedUnavailableException($"{name} did not answer within the timeout ({url.Host})", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedUnavailableException($"{name} unreachable: {ex.Message}", null, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedUnavailableException($"{name} answered HTTP {status} {response.ReasonPhrase} for {url.PathAndQuery}", status);
            }

            try
            {
                return new FeedResponse(status, await response.Content.ReadAsByteArrayAsync(cancellationToken));
            }
            catch (HttpRequestException ex)
            {
                throw new FeedUnavailableException($"{name} broke off the response: {ex.Message}", status, ex);
            }
        }
    }

    public void Dispose()
    {
        http.Dispose();
        if (ownsLimiter)
        {
            limiter.Dispose();
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(IngestionOptions options, TimeProvider clock)
    {
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        var shouldHandle = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => IsTransient(r.StatusCode));
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = shouldHandle,
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
                // Retry-After (seconds or a date) wins over our own backoff, within a cap.
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, clock, maxRetryAfter)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = shouldHandle,
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds))
            .Build();
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } at ? at - clock.GetUtcNow() : null);
        return delay is null ? null : delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
    }
}
