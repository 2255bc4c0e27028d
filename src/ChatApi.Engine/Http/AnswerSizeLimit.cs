using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace ChatApi.Engine.Http;

/// <summary>
/// Caps the size of an answer (16 MiB): a larger one fails with <see cref="AnswerTooLargeException"/>
/// as soon as the cap is passed (or at once when Content-Length says so), instead of filling memory.
/// </summary>
internal sealed class AnswerSizeLimit : DelegatingHandler
{
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    private readonly long maxBytes;

    public AnswerSizeLimit(HttpMessageHandler inner, long maxBytes = DefaultMaxBytes) : base(inner) { this.maxBytes = maxBytes; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content == null) return response;
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw new AnswerTooLargeException(maxBytes);
        }
        response.Content = new CappedContent(response.Content, maxBytes);
        return response;
    }

    private sealed class CappedContent : HttpContent
    {
        private readonly HttpContent inner;
        private readonly long maxBytes;

        public CappedContent(HttpContent inner, long maxBytes)
        {
            this.inner = inner;
            this.maxBytes = maxBytes;
            foreach (var h in inner.Headers) Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new CappedStream(await inner.ReadAsStreamAsync().ConfigureAwait(false), maxBytes);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
        {
            using (var source = await CreateContentReadStreamAsync().ConfigureAwait(false)) await source.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class CappedStream : Stream
    {
        private readonly Stream inner;
        private readonly long maxBytes;
        private long total;

        public CappedStream(Stream inner, long maxBytes)
        {
            this.inner = inner;
            this.maxBytes = maxBytes;
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(int read)
        {
            total += read;
            if (total > maxBytes) throw new AnswerTooLargeException(maxBytes);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>The server's answer passed the size cap.</summary>
internal sealed class AnswerTooLargeException : IOException
{
    public AnswerTooLargeException(long maxBytes) : base($"the answer is larger than {maxBytes / (1024 * 1024)} MiB") { MaxBytes = maxBytes; }
    public long MaxBytes { get; }

    public static AnswerTooLargeException Find(Exception e)
    {
        for (; e != null; e = e.InnerException) if (e is AnswerTooLargeException hit) return hit;
        return null;
    }
}
