using ChatApi.Engine.Signatures;

namespace ChatApi.Engine.Events;

/// <summary>Settings of a local webhook receiver.</summary>
public sealed class WebhookReceiverOptions
{
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);
    public const int DefaultMaxConcurrentRequests = 32;

    /// <summary>Port on 127.0.0.1; 0 picks a free one. Ignored when Prefix is set.</summary>
    public int Port { get; set; }
    /// <summary>An HttpListener prefix such as http://127.0.0.1:8080/ or http://+:8080/ (must end with '/').</summary>
    public string Prefix { get; set; }
    /// <summary>Only POSTs to this path (and below it) are taken; "/" takes every path.</summary>
    public string Path { get; set; } = "/";
    /// <summary>Checks each event; null skips the check and accepts every JSON body.</summary>
    public WebhookSignatureVerifier Verifier { get; set; }
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>Hand on refused requests too (marked Refused); they never count towards the run's count.</summary>
    public bool IncludeRefused { get; set; }
    /// <summary>How long one request may take to send its body; a slower sender is cut off (8x8 retries later).</summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;
    /// <summary>Requests handled at once; more are answered 503 at once (8x8 retries later).</summary>
    public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;
    /// <summary>Retry-After of a 503 for a signature that could not be checked, when the key's source does not say when it is asked again.</summary>
    public TimeSpan KeyUnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
