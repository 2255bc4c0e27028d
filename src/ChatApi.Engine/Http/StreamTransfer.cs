using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ChatApi.Engine.Http;

/// <summary>
/// What a streamed call moves besides JSON: a file sent as one multipart/form-data part (with text
/// fields beside it), or an answer body written to a stream. Neither is ever held whole in memory;
/// the streams are opened again for each attempt, so a retry starts from the beginning.
/// </summary>
internal sealed class StreamTransfer
{
    /// <summary>Bytes moved between two progress reports, and the copy buffer (below the large-object heap).</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>The multipart part's name and the file's name in it; null for a download.</summary>
    public string PartName { get; set; }
    public string FileName { get; set; }
    public string ContentType { get; set; } = "application/octet-stream";
    /// <summary>Opens the file to send (a fresh stream per attempt).</summary>
    public Func<Stream> OpenSource { get; set; }
    public long SourceLength { get; set; }
    /// <summary>Text parts sent before the file (the Gateway's authorType).</summary>
    public List<KeyValuePair<string, string>> Fields { get; } = new List<KeyValuePair<string, string>>();

    /// <summary>Opens where a 2xx answer's body goes (truncated per attempt); null for an upload.</summary>
    public Func<Stream> OpenDestination { get; set; }

    /// <summary>Told the bytes moved so far in this attempt, every <see cref="ChunkBytes"/> or so.</summary>
    public Action<long> Progress { get; set; }

    public bool IsUpload => OpenSource != null;

    /// <summary>
    /// True when a download's answer said where its body ends (Content-Length, or chunked): the transfer
    /// checks both, so an answer that got this far with either came whole. Without them the body ends with
    /// the connection, and a cut one looks the same.
    /// </summary>
    public static bool EndedAsFramed(ApiResponse response) =>
        response.Header("Content-Length") != null
        || (response.Header("Transfer-Encoding") ?? "").IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The multipart body: the fields, then the file streamed from disk; its length is known, so no chunked encoding.</summary>
    public HttpContent UploadContent()
    {
        var form = new MultipartFormDataContent();
        foreach (var f in Fields) form.Add(new StringContent(f.Value), Quoted(f.Key));
        var file = new FileContent(this);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted(PartName), FileName = Quoted(AsciiName(FileName)) };
        // A name beyond ASCII also goes as RFC 5987 filename* (servers prefer it); the plain one keeps a readable fallback.
        if (AsciiName(FileName) != FileName) disposition.FileNameStar = FileName;
        file.Headers.ContentDisposition = disposition;
        form.Add(file);
        return form;
    }

    private static string Quoted(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string AsciiName(string name)
    {
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (chars[i] < 0x20 || chars[i] > 0x7e) chars[i] = '_';
        return new string(chars);
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> in chunks, reporting the running total.</summary>
    public async Task<long> CopyAsync(Stream source, Stream target, System.Threading.CancellationToken cancellation, Action<Exception> readFailed = null)
    {
        var buffer = new byte[ChunkBytes];
        long total = 0;
        while (true)
        {
            int read;
            try { read = await source.ReadAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false); }
            catch (Exception e) when (readFailed != null && (e is IOException || e is HttpRequestException || e is ObjectDisposedException))
            {
                readFailed(e);
                throw;
            }
            if (read == 0) return total;
            await target.WriteAsync(buffer, 0, read, cancellation).ConfigureAwait(false);
            total += read;
            Progress?.Invoke(total);
        }
    }

    /// <summary>The file part: read from disk as the request is written, never buffered; its length told up front.</summary>
    private sealed class FileContent : HttpContent
    {
        private readonly StreamTransfer transfer;

        public FileContent(StreamTransfer transfer) { this.transfer = transfer; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
        {
            using (var source = transfer.OpenSource())
            {
                long sent = await transfer.CopyAsync(source, stream, System.Threading.CancellationToken.None).ConfigureAwait(false);
                if (sent != transfer.SourceLength)
                    throw new SourceChangedException($"{transfer.FileName} changed while it was sent ({sent} bytes read, {transfer.SourceLength} expected); nothing was sent in full");
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = transfer.SourceLength;
            return true;
        }
    }
}

/// <summary>The file being sent changed size under the upload: not a passing fault, so not retried.</summary>
internal sealed class SourceChangedException : IOException
{
    public SourceChangedException(string message) : base(message) { }

    public static SourceChangedException Find(Exception e)
    {
        for (; e != null; e = e.InnerException) if (e is SourceChangedException hit) return hit;
        return null;
    }
}
