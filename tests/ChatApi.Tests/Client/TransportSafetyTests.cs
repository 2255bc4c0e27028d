using ChatApi.Engine;
using ChatApi.Engine.Http;
using Microsoft.AspNetCore.Http;

namespace ChatApi.Tests.Client;

/// <summary>Secrets in transit and hostile answers: clear-text base URIs, redirects, huge answers, odd numbers.</summary>
public sealed class TransportSafetyTests
{
    internal static ChatClientOptions Options(Uri baseUri, bool allowHttp = false, NetworkOptions network = null) => new()
    {
        Network = network ?? NetworkOptions.Default,
        Region = "us",
        TenantId = "acme",
        BaseUri = baseUri,
        ApiKey = "key-1",
        ApiSecret = ScriptedServer.Secure("s3cr3t-value"),
        RequestsPerSecond = 0,
        AllowUnencryptedHttp = allowHttp,
        Resilience = new ResilienceOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(5) },
    };

    [Theory]
    [InlineData("http://chat.example.invalid/", "unencrypted")]
    [InlineData("http://10.255.255.1/", "unencrypted")]
    [InlineData("https://key-1:s3cr3t-value@127.0.0.1:9/", "user name or password")]
    [InlineData("https://127.0.0.1:9/?token=abc", "query string")]
    [InlineData("https://127.0.0.1:9/#frag", "fragment")]
    public async Task AnUnsafeBaseUriIsRefusedBeforeAnyRequest(string uri, string rule)
    {
        // Nothing listens on these addresses: a request would end in a network error or a timeout, not this.
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => ChatApiClient.ConnectAsync(Options(new Uri(uri)), CallContext.None));
        Assert.Equal(ChatErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains("BaseUri", ex.Message);
        Assert.Contains(rule, ex.Message);
        Assert.DoesNotContain("s3cr3t-value", ex.Message);
        Assert.DoesNotContain("abc", ex.Message);
    }

    [Fact]
    public async Task HttpToLoopbackIsFineAndHttpElsewhereOnlyWhenAllowed()
    {
        await using var server = await ScriptedServer.StartAsync();
        using (var client = await ChatApiClient.ConnectAsync(Options(server.BaseUri), CallContext.None)) Assert.True(client.Session.IsConnected);
        var localhost = new UriBuilder(server.BaseUri) { Host = "localhost" }.Uri;
        Assert.Null(ChatRules.CheckBaseUri(localhost, false));
        Assert.NotNull(ChatRules.CheckBaseUri(new Uri("http://api.example.invalid"), false));
        Assert.Null(ChatRules.CheckBaseUri(new Uri("http://api.example.invalid"), true));
        Assert.Null(ChatRules.CheckBaseUri(new Uri("https://api.8x8.com"), false));
    }

    [Fact]
    public async Task ARedirectNeverCarriesTheAuthorizationHeaderToAnotherHost()
    {
        await using var other = await ScriptedServer.StartAsync();
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, _, ctx) =>
        {
            ctx.Response.Headers.Location = new Uri(other.BaseUri, "vcc/us/chat/v2/tenant/acme/webhooks/7?token=leak").AbsoluteUri;
            return ScriptedServer.Json(ctx, 307, null);
        };
        using var client = await server.ConnectAsync();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => client.GetWebhookAsync("7", CallContext.None));
        Assert.Contains("redirect", ex.Message);
        Assert.DoesNotContain("leak", ex.Message);
        Assert.Empty(other.Requests);

        // The token call (Basic header with the secret) is not followed either.
        await using var tokens = await ScriptedServer.StartAsync();
        tokens.Token = (_, ctx) =>
        {
            ctx.Response.Headers.Location = new Uri(other.BaseUri, "oauth/v2/token").AbsoluteUri;
            return ScriptedServer.Json(ctx, 308, null);
        };
        await Assert.ThrowsAsync<ChatApiException>(() => tokens.ConnectAsync());
        Assert.Empty(other.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnswerLargerThanTheCapFailsCleanly(bool declaresLength)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = async (_, _, ctx) =>
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            if (declaresLength) ctx.Response.ContentLength = 17L * chunk.Length;
            for (int i = 0; i < 17; i++) await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
        };
        using var client = await server.ConnectAsync();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => client.GetWebhookAsync("7", CallContext.None));
        Assert.Equal(ChatErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("16 MiB", ex.Message);
        Assert.Single(server.ApiRequests); // not retried
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"1e300\"")]
    [InlineData("1e300")]
    [InlineData("\"-Infinity\"")]
    public async Task AnOddExpiresInGivesAUsableToken(string expiresIn)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Token = (n, ctx) => ScriptedServer.Json(ctx, 200, $"{{\"access_token\":\"t{n}\",\"expires_in\":{expiresIn}}}");
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        using var client = await server.ConnectAsync();
        Assert.NotNull(client.Session.TokenExpiresAt);
        Assert.Equal("7", (await client.GetWebhookAsync("7", CallContext.None)).Id);
    }

    [Theory]
    [InlineData("-5", "-1")]
    [InlineData("1e300", "1e300")]
    [InlineData("-1e300", "NaN")]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    public async Task OddPageCountsInAListAnswerDoNotLoseOrInventItems(string elementCount, string pageCount)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (seen, _, ctx) =>
        {
            int page = int.Parse(ctx.Request.Query["page"]!);
            int size = int.Parse(ctx.Request.Query["size"]!);
            int from = page * size, to = Math.Min(130, from + size);
            var items = string.Join(",", Enumerable.Range(from, Math.Max(0, to - from)).Select(i => $"{{\"id\":\"{i}\",\"name\":\"h{i}\",\"uri\":\"https://example.com/{i}\",\"version\":\"v2.0\"}}"));
            return ScriptedServer.Json(ctx, 200, $"{{\"data\":[{items}],\"page\":{{\"number\":{page},\"size\":{size},\"elementCount\":\"{elementCount}\",\"pageCount\":\"{pageCount}\"}}}}");
        };
        using var client = await server.ConnectAsync();
        var got = new List<string>();
        await client.ListWebhooksAsync(null, null, 0, w => got.Add(w.Id), CallContext.None);
        Assert.Equal(Enumerable.Range(0, 130).Select(i => i.ToString()), got);
    }

    [Theory]
    [InlineData("{\"client_secret\":\"ab\\\"cd s3cr3t\",\"n\":1}", "s3cr3t")]
    [InlineData("{\"apiKey\":\"K-123\"}", "K-123")]
    [InlineData("{\"Authorization\":\"Bearer tok.en\"}", "tok.en")]
    [InlineData("{\"x_auth_token\":\"tok-9\"}", "tok-9")]
    [InlineData("GET https://hooks.example.com/in?token=tok-9&x=1", "tok-9")]
    [InlineData("POST https://user:pa55@hooks.example.com/in", "pa55")]
    [InlineData("grant_type=client_credentials&client_secret=pa55", "pa55")]
    [InlineData("Authorization: Basic a2V5OnNlY3JldA==", "a2V5OnNlY3JldA")]
    [InlineData("sent with Bearer eyJhbGciOiJSUzI1NiJ9.eyJ9.c2ln", "eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("Cookie: session=abc123", "abc123")]
    [InlineData("https://fn.azurewebsites.net/api/hook?code=fnkey-1", "fnkey-1")]
    public void TheRedactorBlanksSecrets(string text, string secret)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(Redactor.Mask, redacted);
    }

    [Fact]
    public void TheRedactorLeavesOrdinaryTextAlone()
    {
        const string text = "GET /vcc/us/chat/v2/tenant/acme/webhooks?page=0&size=100 -> 200 (attempt 1, 12 ms)";
        Assert.Equal(text, Redactor.Redact(text));
    }
}

