using System.ComponentModel.DataAnnotations;

namespace GamePulse.Worker.Email;

/// <summary>Section "Ses": where and as whom the Worker sends email. Credentials come from the default AWS chain.</summary>
public sealed class SesOptions : IValidatableObject
{
    public const string Section = "Ses";

    /// <summary>Ses__Region, e.g. us-east-1: the SES region and the SigV4 signing region.</summary>
    [Required]
    public string Region { get; set; } = "";

    /// <summary>Ses__FromAddress: a verified SES identity, e.g. "GamePulse &lt;no-reply@gamepulse.example&gt;".</summary>
    [Required]
    public string FromAddress { get; set; } = "";

    /// <summary>Ses__ConfigurationSet: optional SES configuration set (event publishing, dedicated IPs).</summary>
    public string? ConfigurationSet { get; set; }

    /// <summary>Ses__EndpointUrl: optional endpoint instead of https://email.{region}.amazonaws.com (the local SES server).</summary>
    public string? EndpointUrl { get; set; }

    public Uri Endpoint => new(string.IsNullOrWhiteSpace(EndpointUrl) ? $"https://email.{Region}.amazonaws.com/" : EndpointUrl.TrimEnd('/') + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(EndpointUrl) && !Uri.TryCreate(EndpointUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Setting Ses__EndpointUrl must be an absolute URL, not '{EndpointUrl}'.", [nameof(EndpointUrl)]);
        }
    }
}

/// <summary>Section "Email": how the dispatcher retries and how often it sweeps.</summary>
public sealed class EmailDispatchOptions
{
    public const string Section = "Email";

    /// <summary>After this many failed attempts a message is marked failed, with its last error.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each next one twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The sweep catches messages whose notification was missed and retries that have come due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A claimed message is re-claimable after this long if its dispatcher died mid-send.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryDelay(int attempts)
    {
        var exponential = FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, MaxRetryDelay.TotalSeconds);
        // ±20 % jitter so a throttled burst does not come back as one burst.
        return TimeSpan.FromSeconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
