namespace ChatApi.Emulator.RateLimit;

/// <summary>One token bucket per API key: capacity max(R, 1), refilled continuously at R per second.</summary>
public sealed class TokenBucketLimiter(EmulatorOptions options, TimeProvider time)
{
    private sealed class Bucket { public double Tokens; public long Stamp; }
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Takes a token; when the bucket is empty returns the whole seconds to wait (at least 1).</summary>
    public int? TryTake(string apiKey)
    {
        var rate = options.RateLimit;
        if (rate <= 0) return null;
        var capacity = Math.Max(1, rate);
        var now = time.GetTimestamp();
        lock (_lock)
        {
            if (!_buckets.TryGetValue(apiKey, out var bucket))
                _buckets[apiKey] = bucket = new Bucket { Tokens = capacity, Stamp = now };
            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + elapsed * rate);
            bucket.Stamp = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }
            return Math.Max(1, (int)Math.Ceiling((1 - bucket.Tokens) / rate));
        }
    }
}