/// <summary>The token, the secret and its Basic form never reach a log line or an error message.</summary>
public sealed class SecretLeakTests
{
    private sealed class CapturingLog : IChatLog
    {
        public readonly System.Collections.Concurrent.ConcurrentQueue<string> Lines = new();
        public void Verbose(string message) => Lines.Enqueue(message);
        public void Debug(string message) => Lines.Enqueue(message);
        public void Warning(string message) => Lines.Enqueue(message);
    }

    [Fact]
    public async Task NoLogLineOrErrorCarriesTheTokenTheSecretOrItsBasicForm()
    {
        const string token = "tok-Very-Secret-91";
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("key-1:s3cr3t-value"));
        await using var server = await ScriptedServer.StartAsync();
        server.Token = (_, ctx) => ScriptedServer.Json(ctx, 200, $"{{\"access_token\":\"{token}\",\"expires_in\":3600}}");
        // The server echoes what it got, as a careless API might: the Authorization header and a token field.
        server.Api = (seen, i, ctx) => i == 0
            ? ScriptedServer.Json(ctx, 200, $"{{\"id\":\"7\",\"name\":\"h\",\"uri\":\"https://x/?token={token}\",\"version\":\"v2.0\",\"access_token\":\"{token}\",\"echo\":\"Authorization: {seen.Header("Authorization")}\"}}")
            : ScriptedServer.Problem(ctx, 400, $"bad header Authorization: {seen.Header("Authorization")}; token={token}");
        var log = new CapturingLog();
        using var client = await server.ConnectAsync(log: log);
        var ctx = new CallContext(CancellationToken.None, log);
        await client.GetWebhookAsync("7", ctx);
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => client.CreateWebhookAsync("h", "https://hooks.example.com/?token=" + token, "v2.0", ctx));
        Assert.Equal($"Bearer {token}", server.ApiRequests[0].Header("Authorization")); // it was sent, so it could have leaked
        var shown = string.Join("\n", log.Lines) + "\n" + ex.Message + "\n" + ex.ServerMessage + "\n" + string.Join("\n", ex.Errors) + "\n" + ex;
        Assert.Contains("GET /vcc/us/chat/v2/tenant/acme", shown); // the log is there
        Assert.DoesNotContain(token, shown);
        Assert.DoesNotContain("s3cr3t-value", shown);
        Assert.DoesNotContain(basic, shown);
    }
}
