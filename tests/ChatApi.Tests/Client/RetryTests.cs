using System.Diagnostics;
using ChatApi.Engine;

namespace ChatApi.Tests.Client;

/// <summary>Retries, Retry-After, idempotency keys, timeouts and cancellation, against a scripted server over real HTTP.</summary>
[Collection(TimingCollection.Name)]
public sealed class RetryTests : IAsyncLifetime
{
    private ScriptedServer server;

    public async Task InitializeAsync() => server = await ScriptedServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task TransientStatusIsRetriedUntilItSucceeds(int status)
    {
        server.Api = (_, i, ctx) => i < 2 ? ScriptedServer.Problem(ctx, status, "busy") : ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        using var client = await server.ConnectAsync();

        var webhook = await client.GetWebhookAsync("7", CallContext.None);

        Assert.Equal("hook", webhook.Name);
        Assert.Equal(3, server.ApiRequests.Count);
    }

    [Fact]
    public async Task AttemptsAreBoundedAndTheLastErrorIsReported()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Problem(ctx, 503, "Service is down for maintenance");
        using var client = await server.ConnectAsync(o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetWebhookAsync("7", CallContext.None));

        Assert.Equal(3, server.ApiRequests.Count);
        Assert.Equal(ChatErrorKind.ServerError, e.Kind);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal(3, e.Attempts);
        Assert.Equal("Service is down for maintenance", e.ServerMessage);
        Assert.Contains("Service is down for maintenance", e.Message);
        Assert.Contains("3 attempts", e.Message);
    }

    [Fact]
    public async Task CutConnectionIsRetried()
    {
        server.Api = (_, i, ctx) =>
        {
            if (i == 0) { ctx.Abort(); return Task.CompletedTask; }
            return ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        };
        using var client = await server.ConnectAsync();

        var webhook = await client.GetWebhookAsync("7", CallContext.None);

        Assert.Equal("7", webhook.Id);
        Assert.Equal(2, server.ApiRequests.Count);
    }

    [Fact]
    public async Task AlwaysCutConnectionEndsInANetworkErrorAfterBoundedAttempts()
    {
        server.Api = (_, _, ctx) => { ctx.Abort(); return Task.CompletedTask; };
        using var client = await server.ConnectAsync(o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetWebhookAsync("7", CallContext.None));

        Assert.Equal(ChatErrorKind.Network, e.Kind);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, server.ApiRequests.Count);
        Assert.Contains("3 attempts", e.Message);
    }

    [Theory]
    [InlineData(400, ChatErrorKind.Validation)]
    [InlineData(404, ChatErrorKind.NotFound)]
    [InlineData(403, ChatErrorKind.Forbidden)]
    public async Task ClientErrorsAreNotRetried(int status, ChatErrorKind kind)
    {
        server.Api = (_, _, ctx) => ScriptedServer.Problem(ctx, status, $"refused with {status}");
        using var client = await server.ConnectAsync();

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetWebhookAsync("7", CallContext.None));

        Assert.Single(server.ApiRequests);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal($"refused with {status}", e.ServerMessage);
    }

    [Fact]
    public async Task RetryAfterInSecondsIsHonoured()
    {
        server.Api = (_, i, ctx) =>
        {
            if (i > 0) return ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
            ctx.Response.Headers["Retry-After"] = "1";
            return ScriptedServer.Problem(ctx, 429, "slow down");
        };
        using var client = await server.ConnectAsync();

        await client.GetWebhookAsync("7", CallContext.None);

        var calls = server.ApiRequests;
        Assert.Equal(2, calls.Count);
        Assert.InRange(calls[1].MillisecondsSince(calls[0]), 950, 5000);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateIsHonoured()
    {
        server.Api = (_, i, ctx) =>
        {
            if (i > 0) return ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
            ctx.Response.Headers["Retry-After"] = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R");
            return ScriptedServer.Problem(ctx, 503, "come back later");
        };
        var log = new ListLog();
        using var client = await server.ConnectAsync();

        await client.GetWebhookAsync("7", new CallContext(CancellationToken.None, log));

        var calls = server.ApiRequests;
        Assert.Equal(2, calls.Count);
        // The date has whole seconds: now+2s rounds down to at least 1 s ahead, so the retry waited that long.
        Assert.True(calls[1].MillisecondsSince(calls[0]) >= 950, $"retried after {calls[1].MillisecondsSince(calls[0])} ms");
        // and the wait the client chose came from the date (at most 2 s), not from a default or the cap.
        var wait = System.Text.RegularExpressions.Regex.Match(log.All, @"retrying in ([\d,]+) ms");
        Assert.True(wait.Success, log.All);
        Assert.InRange(int.Parse(wait.Groups[1].Value.Replace(",", "")), 1, 2000);
    }

    [Fact]
    public async Task IdempotencyKeyIsTheSameAcrossRetriesAndNewForEachCall()
    {
        // A DELETE is retried by the transport (a create is not: CreateIsNotRepeatedBlindly...).
        server.Api = (seen, i, ctx) => i == 0 || i == 3
            ? ScriptedServer.Problem(ctx, 503, "busy")
            : i == 1 ? Task.Run(() => ctx.Abort()) : ScriptedServer.Json(ctx, 204, "");
        using var client = await server.ConnectAsync();

        await client.RemoveWebhookAsync("7", CallContext.None);
        await client.RemoveWebhookAsync("8", CallContext.None);

        var calls = server.ApiRequests;
        Assert.Equal(5, calls.Count);
        var keys = calls.Select(c => c.Header("Idempotency-Key")).ToList();
        Assert.All(keys, k => Assert.True(Guid.TryParse(k, out _), $"'{k}' is not a uuid"));
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[0], keys[2]);
        Assert.Equal(keys[3], keys[4]);
        Assert.NotEqual(keys[0], keys[3]);
    }

    private const string EmptyList = "{\"data\":[],\"page\":{\"pageSize\":100,\"pageIndex\":0,\"elementCount\":0,\"pageCount\":0}}";
    private const string ListWithHook = "{\"data\":[" + ScriptedServer.WebhookJson + "],\"page\":{\"pageSize\":100,\"pageIndex\":0,\"elementCount\":1,\"pageCount\":1}}";

    [Theory]
    [InlineData(503)]
    [InlineData(0)] // a cut connection
    public async Task CreateIsNotRepeatedBlindlyTheServerIsReadFirstAndTheCreateRepeatedOnlyWhenItDidNotHappen(int failure)
    {
        server.Api = (seen, i, ctx) => i switch
        {
            0 => failure == 0 ? Task.Run(() => ctx.Abort()) : ScriptedServer.Problem(ctx, failure, "busy"),
            1 => ScriptedServer.Json(ctx, 200, EmptyList),
            _ => ScriptedServer.Json(ctx, 201, ScriptedServer.WebhookJson),
        };
        using var client = await server.ConnectAsync(o => o.BaseDelay = TimeSpan.FromMilliseconds(10));

        var made = await client.CreateWebhookAsync("hook", "https://example.com/h", null, CallContext.None);

        Assert.Equal("7", made.Id);
        Assert.Equal(new[] { "POST", "GET", "POST" }, server.ApiRequests.Select(r => r.Method));
    }

    [Fact]
    public async Task CreateWhoseAnswerWasLostButWhichHappenedIsNotRepeated()
    {
        server.Api = (seen, i, ctx) => i == 0 ? Task.Run(() => ctx.Abort()) : ScriptedServer.Json(ctx, 200, ListWithHook);
        using var client = await server.ConnectAsync();

        var made = await client.CreateWebhookAsync("hook", "https://example.com/h", null, CallContext.None);

        Assert.Equal("7", made.Id);
        Assert.Equal(new[] { "POST", "GET" }, server.ApiRequests.Select(r => r.Method));
    }

    [Fact]
    public async Task CreateWhoseOutcomeCannotBeToldFailsWithOutcomeUnknownNamingTheItem()
    {
        // The answer is lost, and the check cannot read the server either.
        server.Api = (seen, i, ctx) => i == 0 ? Task.Run(() => ctx.Abort()) : ScriptedServer.Problem(ctx, 500, "broken");
        using var client = await server.ConnectAsync(o => o.MaxRetries = 1);

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.CreateWebhookAsync("Sales", "https://example.com/h", null, CallContext.None));

        Assert.Equal(ChatErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal("ChatApi.OutcomeUnknown", e.ErrorId);
        Assert.Contains("webhook 'Sales'", e.Message);
        Assert.Contains("Get-ChatWebhook", e.Message);
        Assert.Single(server.ApiRequests, r => r.Method == "POST");
    }

    [Fact]
    public async Task ARefusedCreateIsRetriedAfterRetryAfterWithoutAnyCheck()
    {
        server.Api = (seen, i, ctx) =>
        {
            if (i > 0) return ScriptedServer.Json(ctx, 201, ScriptedServer.WebhookJson);
            ctx.Response.Headers["Retry-After"] = "0";
            return ScriptedServer.Problem(ctx, 429, "slow down");
        };
        using var client = await server.ConnectAsync();

        await client.CreateWebhookAsync("hook", "https://example.com/h", null, CallContext.None);

        Assert.Equal(new[] { "POST", "POST" }, server.ApiRequests.Select(r => r.Method));
    }

    [Fact]
    public async Task EachAttemptIsTimedOut()
    {
        server.Api = async (_, i, ctx) =>
        {
            if (i == 0) await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            await ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        };
        using var client = await server.ConnectAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var webhook = await client.GetWebhookAsync("7", CallContext.None);

        // The first attempt would have answered after 10 s: a second one means it was timed out.
        Assert.Equal("7", webhook.Id);
        Assert.Equal(2, server.ApiRequests.Count);
    }

    [Fact]
    public async Task EveryAttemptTimingOutEndsInATimeoutError()
    {
        server.Api = async (_, _, ctx) => await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
        using var client = await server.ConnectAsync(o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 2; });

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetWebhookAsync("7", CallContext.None));

        Assert.Equal(ChatErrorKind.Timeout, e.Kind);
        Assert.Equal(3, e.Attempts);
        Assert.Contains("timed out", e.Message);
    }

    [Fact]
    public async Task CancellationStopsAWaitingCall()
    {
        server.Api = async (_, _, ctx) => await Task.Delay(Timeout.InfiniteTimeSpan, ctx.RequestAborted);
        using var client = await server.ConnectAsync(o => o.AttemptTimeout = TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();

        var call = client.GetWebhookAsync("7", new CallContext(cts.Token));
        await server.WaitForApiRequestsAsync(1);
        cts.Cancel();

        // The server never answers and the attempt timeout is 5 minutes: only the cancellation ends the call.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task CancellationStopsARetryAfterWait()
    {
        server.Api = (_, _, ctx) =>
        {
            ctx.Response.Headers["Retry-After"] = "60";
            return ScriptedServer.Problem(ctx, 429, "slow down");
        };
        using var client = await server.ConnectAsync(o => o.MaxRetryAfter = TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();

        var call = client.GetWebhookAsync("7", new CallContext(cts.Token));
        await server.WaitForApiRequestsAsync(1);
        cts.Cancel();

        // The server asked for 60 s: only the cancellation ends the call before that, with no second attempt.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(server.ApiRequests);
    }

    [Fact]
    public async Task ConcurrentChangeSurfacesAsPreconditionFailed()
    {
        // GET answers version 3; by the time the PUT arrives someone else made it 4.
        server.Api = (seen, _, ctx) =>
        {
            if (seen.Method == "GET") { ctx.Response.Headers.ETag = "\"3\""; return ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson); }
            return ScriptedServer.Problem(ctx, 412, "The resource was modified: version is 4, If-Match gave 3");
        };
        using var client = await server.ConnectAsync();

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.UpdateWebhookAsync("7", new WebhookChanges { Name = "renamed" }, CallContext.None));

        Assert.Equal(ChatErrorKind.PreconditionFailed, e.Kind);
        Assert.Equal(412, e.StatusCode);
        Assert.Contains("changed on the server", e.Message);
        var put = Assert.Single(server.ApiRequests, r => r.Method == "PUT");
        Assert.Equal("3", put.Header("If-Match"));
        Assert.Contains("\"renamed\"", put.Body);
    }

    [Fact]
    public async Task ChangeSurvivesARetriedPutWhoseFirstAnswerWasLost()
    {
        // The first PUT lands but its answer is lost; the retry meets 412 because the version moved on.
        int version = 3;
        string name = "hook";
        server.Api = (seen, _, ctx) =>
        {
            if (seen.Method == "GET")
            {
                ctx.Response.Headers.ETag = $"\"{version}\"";
                return ScriptedServer.Json(ctx, 200, $"{{\"id\":\"7\",\"name\":\"{name}\",\"uri\":\"https://example.com/h\",\"version\":\"v2.0\"}}");
            }
            if (seen.Header("If-Match") != version.ToString()) return ScriptedServer.Problem(ctx, 412, "stale");
            version++;
            name = "renamed";
            ctx.Abort();
            return Task.CompletedTask;
        };
        using var client = await server.ConnectAsync();

        var updated = await client.UpdateWebhookAsync("7", new WebhookChanges { Name = "renamed" }, CallContext.None);

        Assert.Equal("renamed", updated.Name);
        Assert.Equal(2, server.ApiRequests.Count(r => r.Method == "PUT"));
    }
}
