using System.Text;

namespace GamePulse.Web.Live;

/// <summary>
/// One server-sent event as the bytes every subscriber of a stream writes: encoded once, shared by all.
/// <paramref name="GameIds"/> are the games it concerns (empty for a whole-list event), so a game's stream can skip the
/// others; <paramref name="EndsGames"/> are those among them that cannot change any more.
/// </summary>
public sealed record LiveMessage(long Sequence, string Event, ReadOnlyMemory<byte> Bytes, IReadOnlyList<long> GameIds, IReadOnlyList<long> EndsGames)
{
    /// <summary>A heartbeat: a comment line, which EventSource ignores and proxies see as traffic.</summary>
    public static ReadOnlyMemory<byte> Heartbeat { get; } = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    public bool EndsDay => Event == Data.Live.LiveStreams.EndEvent;

    /// <summary>Writes an event in the text/event-stream format: every line of the data gets its own "data:" field.</summary>
    public static byte[] Encode(string id, string eventName, string data)
    {
        var text = new StringBuilder(data.Length + 64).Append("id: ").Append(id).Append("\nevent: ").Append(eventName).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }
}
