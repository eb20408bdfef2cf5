using System.ComponentModel.DataAnnotations;
using System.Net;

namespace GamePulse.Web.ReverseProxy;

/// <summary>
/// Which peers may tell the Web the client's address and scheme through X-Forwarded-For / X-Forwarded-Proto
/// (section "Web"). Comma-separated so one environment variable holds the whole list.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>
    /// The proxy addresses to believe, e.g. "172.30.80.10" (Web__KnownProxies). Empty by default: run on its own (make
    /// run, a test) the Web believes nobody, so a client that reaches Kestrel directly cannot choose its address or
    /// scheme. docker-compose.yml gives nginx a fixed address and names it here (docs/decisions/0205).
    /// </summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Proxy networks in CIDR notation (Web__KnownNetworks), for proxies without a fixed address. Empty by default.</summary>
    public string KnownNetworks { get; set; } = "";

    public IReadOnlyList<IPAddress> ParseProxies() =>
        [.. Items(KnownProxies).Select(item => IPAddress.TryParse(item, out var address) ? address : null).OfType<IPAddress>()];

    public IReadOnlyList<IPNetwork> ParseNetworks() =>
        [.. Items(KnownNetworks).Select(item => IPNetwork.TryParse(item, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var item in Items(KnownProxies).Where(item => !IPAddress.TryParse(item, out _)))
        {
            yield return new ValidationResult($"Setting Web__KnownProxies must list IP addresses separated by commas; '{item}' is not one.", [nameof(KnownProxies)]);
        }

        foreach (var item in Items(KnownNetworks).Where(item => !IPNetwork.TryParse(item, out _)))
        {
            yield return new ValidationResult($"Setting Web__KnownNetworks must list networks in CIDR notation (e.g. 172.16.0.0/12) separated by commas; '{item}' is not one.", [nameof(KnownNetworks)]);
        }
    }

    private static string[] Items(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
