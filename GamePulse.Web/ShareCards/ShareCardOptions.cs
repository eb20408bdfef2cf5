using System.ComponentModel.DataAnnotations;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// Settings of section "ShareCards" (environment: ShareCards__Name), validated at start-up. The fonts are files of a
/// system package (Debian's fonts-dejavu-core; the Web's Dockerfile installs it): SkiaSharp's NoDependencies assets see
/// no system font, and text drawn without a loaded typeface renders nothing at all, silently (decision 0440).
/// </summary>
public sealed class ShareCardOptions : IValidatableObject
{
    public const string Section = "ShareCards";

    [Required]
    public string RegularFontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Required]
    public string BoldFontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>Most memory the rendered PNGs may hold (a game card is 40–90 KB); the least recently used go first.</summary>
    [Range(1, 4096)]
    public int MemoryCacheMegabytes { get; set; } = 64;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, path) in new[] { (nameof(RegularFontFile), RegularFontFile), (nameof(BoldFontFile), BoldFontFile) })
        {
            if (!File.Exists(path))
            {
                yield return new ValidationResult(
                    $"Setting ShareCards__{name}: no font file at '{path}' (install fonts-dejavu-core: apt-get install -y fonts-dejavu-core).", [name]);
            }
        }
    }
}
