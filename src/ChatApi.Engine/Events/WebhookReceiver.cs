using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Engine.Events;

/// <summary>
/// A small HTTP endpoint that takes webhook events: valid ones are answered 200 and handed on as a
/// <see cref="ReceivedWebhookEvent"/> once answered; events whose signature is proven wrong (bad,
/// unknown key, stale, replayed) are answered 401, events whose signature could not be checked (the
/// key was out of reach) 503 with Retry-After, so the sender delivers them again; bodies that are not
/// JSON 400; none of these counts as an event. Requests are served concurrently:
/// each has <see cref="WebhookReceiverOptions.RequestTimeout"/> to send its body and at most
/// <see cref="WebhookReceiverOptions.MaxConcurrentRequests"/> are open at once, so a sender that
/// holds the line never delays a genuine delivery.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly WebhookReceiverOptions options;
    private readonly HttpListener listener = new HttpListener();
    private readonly string path;

    public WebhookReceiver(WebhookReceiverOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.RequestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "RequestTimeout must be positive.");
        if (options.MaxConcurrentRequests < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxConcurrentRequests must be at least 1.");
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
    /// Takes requests until <paramref name="count"/> events were accepted (0 = no limit), the
    /// timeout passes (null = none) or the token is cancelled. Returns how many events were accepted.
    /// <paramref name="onEvent"/> is called for one request at a time, in the order they were answered.
    /// </summary>
    public async Task<int> RunAsync(Action<ReceivedWebhookEvent> onEvent, int count, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (onEvent == null) throw new ArgumentNullException(nameof(onEvent));
        if (Prefix == null) Start();
        var run = new ReceiverRun(count, onEvent);
        var slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        var handlers = new List<Task>();
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            if (timeout.HasValue && timeout.Value > TimeSpan.Zero) stop.CancelAfter(timeout.Value);
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (stop.Token.Register(() => stopped.TrySetResult(true)))
            using (run.Full.Register(() => stopped.TrySetResult(true)))
            {
                while (!stopped.Task.IsCompleted)
                {
                    var next = listener.GetContextAsync();
                    if (await Task.WhenAny(next, stopped.Task).ConfigureAwait(false) != next)
                    {
                        Observe(next);
                        break;
                    }
                    HttpListenerContext context;
                    try
                    {
                        context = await next.ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                    {
                        if (stopped.Task.IsCompleted) break;
                        throw;
                    }
                    if (!slots.Wait(0, CancellationToken.None))
                    {
                        context.Response.AddHeader("Retry-After", "5");
                        TryAnswer(context.Response, 503, "Busy");
                        continue;
                    }
                    handlers.RemoveAll(t => t.IsCompleted);
                    handlers.Add(Task.Run(async () =>
                    {
                        try { await HandleAsync(context, run, cancellationToken).ConfigureAwait(false); }
                        finally { slots.Release(); }
                    }, CancellationToken.None));
                }
                // Requests already taken are finished (answered, handed on) before the run ends.
                await Task.WhenAll(handlers).ConfigureAwait(false);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return run.Accepted;
    }

    private async Task HandleAsync(HttpListenerContext context, ReceiverRun run, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            string requestPath = request.Url?.AbsolutePath ?? "/";
            if (!PathMatches(requestPath))
            {
                Answer(response, 404, "Not found");
                return;
            }
            if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
            {
                response.AddHeader("Allow", "POST");
                Answer(response, 405, "POST only");
                return;
            }
            byte[] body;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(options.RequestTimeout);
                // The listener's request stream does not watch the token: cutting the connection ends the read.
                using (deadline.Token.Register(() => { try { response.Abort(); } catch (ObjectDisposedException) { } }))
                {
                    try
                    {
                        body = await BoundedBody.ReadAsync(request.InputStream, request.ContentLength64, options.MaxBodyBytes, deadline.Token).ConfigureAwait(false);
                    }
                    catch (Exception) when (deadline.IsCancellationRequested)
                    {
                        return; // too slow: the connection is already cut
                    }
                }
                if (deadline.IsCancellationRequested) return;
            }
            if (body == null)
            {
                Answer(response, 413, "Body too large");
                return;
            }
            if (request.ContentLength64 > 0 && body.Length < request.ContentLength64)
            {
                TryAnswer(response, 400, "Incomplete body");
                return;
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

            // A signature that could not be checked proves nothing: 503 asks the sender to deliver it again.
            if (!received.IsValid) received.StatusCode = NotChecked(received.Signature) ? 503 : 401;
            else if (parseProblem != null) received.StatusCode = 400;
            else if (!run.TryTakeSlot())
            {
                // The run already has its events: 8x8 delivers this one again later, to the next receiver.
                response.AddHeader("Retry-After", "5");
                TryAnswer(response, 503, "Receiver is stopping");
                return;
            }
            else received.StatusCode = 200;
            received.Refused = received.StatusCode != 200;
            bool handOn = !received.Refused || options.IncludeRefused;
            long ticket = run.TakeTicket();
            try
            {
                if (received.StatusCode == 503) response.AddHeader("Retry-After", RetrySeconds(received.Signature).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Answer(response, received.StatusCode,
                    received.StatusCode == 401 ? "Signature refused: " + received.Signature.ReasonCode
                    : received.StatusCode == 503 ? "Signature not checked: " + received.Signature.ReasonCode
                    : received.StatusCode == 400 ? parseProblem : null);
            }
            catch
            {
                handOn = false; // the sender did not get the answer: it delivers again
                throw;
            }
            finally
            {
                run.HandOn(ticket, handOn ? received : null, counted: !received.Refused);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // One broken request (the sender went away mid-body, ...) does not end the receiver.
            TryAnswer(response, 500, "Receiver error");
        }
        catch (Exception)
        {
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>True when the signature could not be checked (its key was out of reach): nothing is proven either way.</summary>
    public static bool NotChecked(SignatureCheckResult signature) => signature?.ReasonCode == SignatureCheckReason.KeyUnavailable;

    /// <summary>Whole seconds for Retry-After: when the key's source is asked again, else the default; at least 1.</summary>
    private int RetrySeconds(SignatureCheckResult signature)
    {
        var wait = signature.RetryAfter ?? options.KeyUnavailableRetryAfter;
        return (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
    }

    private static void Observe(Task task) => task.ContinueWith(t => { _ = t.Exception; }, TaskContinuationOptions.OnlyOnFaulted);

    private static void Answer(HttpListenerResponse response, int status, string text)
    {
        response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(text ?? "");
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        if (bytes.Length > 0) response.OutputStream.Write(bytes, 0, bytes.Length);
        response.Close();
    }

    private static void TryAnswer(HttpListenerResponse response, int status, string text)
    {
        try { Answer(response, status, text); } catch { /* the client went away */ }
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
