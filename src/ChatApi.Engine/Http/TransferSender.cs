using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;

namespace ChatApi.Engine.Http;

/// <summary>
/// One attempt of a streamed call (<see cref="ApiRequest.Transfer"/>), on an HttpClient of the session's handler without the answer cap: RestSharp
/// would hold a download whole in memory and caps answers at 16 MiB. The transport wraps it in the
/// same pipeline (retries, timeouts, rate limit) and passes the same credential header; redirects are
/// not followed, an error answer is read up to the same cap, a 2xx body goes to the transfer's stream.
/// </summary>
internal sealed class TransferSender : IDisposable
{
    private readonly HttpClient http;
    private readonly string root;

    /// <param name="http">A client of the session's handler (<see cref="HttpStack"/>); the transport disposes the handler.</param>
    public TransferSender(Uri baseUri, HttpClient http)
    {
        this.http = http;
        root = baseUri.ToString().TrimEnd('/') + "/";
    }

    public async Task<ApiResponse> AttemptAsync(ApiRequest request, IEnumerable<KeyValuePair<string, string>> headers, int attempt, IChatLog log, CancellationToken cancellation)
    {
        var transfer = request.Transfer;
        using (var message = new HttpRequestMessage(new HttpMethod(request.Method), root + request.Path + QueryOf(request)))
        {
            foreach (var h in headers) message.Headers.TryAddWithoutValidation(h.Key, h.Value);
            message.Headers.TryAddWithoutValidation("Accept", transfer.IsUpload ? MediaTypes.ApiAnswers : MediaTypes.AnyContent);
            if (transfer.IsUpload) message.Content = transfer.UploadContent();
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
            {
                if (SourceChangedException.Find(e) is SourceChangedException changed)
                    throw new ChatApiException(ChatErrorKind.InvalidArgument, changed.Message, 0, request.Method, request.Path, attempts: attempt, inner: e);
                ProxyRefusal.ThrowIfRefused(ProxyRefusal.StatusOf(e), request, attempt);
                string why = Unreachable.Describe(e);
                AttemptLog.NoAnswer(log, request, attempt, watch.ElapsedMilliseconds, why);
                throw new TransientHttpException($"no answer from the server: {why}", e);
            }
            using (response)
            {
                int status = (int)response.StatusCode;
                ProxyRefusal.ThrowIfRefused(status, request, attempt);
                var answerHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var h in response.Headers) answerHeaders[h.Key] = string.Join(", ", h.Value);
                if (response.Content != null) foreach (var h in response.Content.Headers) answerHeaders[h.Key] = string.Join(", ", h.Value);
                string body = "";
                if (status >= 200 && status < 300 && transfer.OpenDestination != null)
                    await ReceiveAsync(request, response.Content, transfer, cancellation).ConfigureAwait(false);
                else
                    body = await BoundedBody.ReadTextAsync(response.Content, (int)AnswerSizeLimit.DefaultMaxBytes, cancellation).ConfigureAwait(false)
                        ?? throw new ChatApiException(ChatErrorKind.InvalidResponse, $"{Redactor.Redact(request.Display)} failed: the answer is larger than {AnswerSizeLimit.DefaultMaxBytes / (1024 * 1024)} MiB; it was not read.", status, request.Method, request.Path, attempts: attempt);
                AttemptLog.Answer(log, request, status, attempt, watch.ElapsedMilliseconds, body);
                return new ApiResponse(status, body, answerHeaders);
            }
        }
    }

    /// <summary>The body to the destination; a connection that breaks midway is a passing fault (the attempt starts over).</summary>
    private static async Task ReceiveAsync(ApiRequest request, HttpContent content, StreamTransfer transfer, CancellationToken cancellation)
    {
        using (var source = await content.ReadAsStreamAsync().ConfigureAwait(false))
        using (var target = transfer.OpenDestination())
        {
            Exception broken = null;
            try
            {
                long received = await transfer.CopyAsync(source, target, cancellation, e => broken = e).ConfigureAwait(false);
                if (content.Headers.ContentLength is long expected && received != expected)
                    throw new TransientHttpException($"the answer ended after {received} of {expected} bytes", null);
            }
            catch (Exception) when (broken != null && !cancellation.IsCancellationRequested)
            {
                throw new TransientHttpException($"the download of {request.Display} broke off: {Unreachable.Describe(broken)}", broken);
            }
        }
    }

    private static string QueryOf(ApiRequest request)
    {
        if (request.Query.Count == 0) return "";
        var parts = new List<string>();
        foreach (var q in request.Query) parts.Add(Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value));
        return "?" + string.Join("&", parts);
    }

    public void Dispose() => http.Dispose();
}
