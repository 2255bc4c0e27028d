using System.Threading;

namespace ChatApi.Engine.Migration;

/// <summary>
/// The calls of a migration or an undo: at most a few in flight at once (the session's rate limit
/// still applies underneath), each counted for the summary (a list counts its pages).
/// </summary>
internal sealed class ThrottledCalls
{
    private readonly SemaphoreSlim gate;
    private readonly CancellationToken cancellation;
    private int requests;

    public ThrottledCalls(int limit, CancellationToken cancellation)
    {
        gate = new SemaphoreSlim(limit, limit);
        this.cancellation = cancellation;
    }

    /// <summary>Requests sent so far.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>Runs one call inside the throttle and counts <paramref name="count"/> requests for it.</summary>
    public async Task<T> Run<T>(Func<Task<T>> call, int count = 1)
    {
        await gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            Interlocked.Add(ref requests, count);
            return await call().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public Task Run(Func<Task> call, int count = 1) =>
        Run(async () => { await call().ConfigureAwait(false); return true; }, count);

    /// <summary>Counts requests made outside the throttle (list pages).</summary>
    public void Count(int count) => Interlocked.Add(ref requests, count);

    /// <summary>Pages a list of <paramref name="items"/> takes at the client's page size of 100.</summary>
    public static int Pages(int items) => Math.Max(1, (items + 99) / 100);
}
