using ChatApi.Engine;
using ChatApi.Engine.Http;

namespace ChatApi.Tests.Client;

/// <summary>8x8's error shapes become ChatApiException kinds carrying the server's own words; secrets never leak.</summary>
public sealed class ErrorMappingTests : IAsyncLifetime
{
    private ScriptedServer server;

    public async Task InitializeAsync() => server = await ScriptedServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void ProblemJsonIsRead()
    {
        var p = ProblemReader.Read("{\"message\":\"Validation failed\",\"errors\":[{\"field\":\"name\",\"message\":\"size must be between 1 and 256\"},\"plain\"],\"referenceId\":\"ref-9\"}");
        Assert.Equal("Validation failed", p.Message);
        Assert.Equal(new[] { "name: size must be between 1 and 256", "plain" }, p.Errors);
        Assert.Equal("ref-9", p.ReferenceId);
    }

    [Fact]
    public void GatewayFaultIsRead()
    {
        var p = ProblemReader.Read("{\"fault\":{\"faultstring\":\"Invalid Access Token\",\"detail\":{\"errorcode\":\"keymanagement.service.invalid_access_token\"}}}");
        Assert.Equal("Invalid Access Token", p.Message);
        Assert.Equal(new[] { "keymanagement.service.invalid_access_token" }, p.Errors);
    }

    [Fact]
    public void TokenErrorIsRead()
    {
        var p = ProblemReader.Read("{\"ErrorCode\":\"invalid_request\",\"Error\":\"Unsupported grant type : x\"}");
        Assert.Equal("Unsupported grant type : x", p.Message);
        Assert.Equal(new[] { "invalid_request" }, p.Errors);
    }

    [Fact]
    public void PlainTextAndEmptyBodiesAreRead()
    {
        Assert.Equal("Bad Gateway", ProblemReader.Read("Bad Gateway").Message);
        Assert.Null(ProblemReader.Read("").Message);
    }

    [Theory]
    [InlineData(400, ChatErrorKind.Validation)]
    [InlineData(401, ChatErrorKind.Unauthorized)]
    [InlineData(403, ChatErrorKind.Forbidden)]
    [InlineData(404, ChatErrorKind.NotFound)]
    [InlineData(409, ChatErrorKind.Conflict)]
    [InlineData(412, ChatErrorKind.PreconditionFailed)]
    [InlineData(429, ChatErrorKind.RateLimited)]
    [InlineData(500, ChatErrorKind.ServerError)]
    [InlineData(504, ChatErrorKind.Timeout)]
    public void StatusMapsToKind(int status, ChatErrorKind kind) => Assert.Equal(kind, ProblemReader.KindOf(status));

