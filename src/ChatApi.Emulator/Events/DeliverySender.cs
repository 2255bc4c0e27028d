using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ChatApi.Emulator.Events;

/// <summary>Makes one delivery attempt: headers (signed for v2.0), POST, and a row in the log.</summary>
public sealed class DeliverySender : IDisposable
{
    private readonly HttpClient _client;
    private readonly EventSigner _signer;
    private readonly DeliveryLog _log;
    private readonly TimeProvider _time;

    public DeliverySender(EmulatorOptions options, EventSigner signer, DeliveryLog log, TimeProvider time)
    {
        _signer = signer;
        _log = log;
        _time = time;
        // Own handler pool, separate from anything the app serves; connections are recycled now and then.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = options.DeliveryTimeout };
        _client = new HttpClient(handler) { Timeout = options.DeliveryTimeout };
    }

    /// <summary>Sends once; returns the HTTP status, or 0 when the URI could not be reached.</summary>
    public async Task<(int Status, string? Error)> SendAsync(DeliveryJob job, int attempt, CancellationToken cancel)
    {
        var now = _time.GetUtcNow();
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
        if (job.Signed)
        {
            var tt = now.ToUnixTimeMilliseconds();
            headers["x-8x8-tenant-id"] = job.TenantId;
            headers["x-8x8-customer-id"] = job.CustomerId;
            headers["x-8x8-event-id"] = job.EventId;
            headers["x-8x8-retry"] = attempt.ToString(CultureInfo.InvariantCulture);
            headers["x-8x8-transmission-time"] = tt.ToString(CultureInfo.InvariantCulture);
            headers["x-8x8-signature"] = _signer.Sign(job.Body, new SignatureContext(job.CustomerId, job.EventId, attempt, job.TenantId, tt));
        }

        int status;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, job.Uri) { Content = new ByteArrayContent(job.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in headers.Where(h => h.Key != "Content-Type")) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await _client.SendAsync(request, cancel);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            if (cancel.IsCancellationRequested) throw;
            status = 0;
            error = e is TaskCanceledException ? "timed out" : e.Message;
        }

        _log.Add(new DeliveryRecord(job.WebhookId, job.Uri, job.Version, job.TenantId, job.EventType, job.ConversationId, job.EventId,
            attempt, status, error, headers, Encoding.UTF8.GetString(job.Body), now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        return (status, error);
    }

    public void Dispose() => _client.Dispose();
}
