using System.Globalization;
using GamePulse.Data.Live;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Live;

/// <summary>
/// The element that holds a page's stream, written in one place:
/// <c>&lt;div live-stream="@url" live-since="@watermark" live-open="@polling"&gt;</c>. While the page is live (and
/// streams are on) it becomes htmx's SSE connection (<c>hx-ext="sse" sse-connect sse-close="end"</c>); otherwise the
/// attributes vanish and the page is what it was. It must sit outside the polled element, which swaps itself.
/// </summary>
[HtmlTargetElement("*", Attributes = AttributeName)]
public sealed class LiveStreamTagHelper(IOptions<LiveStreamOptions> options) : TagHelper
{
    public const string AttributeName = "live-stream";

    /// <summary>The stream's URL (<see cref="LiveStreams.Scoreboard"/> or <see cref="LiveStreams.Game"/>).</summary>
    [HtmlAttributeName(AttributeName)]
    public string Url { get; set; } = "";

    /// <summary>The page's <see cref="LiveStreams.Watermark"/>: what it already shows.</summary>
    [HtmlAttributeName("live-since")]
    public long Since { get; set; }

    /// <summary>Whether anything on the page can still change (the page polls).</summary>
    [HtmlAttributeName("live-open")]
    public bool Open { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!Open || !options.Value.Enabled)
        {
            return;
        }

        output.Attributes.SetAttribute("hx-ext", "sse");
        output.Attributes.SetAttribute("sse-connect", string.Create(CultureInfo.InvariantCulture, $"{Url}?{LiveStreams.SinceKey}={Since}"));
        output.Attributes.SetAttribute("sse-close", LiveStreams.EndEvent);
        output.Attributes.SetAttribute("data-live-stream", "connecting"); // live.js: "open" while events arrive, and polling pauses
    }
}
