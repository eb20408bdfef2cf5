using System.ComponentModel.DataAnnotations;

namespace GamePulse.Web.Site;

/// <summary>Site-wide settings (section "Site"). Canonical and shared URLs come from here, never from the Host header.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>The public base URL, e.g. https://gamepulse.example.com (Site__PublicBaseUrl).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "";

    public string Name { get; set; } = "GamePulse";

    /// <summary>
    /// Site__RequireHttps: the deployment serves HTTPS only (production behind the TLS nginx site), so a request that
    /// reaches the app over plain HTTP is redirected to <see cref="PublicBaseUrl"/> instead of being served. Off by
    /// default: the local and CI set-ups are plain HTTP (docs/decisions/0205).
    /// </summary>
    public bool RequireHttps { get; set; }

    // A method, not a property: validation reads every property, and this one throws until the URL is valid.
    private Uri BaseUri() => new(PublicBaseUrl.TrimEnd('/') + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"Setting Site__PublicBaseUrl must be an absolute http(s) URL, not '{PublicBaseUrl}'.", [nameof(PublicBaseUrl)]);
        }
        else if (RequireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult($"Setting Site__RequireHttps needs an https Site__PublicBaseUrl (the redirect target), not '{PublicBaseUrl}'.", [nameof(RequireHttps)]);
        }
    }

    /// <summary>The public base URL's scheme and authority, e.g. "https://scores.example.com" (valid options only).</summary>
    public string Origin() => BaseUri().GetLeftPart(UriPartial.Authority);

    private string? normalizedBase;

    /// <summary>
    /// An absolute URL for a site path ("/x/y" → "https://host/x/y"). Paths are the site's own (SiteUrls), already
    /// URL-safe, so they are appended to the base normalised once, not parsed per call: a 150-game scoreboard asks 150 times.
    /// </summary>
    public string Absolute(string path) => (normalizedBase ??= BaseUri().ToString()) + path.TrimStart('/');
}
