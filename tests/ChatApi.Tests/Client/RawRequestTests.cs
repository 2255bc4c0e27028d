using ChatApi.Engine;
using Microsoft.AspNetCore.Http;

namespace ChatApi.Tests.Client;

/// <summary>Invoke-ChatApiRequest's engine side: the same retries as every call, except that a POST or PATCH is never repeated blindly.</summary>
public sealed class RawRequestTests
{
    [Theory]
    [InlineData("POST", 503)]
    [InlineData("PATCH", 500)]
    [InlineData("POST", 0)] // the connection is cut after the request arrived
    public async Task ALostAnswerToAPostOrPatchIsNotRepeatedAndTheOutcomeIsUnknown(string method, int status)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, _, ctx) =>
        {
            if (status == 0) { ctx.Abort(); return Task.CompletedTask; }
            return ScriptedServer.Json(ctx, status, "{\"message\":\"busy\"}");
        };
        using var client = await server.ConnectAsync();
        var raw = new RawRequest { Method = method, Path = "web-hooks", Body = "{\"name\":\"x\"}" };
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => client.InvokeAsync(raw, CallContext.None));
        Assert.Equal(ChatErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Contains("outcome is unknown", ex.Message);
        Assert.Single(server.ApiRequests);
    }

    [Fact]
    public async Task AGetIsRetriedAfterA503AsEveryCallIs()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, i, ctx) => i == 0 ? ScriptedServer.Json(ctx, 503, null) : ScriptedServer.Json(ctx, 200, "{\"id\":\"7\"}");
        using var client = await server.ConnectAsync();
        var answer = await client.InvokeAsync(new RawRequest { Method = "GET", Path = "web-hooks/7" }, CallContext.None);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(2, answer.Attempts);
        Assert.All(server.ApiRequests, r => Assert.Equal("/vcc/us/chat/v2/tenant/acme/web-hooks/7", r.Path));
        Assert.All(server.ApiRequests, r => Assert.Equal("Bearer t1", r.Header("Authorization")));
    }

    [Fact]
    public async Task ABodyGoesWithItsContentTypeAndTheQueryOfThePathIsKept()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 204, null);
        using var client = await server.ConnectAsync();
        var raw = new RawRequest { Method = "PUT", Path = "/channels/9?dryRun=true", Body = "a=b", ContentType = "text/plain" };
        raw.Query.Add(new KeyValuePair<string, string>("x", "1 2"));
        raw.Headers["X-Trace"] = "abc";
        var answer = await client.InvokeAsync(raw, CallContext.None);
        Assert.Equal(204, answer.StatusCode);
        var seen = Assert.Single(server.ApiRequests);
        Assert.Equal("PUT", seen.Method);
        Assert.Equal("/vcc/us/chat/v2/tenant/acme/channels/9", seen.Path);
        Assert.Contains("dryRun=true", seen.Query);
        Assert.Contains("x=1%202", seen.Query);
        Assert.Equal("a=b", seen.Body);
        Assert.StartsWith("text/plain", seen.Header("Content-Type"));
        Assert.Equal("abc", seen.Header("X-Trace"));
    }

    [Theory]
    [InlineData("http://other.example.invalid/vcc/us/chat/v2/tenant/acme/web-hooks", "session's host")]
    [InlineData("web-hooks/../../../oauth/v2/token", "'..'")]
    [InlineData("ftp://127.0.0.1/x", "http or https")]
    public async Task APathOffTheSessionsApiIsRefusedBeforeAnyCall(string path, string rule)
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = await server.ConnectAsync();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => client.InvokeAsync(new RawRequest { Method = "GET", Path = path }, CallContext.None));
        Assert.Equal(ChatErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains(rule, ex.Message);
        Assert.Empty(server.ApiRequests);
    }
}
