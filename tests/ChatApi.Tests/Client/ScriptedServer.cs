using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security;
using System.Text;
using ChatApi.Engine;
using ChatApi.Engine.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApi.Tests.Client;

/// <summary>One request as the scripted server saw it.</summary>
public sealed record SeenRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, long At)
{
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
    public double MillisecondsSince(SeenRequest earlier) => (At - earlier.At) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// A tiny Kestrel server on 127.0.0.1:0 that answers what the test scripts: the token endpoint
/// hands out numbered tokens (unless scripted otherwise), every other call goes to <see cref="Api"/>.
/// Every request is recorded, so tests count attempts and read headers.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int tokenCount;

    /// <summary>Answers API calls: (request as seen, index of this API call starting at 0, context).</summary>
    public Func<SeenRequest, int, HttpContext, Task> Api { get; set; } = (_, _, ctx) => Json(ctx, 200, "{}");

    /// <summary>Answers the token call; by default a fresh token "t1", "t2"... living <see cref="TokenLifetime"/> seconds.</summary>
    public Func<int, HttpContext, Task> Token { get; set; }

    public string TokenLifetime { get; set; } = "3600";
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();
    public List<SeenRequest> ApiRequests => Requests.Where(r => !r.Path.StartsWith("/oauth")).ToList();
    public List<SeenRequest> TokenRequests => Requests.Where(r => r.Path.StartsWith("/oauth")).ToList();

    /// <summary>Waits, polling with a deadline of 30 s, until the server has seen <paramref name="count"/> API calls.</summary>
    public async Task WaitForApiRequestsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ApiRequests.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the server saw {ApiRequests.Count} of {count} API calls");
            await Task.Delay(10);
        }
    }
    public Uri BaseUri { get; private set; }
    private int apiCount;

    private ScriptedServer(WebApplication app) => this.app = app;

    public static async Task<ScriptedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(server.Handle);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task Handle(HttpContext ctx)
    {
        string body;
        using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync();
        var headers = ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var seen = new SeenRequest(ctx.Request.Method, ctx.Request.Path.Value, ctx.Request.QueryString.Value, headers, body, Stopwatch.GetTimestamp());
        Requests.Enqueue(seen);
        if (ctx.Request.Path.StartsWithSegments("/oauth"))
        {
            int n = Interlocked.Increment(ref tokenCount);
            if (Token != null) { await Token(n, ctx); return; }
            await Json(ctx, 200, $"{{\"access_token\":\"t{n}\",\"token_type\":\"BearerToken\",\"expires_in\":\"{TokenLifetime}\",\"status\":\"approved\"}}");
            return;
        }
        int index = Interlocked.Increment(ref apiCount) - 1;
        try { await Api(seen, index, ctx); }
        catch (OperationCanceledException) { }
    }

    public static async Task Json(HttpContext ctx, int status, string body, string contentType = "application/json")
    {
        ctx.Response.StatusCode = status;
        if (body == null) return;
        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(body);
    }

    public static Task Problem(HttpContext ctx, int status, string message, params string[] errors)
    {
        var list = string.Join(",", errors.Select(e => $"{{\"field\":\"name\",\"message\":\"{e}\"}}"));
        return Json(ctx, status, $"{{\"message\":\"{message}\",\"errors\":[{list}]}}", "application/problem+json");
    }

    public const string WebhookJson = "{\"id\":\"7\",\"name\":\"hook\",\"uri\":\"https://example.com/h\",\"version\":\"v2.0\"}";

    /// <summary>A client on this server: no client-side rate limit and quick retries unless changed.</summary>
    public Task<ChatApiClient> ConnectAsync(Action<ResilienceOptions> configure = null, IChatLog log = null, double requestsPerSecond = 0, CancellationToken cancellation = default)
    {
        var resilience = new ResilienceOptions
        {
            MaxRetries = 3,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(resilience);
        return ChatApiClient.ConnectAsync(new ChatClientOptions
        {
            Region = "us",
            TenantId = "acme",
            BaseUri = BaseUri,
            ApiKey = "key-1",
            ApiSecret = Secure("s3cr3t-value"),
            RequestsPerSecond = requestsPerSecond,
            Resilience = resilience,
        }, new CallContext(cancellation, log));
    }

    public static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(TimeSpan.FromSeconds(2) is var t ? new CancellationTokenSource(t).Token : default);
        await app.DisposeAsync();
    }
}

/// <summary>Collects what the engine logs.</summary>
public sealed class ListLog : IChatLog
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public void Verbose(string message) => Lines.Enqueue("V: " + message);
    public void Debug(string message) => Lines.Enqueue("D: " + message);
    public void Warning(string message) => Lines.Enqueue("W: " + message);
    public string All => string.Join("\n", Lines);
}
