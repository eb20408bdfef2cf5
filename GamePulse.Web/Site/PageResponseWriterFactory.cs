using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace GamePulse.Web.Site;

/// <summary>
/// The writer Razor renders pages through. MVC's default buffer is 16 K characters, which turned a 300 KB
/// scoreboard into some twenty separate socket writes; 64 K characters send it in five (docs/decisions/0411).
/// </summary>
public sealed class PageResponseWriterFactory : IHttpResponseStreamWriterFactory
{
    public const int BufferSize = 64 * 1024;

    public TextWriter CreateWriter(Stream stream, Encoding encoding) =>
        new HttpResponseStreamWriter(stream, encoding, BufferSize, ArrayPool<byte>.Shared, ArrayPool<char>.Shared);
}
