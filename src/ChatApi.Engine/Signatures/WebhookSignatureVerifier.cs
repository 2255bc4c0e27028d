using System.Globalization;
using System.Threading;

namespace ChatApi.Engine.Signatures;

/// <summary>Settings of a signature check.</summary>
public sealed class WebhookSignatureOptions
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How far the transmission time may lie in the past or the future; TimeSpan.Zero turns the check off.</summary>
    public TimeSpan MaxAge { get; set; } = DefaultMaxAge;
    /// <summary>Refuse a second sighting of the same (tenant, event id, retry).</summary>
    public bool RejectReplay { get; set; }
    /// <summary>Where sightings are remembered; the process-wide cache when null.</summary>
    public ReplayCache ReplayCache { get; set; }
    /// <summary>The clock; DateTimeOffset.UtcNow when null.</summary>
    public Func<DateTimeOffset> Clock { get; set; }
    /// <summary>How long a sighting is remembered when MaxAge is off.</summary>
    public TimeSpan ReplayWindowWithoutMaxAge { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Checks the x-8x8-signature of a v2.0 webhook event against the exact body bytes and the
/// x-8x8-* headers (API-NOTES "Signature of v2.0 events"). Bad input never throws: it gives an
/// invalid result with a reason. Thread-safe; create one per set of options and reuse it.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    private readonly SigningKeyProvider keys;
    private readonly TimeSpan maxAge;
    private readonly bool rejectReplay;
    private readonly ReplayCache replay;
    private readonly Func<DateTimeOffset> clock;
    private readonly TimeSpan replayWindowWithoutMaxAge;

    public WebhookSignatureVerifier(SigningKeyProvider keys, WebhookSignatureOptions options = null)
    {
        this.keys = keys ?? throw new ArgumentNullException(nameof(keys));
        options = options ?? new WebhookSignatureOptions();
        if (options.MaxAge < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "MaxAge cannot be negative.");
        maxAge = options.MaxAge;
        rejectReplay = options.RejectReplay;
        replay = options.ReplayCache ?? ReplayCache.Shared;
        clock = options.Clock ?? (() => DateTimeOffset.UtcNow);
        replayWindowWithoutMaxAge = options.ReplayWindowWithoutMaxAge;
    }

    public SignatureCheckResult Verify(string body, WebhookHeaders headers) =>
        Verify(body == null ? null : System.Text.Encoding.UTF8.GetBytes(body), headers);

    /// <summary>Checks synchronously; waits for a key fetch when one is needed.</summary>
    public SignatureCheckResult Verify(byte[] body, WebhookHeaders headers)
    {
        var state = Prepare(body, headers);
        if (state.Done) return state.Result;
        var lookup = keys.TryGetWithoutFetch(state.Jws.KeyId);
        if (lookup != null && lookup.Status == KeyLookupStatus.Found && state.Key(lookup.Key))
            return Finish(state);
        return VerifyWithKeyAsync(state, lookup, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Checks when no key fetch is needed (offline keys, or the key is cached) and returns true;
    /// returns false, having recorded nothing, when a fetch is needed (then use VerifyAsync).
    /// </summary>
    public bool TryVerifyWithoutFetch(byte[] body, WebhookHeaders headers, out SignatureCheckResult result)
    {
        var state = Prepare(body, headers);
        if (state.Done) { result = state.Result; return true; }
        var lookup = keys.TryGetWithoutFetch(state.Jws.KeyId);
        result = null;
        if (lookup == null) return false;
        switch (lookup.Status)
        {
            case KeyLookupStatus.Unknown: result = Fail(state.Result, SignatureCheckReason.UnknownKey, lookup.Problem); return true;
            case KeyLookupStatus.Unavailable: result = Unavailable(state.Result, lookup); return true;
        }
        if (state.Key(lookup.Key)) { result = Finish(state); return true; }
        if (keys is StaticSigningKeyProvider)
        {
            result = Fail(state.Result, SignatureCheckReason.BadSignature, BadSignatureText);
            return true;
        }
        return false; // a fetched key failed: the async path decides whether a refresh is due
    }

    public Task<SignatureCheckResult> VerifyAsync(string body, WebhookHeaders headers, CancellationToken cancellationToken = default) =>
        VerifyAsync(body == null ? null : System.Text.Encoding.UTF8.GetBytes(body), headers, cancellationToken);

    public Task<SignatureCheckResult> VerifyAsync(byte[] body, WebhookHeaders headers, CancellationToken cancellationToken = default)
    {
        var state = Prepare(body, headers);
        if (state.Done) return Task.FromResult(state.Result);
        var lookup = keys.TryGetWithoutFetch(state.Jws.KeyId);
        if (lookup != null && lookup.Status == KeyLookupStatus.Found && state.Key(lookup.Key))
            return Task.FromResult(Finish(state));
        return VerifyWithKeyAsync(state, lookup, cancellationToken);
    }

    private async Task<SignatureCheckResult> VerifyWithKeyAsync(State state, KeyLookup lookup, CancellationToken cancellationToken)
    {
        string kid = state.Jws.KeyId;
        if (lookup == null) lookup = await keys.GetAsync(kid, cancellationToken).ConfigureAwait(false);
        switch (lookup.Status)
        {
            case KeyLookupStatus.Unknown: return Fail(state.Result, SignatureCheckReason.UnknownKey, lookup.Problem);
            case KeyLookupStatus.Unavailable: return Unavailable(state.Result, lookup);
        }
        if (!state.Key(lookup.Key))
        {
            var fresher = await keys.RefreshAfterFailureAsync(kid, lookup.Key, cancellationToken).ConfigureAwait(false);
            if (fresher == null || !state.Key(fresher))
                return Fail(state.Result, SignatureCheckReason.BadSignature, BadSignatureText);
        }
        return Finish(state);
    }

    private const string BadSignatureText = "the signature does not match the body and the x-8x8 headers";

    private sealed class State
    {
        public bool Done;
        public SignatureCheckResult Result;
        public JwsSignatureHeader Jws;
        public byte[] SigningInput;
        public long TransmissionMs;

        public bool Key(RsaVerificationKey key) => key.Verify(SigningInput, Jws.Signature);
    }

    private State Prepare(byte[] body, WebhookHeaders headers)
    {
        headers = headers ?? WebhookHeaders.Empty;
        var result = new SignatureCheckResult();
        var state = new State { Result = result };

        // Read everything we can first, so a refused event still tells what it claims to be.
        var signatureStatus = headers.TryGet(WebhookHeaders.Signature, out var signature);
        var tenantStatus = headers.TryGet(WebhookHeaders.TenantId, out var tenant);
        var customerStatus = headers.TryGet(WebhookHeaders.CustomerId, out var customer);
        var eventStatus = headers.TryGet(WebhookHeaders.EventId, out var eventId);
        var retryStatus = headers.TryGet(WebhookHeaders.Retry, out var retryText);
        var timeStatus = headers.TryGet(WebhookHeaders.TransmissionTime, out var timeText);
        result.TenantId = tenant;
        result.CustomerId = customer;
        result.EventId = eventId;

        bool retryOk = TryParseCanonical(retryText, int.MaxValue, out long retry);
        if (retryOk) result.Retry = (int)retry;
        bool timeOk = TryParseCanonical(timeText, 253402300799999L, out long ms);
        var now = clock();
        if (timeOk)
        {
            result.TransmissionTime = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            result.Age = now - result.TransmissionTime.Value;
        }

        JwsSignatureHeader jws = null;
        if (signatureStatus == HeaderLookup.Found)
        {
            if (!JwsSignatureHeader.TryParse(signature, out jws, out var jwsReason, out var jwsDetail))
                return Done(state, jwsReason, jwsDetail);
            result.KeyId = jws.KeyId;
            state.Jws = jws;
        }

        foreach (var (name, status) in new[]
        {
            (WebhookHeaders.Signature, signatureStatus), (WebhookHeaders.TenantId, tenantStatus),
            (WebhookHeaders.CustomerId, customerStatus), (WebhookHeaders.EventId, eventStatus),
            (WebhookHeaders.Retry, retryStatus), (WebhookHeaders.TransmissionTime, timeStatus),
        })
        {
            if (status == HeaderLookup.Missing) return Done(state, SignatureCheckReason.MissingHeader, name);
            if (status == HeaderLookup.Ambiguous) return Done(state, SignatureCheckReason.MalformedHeader, name + " appears more than once");
        }
        if (!retryOk) return Done(state, SignatureCheckReason.MalformedHeader, WebhookHeaders.Retry + " is not a whole number");
        if (!timeOk) return Done(state, SignatureCheckReason.MalformedHeader, WebhookHeaders.TransmissionTime + " is not epoch milliseconds");

        // The window is checked before any key is looked up: a stale or far-future event costs no fetch.
        if (maxAge > TimeSpan.Zero)
        {
            if (result.Age.Value > maxAge)
                return Done(state, SignatureCheckReason.TooOld, $"sent {Describe(result.Age.Value)} ago; MaxAge is {Describe(maxAge)}");
            if (-result.Age.Value > maxAge)
                return Done(state, SignatureCheckReason.TooNew, $"sent {Describe(-result.Age.Value)} in the future; MaxAge is {Describe(maxAge)}");
        }

        state.TransmissionMs = ms;
        var payload = SignedPayload.Build(SignedPayload.Checksum(body), customer, eventId, (int)retry, tenant, ms);
        state.SigningInput = SignedPayload.SigningInput(jws.ProtectedHeader, payload);
        return state;
    }

    private SignatureCheckResult Finish(State state)
    {
        var result = state.Result;
        var now = clock();
        if (rejectReplay)
        {
            var forgetAfter = maxAge > TimeSpan.Zero
                ? Later(Max(Later(result.TransmissionTime.Value, maxAge), now), TimeSpan.FromSeconds(1))
                : Later(now, replayWindowWithoutMaxAge);
            if (!replay.TryRecord(result.TenantId, result.EventId, result.Retry.Value, now, forgetAfter))
                return Fail(result, SignatureCheckReason.Replayed, $"event {result.EventId} retry {result.Retry} was already accepted");
        }
        result.IsValid = true;
        result.ReasonCode = SignatureCheckReason.Valid;
        result.Reason = "Valid";
        return result;
    }

    private static State Done(State state, SignatureCheckReason reason, string detail)
    {
        Fail(state.Result, reason, detail);
        state.Done = true;
        return state;
    }

    /// <summary>The signature could not be checked: nothing is proven about the event, and it may be checked again later.</summary>
    private static SignatureCheckResult Unavailable(SignatureCheckResult result, KeyLookup lookup)
    {
        result.RetryAfter = lookup.RetryAfter;
        return Fail(result, SignatureCheckReason.KeyUnavailable, lookup.Problem);
    }

    private static SignatureCheckResult Fail(SignatureCheckResult result, SignatureCheckReason reason, string detail)
    {
        result.IsValid = false;
        result.ReasonCode = reason;
        result.Reason = string.IsNullOrEmpty(detail) ? reason.ToString() : reason + ": " + detail;
        return result;
    }

    /// <summary>time + span, or the last representable time when that lies beyond it (-MaxAge ([TimeSpan]::MaxValue)).</summary>
    private static DateTimeOffset Later(DateTimeOffset time, TimeSpan span) =>
        span.Ticks >= DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks ? DateTimeOffset.MaxValue : time + span;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Describe(TimeSpan span)
    {
        if (span.TotalSeconds < 120) return span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
        if (span.TotalMinutes < 120) return span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";
        if (span.TotalHours < 48) return span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";
        return span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " days";
    }

    // Decimal digits only, no sign, no leading zeros (the signer writes its numbers that way).
    private static bool TryParseCanonical(string text, long max, out long value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 19) return false;
        if (text.Length > 1 && text[0] == '0') return false;
        foreach (char c in text) if (c < '0' || c > '9') return false;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return false;
        return value <= max;
    }
}
