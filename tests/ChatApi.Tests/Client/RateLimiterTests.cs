using System.Collections.Concurrent;
using System.Diagnostics;
using ChatApi.Engine;
using ChatApi.Engine.Http;

namespace ChatApi.Tests.Client;

[Collection(TimingCollection.Name)]
public sealed class RateLimiterTests
{
    /// <summary>The most starts found in any window of <paramref name="window"/> (timestamps in Stopwatch ticks).</summary>
    private static int MostInAnyWindow(IEnumerable<long> starts, TimeSpan window)
    {
        var sorted = starts.OrderBy(t => t).ToArray();
        long ticks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        int best = 0;
        for (int i = 0, j = 0; i < sorted.Length; i++)
        {
            while (sorted[i] - sorted[j] >= ticks) j++;
            best = Math.Max(best, i - j + 1);
        }
        return best;
    }

    [Fact]
    public async Task NeverMoreThanNPerSecondAcrossThreads()
    {
        var limiter = new RequestRateLimiter(5, TimeSpan.Zero);
        var starts = new ConcurrentBag<long>();
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < 2; i++)
            {
                await limiter.WaitAsync(CancellationToken.None);
                starts.Add(Stopwatch.GetTimestamp());
            }
        })));

        Assert.Equal(16, starts.Count);
        // Timestamps are taken after WaitAsync returns, so a busy machine may delay one by some ms:
        // count in windows of 0.9 s, which a limiter that bursts still fails.
        Assert.True(MostInAnyWindow(starts, TimeSpan.FromSeconds(0.9)) <= 5, "more than 5 starts in 0.9 s");
        // 16 permits at 5/s: the first 5 at once, then 5 per second: at least 3 s. (That it is not much
        // slower than the rate is bench/pipeline.ps1's ratio against the rate floor, not a timed test.)
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.9), $"took only {watch.Elapsed}");
    }

    [Fact]
    public async Task WaitIsCancellable()
    {
        var limiter = new RequestRateLimiter(1, TimeSpan.Zero);
        await limiter.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        // Without the cancellation the wait would end normally, a second later, with no exception.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync(cts.Token));
    }

    [Fact]
    public async Task ZeroMeansUnlimited()
    {
        var limiter = new RequestRateLimiter(0, TimeSpan.Zero);
        Assert.True(limiter.IsUnlimited);
        for (int i = 0; i < 1000; i++) Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully, $"wait {i} did not pass at once");
    }

    [Fact]
    public async Task ClientCallsFromManyThreadsReachTheServerAtMostNPerSecond()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        using var client = await server.ConnectAsync(requestsPerSecond: 4);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => client.GetWebhookAsync("7", CallContext.None))));

        var calls = server.ApiRequests;
        Assert.Equal(12, calls.Count);
        // The token call took one permit at connect too; count what the server saw in any second.
        // As seen by the server, after the network: windows of 0.9 s allow for jitter on the way.
        Assert.True(MostInAnyWindow(server.Requests.Select(r => r.At), TimeSpan.FromSeconds(0.9)) <= 4);
    }
    /// <summary>
    /// A call waiting its turn at the session's rate limit has not been sent, so the wait is not part
    /// of the attempt's timeout: timed out there, a create would be taken for "maybe done" and any
    /// call would be retried for nothing.
    /// </summary>
    [Fact]
    public async Task WaitingForTheRateLimitDoesNotCountAgainstTheAttemptTimeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        var log = new ListLog();
        using var client = await server.ConnectAsync(o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(400); o.MaxRetries = 0; }, log, requestsPerSecond: 2);

        // Six calls at 2 per second: the last waits about two seconds for its turn, five times its timeout.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetWebhookAsync("7", CallContext.None)));

        Assert.Equal(6, server.ApiRequests.Count);
        Assert.DoesNotContain("timed out", log.All);
    }
}
