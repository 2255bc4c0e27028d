using System.Collections.Concurrent;

namespace ChatApi.Emulator.TestSupport;

/// <summary>One API call as the emulator saw it: its place in the log, method, path with query, and answer status.</summary>
public sealed record LoggedRequest(long Seq, string Method, string Path, int Status);

/// <summary>
/// Every API call (<c>/vcc</c>, <c>/oauth</c>) in arrival order, for tests that count calls:
/// <c>GET /_emulator/requests?after=N</c> answers <c>{last, requests}</c> with the calls after N.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> entries = new();
    private long last;

    public long Last => Interlocked.Read(ref last);

    public void Add(string method, string path, int status) =>
        entries.Enqueue(new LoggedRequest(Interlocked.Increment(ref last), method, path, status));

    public IReadOnlyList<LoggedRequest> After(long seq) => entries.Where(e => e.Seq > seq).OrderBy(e => e.Seq).ToList();

    public static void Map(WebApplication app) =>
        app.MapGet("/_emulator/requests", (HttpRequest request, RequestLog log) =>
        {
            long after = long.TryParse(request.Query["after"].ToString(), out var n) ? n : 0;
            return Results.Json(new { last = log.Last, requests = log.After(after) });
        });
}