    [Fact]
    public async Task ServerProblemReachesTheExceptionWithItsErrorsAndReference()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 500,
            "{\"message\":\"Internal failure\",\"errors\":[\"db down\"],\"referenceId\":\"abc-123\"}", "application/problem+json");
        using var client = await server.ConnectAsync(o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetChannelAsync("5", CallContext.None));

        Assert.Equal(ChatErrorKind.ServerError, e.Kind);
        Assert.Equal("Internal failure", e.ServerMessage);
        Assert.Equal(new[] { "db down" }, e.Errors);
        Assert.Equal("abc-123", e.ReferenceId);
        Assert.Equal("ChatApi.ServerError", e.ErrorId);
        Assert.Contains("Internal failure", e.Message);
        Assert.Contains("/vcc/us/chat/v2/tenant/acme/channels/5", e.Message);
        Assert.Single(server.ApiRequests); // 500 is not retried
    }

    [Fact]
    public async Task ForbiddenRegionCarriesTheServersMessage()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Problem(ctx, 403, "The tenant does not belong to customer");
        using var client = await server.ConnectAsync();
        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.ListWebhooksAsync(null, null, 0, _ => { }, CallContext.None));
        Assert.Equal(ChatErrorKind.Forbidden, e.Kind);
        Assert.Equal("The tenant does not belong to customer", e.ServerMessage);
    }

    [Fact]
    public void RedactorBlanksTokensAndSecrets()
    {
        var text = Redactor.Redact("{\"access_token\":\"eyJhbGciOi.abc\",\"token_type\":\"BearerToken\",\"client_secret\" : \"xyz\",\"name\":\"keep\"}");
        Assert.DoesNotContain("eyJhbGciOi.abc", text);
        Assert.DoesNotContain("xyz", text);
        Assert.Contains("\"access_token\":\"***\"", text);
        Assert.Contains("\"name\":\"keep\"", text);
        Assert.Contains("BearerToken", text);
    }

    [Fact]
    public void RedactorBlanksTheGatewayKey()
    {
        var text = Redactor.Redact("{\"x-api-key\":\"gw-key-1\",\"apiKey\" : \"gw-key-2\",\"name\":\"keep\"}");
        Assert.DoesNotContain("gw-key-1", text);
        Assert.DoesNotContain("gw-key-2", text);
        Assert.Contains("\"name\":\"keep\"", text);
    }

    [Fact]
    public async Task NothingLoggedCarriesTheTokenOrTheSecret()
    {
        server.Token = (_, ctx) => ScriptedServer.Json(ctx, 200, "{\"access_token\":\"SECRET-TOKEN-42\",\"expires_in\":\"3600\"}");
        // The create's 503 is checked (GET: nothing there) before the create is sent again.
        server.Api = (seen, i, ctx) => i == 0
            ? ScriptedServer.Problem(ctx, 503, "busy")
            : seen.Method == "GET"
                ? ScriptedServer.Json(ctx, 200, "{\"data\":[],\"page\":{\"pageSize\":100,\"pageIndex\":0,\"elementCount\":0,\"pageCount\":0}}")
                : ScriptedServer.Json(ctx, 200, "{\"id\":\"9\",\"name\":\"n\",\"uri\":\"https://e.com/x\",\"version\":\"v2.0\",\"access_token\":\"SECRET-TOKEN-42\"}");
        var log = new ListLog();
        using var client = await server.ConnectAsync(log: log);

        await client.CreateWebhookAsync("n", "https://e.com/x", "v2.0", new CallContext(CancellationToken.None, log));

        Assert.Contains(log.Lines, l => l.StartsWith("V: POST /vcc/us/chat/v2/tenant/acme/web-hooks -> 503 (attempt 1"));
        Assert.Contains(log.Lines, l => l.StartsWith("V: POST /vcc/us/chat/v2/tenant/acme/web-hooks -> 200 (attempt 1"));
        Assert.Contains(log.Lines, l => l.Contains("it was not done; creating again"));
        Assert.Contains(log.Lines, l => l.StartsWith("D: ") && l.Contains("answer"));
        Assert.DoesNotContain("SECRET-TOKEN-42", log.All);
        Assert.DoesNotContain("s3cr3t-value", log.All);
        Assert.Equal("Bearer SECRET-TOKEN-42", server.ApiRequests[0].Header("Authorization"));
    }

    [Fact]
    public async Task InvalidArgumentsFailBeforeAnyCallNamingTheParameter()
    {
        using var client = await server.ConnectAsync();
        var name = await Assert.ThrowsAsync<ChatApiException>(() => client.CreateWebhookAsync(new string('x', 256), "https://e.com", null, CallContext.None));
        var uri = await Assert.ThrowsAsync<ChatApiException>(() => client.CreateWebhookAsync("n", "/relative", null, CallContext.None));
        var version = await Assert.ThrowsAsync<ChatApiException>(() => client.CreateWebhookAsync("n", "https://e.com", "v3", CallContext.None));
        var request = new ConversationRequest { ChannelId = "1" };
        for (int i = 0; i < 31; i++) request.Customer["k" + i] = "v";
        var props = await Assert.ThrowsAsync<ChatApiException>(() => client.CreateConversationAsync(request, CallContext.None));

        Assert.All(new[] { name, uri, version, props }, e => Assert.Equal(ChatErrorKind.InvalidArgument, e.Kind));
        Assert.Contains("'Name'", name.Message);
        Assert.Contains("255", name.Message);
        Assert.Contains("'Uri'", uri.Message);
        Assert.Contains("'Version'", version.Message);
        Assert.Contains("'Property'", props.Message);
        Assert.Contains("30", props.Message);
        Assert.Empty(server.ApiRequests);
    }

    [Fact]
    public async Task DowngradeFromV2IsRefusedBeforeAnyWrite()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        using var client = await server.ConnectAsync();

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.UpdateWebhookAsync("7", new WebhookChanges { Version = "v1.0" }, CallContext.None));

        Assert.Equal(ChatErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("'Version'", e.Message);
        Assert.DoesNotContain(server.ApiRequests, r => r.Method == "PUT");
    }
}
