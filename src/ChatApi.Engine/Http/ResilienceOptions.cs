namespace ChatApi.Engine.Http;

/// <summary>How hard the client tries: attempts, delays and the per-attempt timeout.</summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 6;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Longest wait a Retry-After may impose before the call gives up waiting on it.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Added to the rate limiter's one-second window, for jitter on the way to the server.</summary>
    public TimeSpan RateWindowMargin { get; set; } = TimeSpan.FromMilliseconds(20);
}
