using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Threading;

namespace ChatApi.Engine.Session;

/// <summary>
/// OAuth client-credentials tokens for one API key: fetched at connect, refreshed shortly before
/// expiry once for all concurrent callers, and dropped after a 401 so the next caller fetches anew.
/// The secret stays a SecureString; it is turned into text only to build the Basic header.
/// </summary>
internal sealed class TokenProvider
{
    private sealed class Token
    {
        public string Value;
        public DateTimeOffset ExpiresAt;
        public DateTimeOffset RefreshAt;
    }

    private readonly string apiKey;
    private SecureString secret;
    private readonly Func<ApiRequest, CallContext, Task<ApiResponse>> send;
    private readonly Func<DateTimeOffset> clock;
    private readonly SemaphoreSlim gate = new SemaphoreSlim(1, 1);
    private volatile Token current;

    public TokenProvider(string apiKey, SecureString secret, Func<ApiRequest, CallContext, Task<ApiResponse>> send, Func<DateTimeOffset> clock = null)
    {
        this.apiKey = apiKey;
        this.secret = secret.Copy();
        this.secret.MakeReadOnly();
        this.send = send;
        this.clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public DateTimeOffset? ExpiresAt => current?.ExpiresAt;

    /// <summary>How many tokens were fetched (for tests and Verbose).</summary>
    public int Fetches { get; private set; }

    /// <summary>
    /// The current token, fetched when there is none or it is due for refresh. <paramref name="connecting"/>:
    /// Connect-ChatApi's first fetch, where an unknown or unreachable host fails at once.
    /// </summary>
    public async Task<string> GetTokenAsync(CallContext ctx, bool connecting = false)
    {
        var token = current;
        if (token != null && clock() < token.RefreshAt) return token.Value;
        await gate.WaitAsync(ctx.Cancellation).ConfigureAwait(false);
        try
        {
            token = current;
            if (token != null && clock() < token.RefreshAt) return token.Value;
            current = token = await FetchAsync(ctx, connecting).ConfigureAwait(false);
            return token.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The server refused this token: forget it unless another caller already replaced it.</summary>
    public void Invalidate(string value)
    {
        var token = current;
        if (token != null && token.Value == value) Interlocked.CompareExchange(ref current, null, token);
    }

    public void Forget()
    {
        current = null;
        secret?.Dispose();
        secret = null;
    }

    private async Task<Token> FetchAsync(CallContext ctx, bool connecting)
    {
        if (secret == null) throw new ChatApiException(ChatErrorKind.Unauthorized, "This session was disconnected; run Connect-ChatApi again.");
        var request = new ApiRequest("POST", "oauth/v2/token") { Authenticated = false, LogBodies = false, FailFastWhenUnreachable = connecting };
        request.Form.Add(new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "client_credentials"));
        request.Headers["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":" + new NetworkCredential(string.Empty, secret).Password));
        var started = clock();
        ctx.Log.Verbose("Requesting an access token for API key " + apiKey);
        var response = await send(request, ctx).ConfigureAwait(false);
        if (!response.IsSuccess) throw TokenError(response);
        Fetches++;
        return Parse(response.Body, started);
    }

    private const double MaxLifetimeSeconds = 24 * 3600;

    private static Token Parse(string body, DateTimeOffset started)
    {
        try
        {
            using (var doc = JsonDocument.Parse(body))
            {
                var root = doc.RootElement;
                string value = root.GetProperty("access_token").GetString();
                double seconds = 3600;
                if (root.TryGetProperty("expires_in", out var exp))
                {
                    if (exp.ValueKind == JsonValueKind.Number) seconds = exp.GetDouble();
                    else if (exp.ValueKind == JsonValueKind.String) double.TryParse(exp.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
                }
                if (string.IsNullOrEmpty(value)) throw new FormatException("no access_token");
                // "NaN" and 1e300 do not overflow: NaN counts as the usual hour, a huge lifetime as a day.
                if (double.IsNaN(seconds)) seconds = 3600;
                var lifetime = TimeSpan.FromSeconds(Math.Max(1, Math.Min(seconds, MaxLifetimeSeconds)));
                // Refresh a tenth of the lifetime early, at most a minute: a long runbook never meets expiry.
                var early = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 10));
                return new Token { Value = value, ExpiresAt = started + lifetime, RefreshAt = started + lifetime - early };
            }
        }
        catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is FormatException || e is InvalidOperationException)
        {
            throw new ChatApiException(ChatErrorKind.InvalidResponse, "The token endpoint answered without a usable access_token.", 200, "POST", "oauth/v2/token", inner: e);
        }
    }

    private ChatApiException TokenError(ApiResponse response)
    {
        string detail = Redactor.Redact(ProblemReader.Read(response.Body).Message);
        if (response.StatusCode == 404)
            return new ChatApiException(ChatErrorKind.NotFound,
                "There is no token endpoint at this base URI (404 for POST /oauth/v2/token): check -BaseUri (8x8's is https://api.8x8.com, without a path).",
                response.StatusCode, "POST", "oauth/v2/token", detail, attempts: response.Attempts);
        var kind = response.StatusCode == 401 || response.StatusCode == 400 ? ChatErrorKind.Unauthorized : ProblemReader.KindOf(response.StatusCode);
        return new ChatApiException(kind,
            $"The token request for API key '{apiKey}' was refused ({response.StatusCode}): {detail}. Check the API key and secret (8x8 Admin Console, product 'VCC Chat API').",
            response.StatusCode, "POST", "oauth/v2/token", detail, attempts: response.Attempts);
    }
}
