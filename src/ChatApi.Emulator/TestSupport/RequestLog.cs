using System.Collections.Concurrent;

namespace ChatApi.Emulator.TestSupport;

/// <summary>
/// One API call as the emulator saw it: its place in the log, method, path with query, answer status,
/// and whether the client went away (closed the connection) before the answer was done.
/// </summary>
public sealed record LoggedRequest(long Seq, string Method, string Path, int Status, bool Aborted);

/// <summary>A call the emulator has received and not answered yet.</summary>
public sealed record PendingRequest(string Method, string Path);

/// <summary>
/// Every API call (<c>/vcc</c>, <c>/oauth</c>, the Gateway's) in the order answered, for tests that
/// count calls, and the calls still being worked on, for tests that must act while one is in flight:
/// <c>GET /_emulator/requests?after=N</c> answers <c>{last, requests, inFlight}</c> with the calls
/// after N (each with <c>aborted</c>: the client went away first).
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> entries = new();
    private readonly ConcurrentDictionary<long, PendingRequest> pending = new();
    private long last;
    private long arrivals;

    public long Last => Interlocked.Read(ref last);

    public IReadOnlyList<PendingRequest> InFlight => pending.OrderBy(p => p.Key).Select(p => p.Value).ToList();

    /// <summary>Marks a call as received; <see cref="End"/> with the mark records its answer.</summary>
    public long Begin(string method, string path)
    {
        long mark = Interlocked.Increment(ref arrivals);
        pending[mark] = new PendingRequest(method, path);
        return mark;
    }

    public void End(long mark, int status, bool aborted)
    {
        if (pending.TryRemove(mark, out var call))
            entries.Enqueue(new LoggedRequest(Interlocked.Increment(ref last), call.Method, call.Path, status, aborted));
    }

    public IReadOnlyList<LoggedRequest> After(long seq) => entries.Where(e => e.Seq > seq).OrderBy(e => e.Seq).ToList();

    public static void Map(WebApplication app) =>
        app.MapGet("/_emulator/requests", (HttpRequest request, RequestLog log) =>
        {
            long after = long.TryParse(request.Query["after"].ToString(), out var n) ? n : 0;
            return Results.Json(new { last = log.Last, requests = log.After(after), inFlight = log.InFlight });
        });
}
