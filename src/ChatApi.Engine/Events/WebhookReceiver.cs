using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Engine.Events
{
    /// <summary>Settings of a local webhook receiver.</summary>
    public sealed class WebhookReceiverOptions
    {
        /// <summary>Port on 127.0.0.1; 0 picks a free one. Ignored when Prefix is set.</summary>
        public int Port { get; set; }
        /// <summary>An HttpListener prefix such as http://127.0.0.1:8080/ or http://+:8080/ (must end with '/').</summary>
        public string Prefix { get; set; }
        /// <summary>Only POSTs to this path (and below it) are taken; "/" takes every path.</summary>
        public string Path { get; set; } = "/";
        /// <summary>Checks each event; null skips the check and accepts every JSON body.</summary>
        public WebhookSignatureVerifier Verifier { get; set; }
        public int MaxBodyBytes { get; set; } = 1024 * 1024;
    }

    /// <summary>
    /// A small HTTP endpoint that takes webhook events: valid ones are answered 200, events whose
    /// signature fails 401, bodies that are not JSON 400; each taken request is handed on as a
    /// <see cref="ReceivedWebhookEvent"/> once it has been answered.
    /// </summary>
    public sealed class WebhookReceiver : IDisposable
    {
        private readonly WebhookReceiverOptions options;
        private readonly HttpListener listener = new HttpListener();
        private readonly string path;

        public WebhookReceiver(WebhookReceiverOptions options)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            path = NormalizePath(options.Path);
        }

        /// <summary>The prefix being listened on, known after Start.</summary>
        public string Prefix { get; private set; }

        /// <summary>The URL to give to a webhook: prefix + path.</summary>
        public string Url => Prefix == null ? null : Prefix.TrimEnd('/') + (path == "/" ? "/" : path);

        /// <summary>Starts listening; throws InvalidOperationException with the reason when the address cannot be taken.</summary>
        public void Start()
        {
            string prefix = options.Prefix;
            if (string.IsNullOrEmpty(prefix))
            {
                int port = options.Port;
                if (port < 0 || port > 65535) throw new ArgumentOutOfRangeException(nameof(options), "Port must be 0..65535.");
                if (port == 0) port = FreePort();
                prefix = $"http://127.0.0.1:{port}/";
            }
            else if (!prefix.EndsWith("/", StringComparison.Ordinal))
            {
                prefix += "/";
            }
            try
            {
                listener.Prefixes.Add(prefix);
                listener.Start();
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is ArgumentException || ex is SocketException)
            {
                throw new InvalidOperationException($"Cannot listen on {prefix}: {ex.Message}", ex);
            }
            Prefix = prefix;
        }

        /// <summary>
        /// Takes requests until <paramref name="count"/> events were handed on (0 = no limit), the
        /// timeout passes (null = none) or the token is cancelled. Returns how many events were handed on.
        /// </summary>
        public async Task<int> RunAsync(Action<ReceivedWebhookEvent> onEvent, int count, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            if (onEvent == null) throw new ArgumentNullException(nameof(onEvent));
            if (Prefix == null) Start();
            int handed = 0;
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (timeout.HasValue && timeout.Value > TimeSpan.Zero) stop.CancelAfter(timeout.Value);
                using (stop.Token.Register(() => { try { listener.Stop(); } catch (ObjectDisposedException) { } }))
                {
                    while (!stop.IsCancellationRequested && (count <= 0 || handed < count))
                    {
                        HttpListenerContext context;
                        try
                        {
                            context = await listener.GetContextAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                        {
                            if (stop.IsCancellationRequested) break;
                            throw;
                        }
                        ReceivedWebhookEvent received;
                        try
                        {
                            received = await HandleAsync(context, stop.Token).ConfigureAwait(false);
                        }
                        catch (Exception) when (stop.IsCancellationRequested)
                        {
                            break;
                        }
                        if (received == null) continue;
                        handed++;
                        onEvent(received);
                    }
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            return handed;
        }

        private async Task<ReceivedWebhookEvent> HandleAsync(HttpListenerContext context, CancellationToken cancellationToken)
        {
            var request = context.Request;
            var response = context.Response;
            try
            {
                string requestPath = request.Url?.AbsolutePath ?? "/";
                if (!PathMatches(requestPath))
                {
                    Answer(response, 404, "Not found");
                    return null;
                }
                if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    response.AddHeader("Allow", "POST");
                    Answer(response, 405, "POST only");
                    return null;
                }
                byte[] body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
                if (body == null)
                {
                    Answer(response, 413, "Body too large");
                    return null;
                }

                var headers = WebhookHeaders.From(request.Headers);
                var received = new ReceivedWebhookEvent
                {
                    ReceivedAt = DateTimeOffset.Now,
                    Method = request.HttpMethod,
                    Path = requestPath,
                    RemoteAddress = request.RemoteEndPoint?.ToString(),
                    Body = Encoding.UTF8.GetString(body),
                    Headers = headers.ToDictionary(),
                };

                if (options.Verifier != null)
                {
                    received.Signature = await options.Verifier.VerifyAsync(body, headers, cancellationToken).ConfigureAwait(false);
                    received.IsValid = received.Signature.IsValid;
                }
                else
                {
                    received.IsValid = true;
                }

                string parseProblem = null;
                try
                {
                    received.Event = WebhookEventParser.Parse(body, headers);
                }
                catch (WebhookEventFormatException ex)
                {
                    parseProblem = ex.Message;
                }

                if (!received.IsValid) received.StatusCode = 401;
                else if (parseProblem != null) received.StatusCode = 400;
                else received.StatusCode = 200;
                Answer(response, received.StatusCode,
                    received.StatusCode == 401 ? "Signature refused: " + received.Signature.ReasonCode
                    : received.StatusCode == 400 ? parseProblem : null);
                return received;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One broken request (the sender went away mid-body, ...) does not end the receiver.
                TryAnswer(response, 500);
                return null;
            }
        }

        private async Task<byte[]> ReadBodyAsync(HttpListenerRequest request, CancellationToken cancellationToken)
        {
            if (request.ContentLength64 > options.MaxBodyBytes) return null;
            using (var buffer = new MemoryStream(request.ContentLength64 > 0 ? (int)request.ContentLength64 : 1024))
            {
                var chunk = new byte[16 * 1024];
                var input = request.InputStream;
                int read;
                while ((read = await input.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > options.MaxBodyBytes) return null;
                    buffer.Write(chunk, 0, read);
                }
                return buffer.ToArray();
            }
        }

        private static void Answer(HttpListenerResponse response, int status, string text)
        {
            response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(text ?? "");
            response.ContentType = "text/plain; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            if (bytes.Length > 0) response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }

        private static void TryAnswer(HttpListenerResponse response, int status)
        {
            try { Answer(response, status, "Receiver error"); } catch { /* the client went away */ }
        }

        private bool PathMatches(string requestPath)
        {
            if (path == "/") return true;
            var p = requestPath.TrimEnd('/');
            return string.Equals(p, path, StringComparison.OrdinalIgnoreCase)
                || p.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase);
        }

        private static string NormalizePath(string value)
        {
            if (string.IsNullOrWhiteSpace(value)) return "/";
            value = value.Trim();
            if (!value.StartsWith("/", StringComparison.Ordinal)) value = "/" + value;
            value = value.TrimEnd('/');
            return value.Length == 0 ? "/" : value;
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public void Dispose()
        {
            try { if (listener.IsListening) listener.Stop(); } catch (ObjectDisposedException) { }
            listener.Close();
        }
    }
}
