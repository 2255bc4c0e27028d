using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;

namespace ChatApi.Engine.Http;

/// <summary>Reads an answer or request body up to a cap, so a huge or endless one fails instead of filling memory.</summary>
internal static class BoundedBody
{
    /// <summary>The bytes, or null when there are more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(Stream input, long declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes) return null;
        using (var buffer = new MemoryStream(declaredLength > 0 ? (int)declaredLength : 1024))
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await input.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    /// <summary>The content as UTF-8 text, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string> ReadTextAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content == null) return string.Empty;
        using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
        {
            var bytes = await ReadAsync(stream, content.Headers.ContentLength ?? -1, maxBytes, cancellationToken).ConfigureAwait(false);
            return bytes == null ? null : Encoding.UTF8.GetString(bytes);
        }
    }
}
