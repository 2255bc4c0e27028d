using System.Diagnostics;
using System.Threading;

namespace ChatApi.Engine.Http;

/// <summary>
/// At most N requests in any window of one second (plus a small margin for network jitter),
/// shared by every thread that uses a session. A sliding log of the last N start times: exact,
/// never bursts past the server's token bucket, and every wait is cancellable.
/// </summary>
internal sealed class RequestRateLimiter
{
    private readonly long[] starts;
    private readonly long windowTicks;
    private readonly object gate = new object();
    private int next;

    public RequestRateLimiter(double requestsPerSecond, TimeSpan margin)
    {
        if (requestsPerSecond <= 0) return; // unlimited
        // N permits per window; fractional rates (0.5/s) become one permit per 1/rate seconds.
        int permits = Math.Max(1, (int)Math.Floor(requestsPerSecond));
        double windowSeconds = permits / requestsPerSecond;
        starts = new long[permits];
        for (int i = 0; i < permits; i++) starts[i] = long.MinValue / 2;
        windowTicks = (long)((windowSeconds + margin.TotalSeconds) * Stopwatch.Frequency);
    }

    public bool IsUnlimited => starts == null;

    public async Task WaitAsync(CancellationToken cancellation)
    {
        if (starts == null) return;
        while (true)
        {
            long wait;
            lock (gate)
            {
                long now = Stopwatch.GetTimestamp();
                long oldest = starts[next];
                wait = oldest + windowTicks - now;
                if (wait <= 0)
                {
                    starts[next] = now;
                    next = (next + 1) % starts.Length;
                    return;
                }
            }
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellation).ConfigureAwait(false);
        }
    }
}
