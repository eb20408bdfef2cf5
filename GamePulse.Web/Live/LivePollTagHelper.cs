using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GamePulse.Web.Live;

/// <summary>
/// The polling attributes of a live element, written in one place:
/// <c>&lt;div live-poll="@Model.Polling" hx-get hx-page="/Games/Game" hx-route-id="…"&gt;</c>. While polling it adds
/// <c>hx-trigger="every 15s"</c> (<see cref="LiveUpdates.Trigger"/>) and <c>hx-swap="outerHTML"</c>, so each answer
/// replaces the element with a fresh copy that carries its own attributes; otherwise it drops <c>hx-get</c>, so the
/// element never polls and a fragment answered with 286 swaps in without them.
/// </summary>
[HtmlTargetElement("*", Attributes = AttributeName)]
public sealed class LivePollTagHelper(Microsoft.Extensions.Options.IOptions<LiveStreamOptions> streams) : TagHelper
{
    public const string AttributeName = "live-poll";

    [HtmlAttributeName(AttributeName)]
    public bool Polling { get; set; }

    /// <summary>
    /// The stream events that also make the element fetch itself (e.g. "sse:resync"), inside a <c>live-stream</c>
    /// element (<see cref="LiveStreamTagHelper"/>); while the stream is open, live.js holds the timed polls back.
    /// </summary>
    [HtmlAttributeName("live-push")]
    public string? Push { get; set; }

    /// <summary>After Htmx.TagHelpers' <c>HtmxUrlTagHelper</c> (order −1000) has written <c>hx-get</c> from the page and its route values.</summary>
    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!Polling)
        {
            output.Attributes.RemoveAll("hx-get");
            return;
        }

        output.Attributes.SetAttribute("hx-trigger", Push is { Length: > 0 } push && streams.Value.Enabled ? $"{LiveUpdates.Trigger}, {push}" : LiveUpdates.Trigger);
        output.Attributes.SetAttribute("hx-swap", "outerHTML");
    }
}
