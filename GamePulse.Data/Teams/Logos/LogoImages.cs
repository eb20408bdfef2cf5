using System.Security.Cryptography;

namespace GamePulse.Data.Teams.Logos;

/// <summary>
/// What a stored logo may be, defined once for the Worker that checks it and the Web that serves it: a raster image of
/// one of four types whose first bytes agree with the type it claims (SVG is refused: it can carry script, and the
/// share-card renderer cannot draw it), of at most <see cref="MaxBytes"/>.
/// </summary>
public static class LogoImages
{
    /// <summary>ESPN's 500-pixel logos are 10–80 KB; anything near this is not a logo.</summary>
    public const int MaxBytes = 512 * 1024;

    public static readonly IReadOnlyList<string> ContentTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];

    /// <summary>The media type named by a Content-Type header ("image/png; charset=x" → "image/png"), lower case.</summary>
    public static string MediaType(string? contentType) =>
        (contentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();

    public static bool IsAllowedType(string mediaType) => ContentTypes.Contains(mediaType);

    /// <summary>True when <paramref name="content"/> starts as an image of <paramref name="mediaType"/> does.</summary>
    public static bool MatchesType(ReadOnlySpan<byte> content, string mediaType) => mediaType switch
    {
        "image/png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/gif" => content.StartsWith("GIF8"u8),
        "image/webp" => content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8),
        _ => false,
    };

    /// <summary>The content's version: 16 hex digits of its SHA-256 (a new image is a new URL).</summary>
    public static string Version(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content))[..16];
}
