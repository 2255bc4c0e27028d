using System;

namespace ChatApi;

/// <summary>Why a signed webhook event was accepted or refused. Stable names: scripts may compare them.</summary>
public enum SignatureCheckReason
{
    /// <summary>The signature is valid, the time is within the window and (when asked) the event is not a replay.</summary>
    Valid = 0,
    /// <summary>A required x-8x8-* header is absent or empty.</summary>
    MissingHeader,
    /// <summary>A header value is not what it must be (retry or transmission time not a number, several values).</summary>
    MalformedHeader,
    /// <summary>x-8x8-signature is not a compact JWS: wrong number of parts, bad base64url or a protected header that is not a JSON object.</summary>
    MalformedSignature,
    /// <summary>The JWS carries its payload (the middle part is not empty); 8x8 always detaches it.</summary>
    PayloadNotDetached,
    /// <summary>The protected header does not say b64:false (RFC 7797 unencoded payload).</summary>
    PayloadEncoded,
    /// <summary>The protected header's crit does not name b64.</summary>
    MissingCritical,
    /// <summary>The protected header's crit names an extension this verifier does not understand.</summary>
    UnsupportedCritical,
    /// <summary>alg is anything but RS256 (none, HS256, ...).</summary>
    UnsupportedAlgorithm,
    /// <summary>kid is absent or not a plain token (letters, digits, '-', '_', at most 128 characters).</summary>
    InvalidKeyId,
    /// <summary>No key with this kid is known (not in -Jwk, or the region does not have it).</summary>
    UnknownKey,
    /// <summary>
    /// The signature could not be checked: the key could not be obtained (its source was asked too often,
    /// did not answer, or answered an error) or is not a usable RSA public key. Nothing is proven about the
    /// event: a receiver answers 503 with Retry-After, and the sender delivers it again.
    /// </summary>
    KeyUnavailable,
    /// <summary>The RSA-SHA256 signature does not match the body and headers: something was changed, or another key signed it.</summary>
    BadSignature,
    /// <summary>The transmission time is older than MaxAge.</summary>
    TooOld,
    /// <summary>The transmission time is further than MaxAge in the future.</summary>
    TooNew,
    /// <summary>This (event id, retry) pair was already accepted within the window.</summary>
    Replayed,
}

/// <summary>The outcome of checking the signature of one v2.0 webhook event (Test-ChatWebhookSignature -Detailed).</summary>
public sealed class SignatureCheckResult
{
    public bool IsValid { get; set; }
    /// <summary>The reason and, when there is one, a short detail: "Valid", "MissingHeader: x-8x8-signature", "BadSignature: ...".</summary>
    public string Reason { get; set; }
    /// <summary>The reason alone, for comparisons.</summary>
    public SignatureCheckReason ReasonCode { get; set; }
    public string KeyId { get; set; }
    public string TenantId { get; set; }
    public string CustomerId { get; set; }
    public string EventId { get; set; }
    public int? Retry { get; set; }
    public DateTimeOffset? TransmissionTime { get; set; }
    /// <summary>How long ago the event was sent (negative when the transmission time lies in the future).</summary>
    public TimeSpan? Age { get; set; }
    /// <summary>For KeyUnavailable: how long until the key's source is asked again (null when not known).</summary>
    public TimeSpan? RetryAfter { get; set; }

    public override string ToString() => IsValid ? "Valid" : Reason;
}
