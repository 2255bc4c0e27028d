using System.Net;
using ChatApi.Engine;
using ChatApi.Engine.Http;
using ChatApi.Engine.Signatures;
using Microsoft.AspNetCore.Http;

namespace ChatApi.Tests.Client;

/// <summary>
/// The one HTTP stack: every kind of call (token, API, transfer, key fetch) says the same User-Agent
/// and goes through the proxy it is given; a proxy's 407 ends the call naming -ProxyCredential.
/// A scripted server plays the proxy here (a forward proxy is asked with the absolute URI); the
/// Pester suite Proxy.Tests.ps1 does the same through a real proxy asking for Basic authentication.
/// </summary>
public sealed class HttpStackTests
{
    private static readonly Uri Unreachable = new("http://chat.example.invalid/");

    private static ResilienceOptions Quick => new() { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(5) };

    private static ChatClientOptions Options(Uri baseUri, NetworkOptions network) => TransportSafetyTests.Options(baseUri, allowHttp: true, network);

    [Fact]
    public void TheUserAgentNamesTheModuleTheShellAndTheSystem()
    {
        var ua = HttpStack.UserAgent(new NetworkOptions { Host = "PowerShell/7.4.6" });
        Assert.Equal($"ChatApi/{typeof(HttpStack).Assembly.GetName().Version.ToString(3)} PowerShell/7.4.6 {HttpStack.OperatingSystem}", ua);
        Assert.Matches(@"^ChatApi/\d+\.\d+\.\d+ PowerShell/7\.4\.6 (Windows|Linux|macOS|FreeBSD)$", ua);
    }

    [Fact]
    public async Task TokenApiTransferAndKeyFetchAllSayTheSameUserAgent()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (seen, _, ctx) => seen.Path.Contains("/jwk/") ? ScriptedServer.Json(ctx, 404, null) : ScriptedServer.Json(ctx, 200, "[]");
        var network = new NetworkOptions { Host = "PowerShell/7.9.1", NoProxy = true };
        using (var client = await ChatApiClient.ConnectAsync(Options(server.BaseUri, network), CallContext.None))
            await client.VerifyTenantAsync(CallContext.None);
        using (var transport = new ApiTransport(server.BaseUri, 0, Quick, network))
        {
            var download = new ApiRequest("GET", "files/1") { Transfer = new StreamTransfer { OpenDestination = () => new MemoryStream() } };
            await transport.SendAsync(download, null, CallContext.None);
        }
        await new KeyEndpointClient(server.BaseUri, "us", network: network).FetchAsync("k1", CancellationToken.None);

        string expected = HttpStack.UserAgent(network);
        Assert.Contains("PowerShell/7.9.1", expected);
        var kinds = server.Requests.Select(r => r.Path).ToList();
        Assert.Contains(kinds, p => p.StartsWith("/oauth"));
        Assert.Contains(kinds, p => p.EndsWith("/web-hooks"));
        Assert.Contains(kinds, p => p == "/files/1");
        Assert.Contains(kinds, p => p.Contains("/jwk/"));
        Assert.All(server.Requests, r => Assert.Equal(expected, r.Header("User-Agent")));
    }

    [Fact]
    public async Task EveryKindOfCallGoesThroughTheGivenProxy()
    {
        // The base URI's host does not exist: only a request sent to the proxy can be answered.
        await using var proxy = await ScriptedServer.StartAsync();
        proxy.Api = (seen, _, ctx) => seen.Path.Contains("/jwk/") ? ScriptedServer.Json(ctx, 404, null) : ScriptedServer.Json(ctx, 200, "[]");
        var network = new NetworkOptions { Proxy = proxy.BaseUri, ProxyCredential = new NetworkCredential("proxy-user", "proxy-p4ss") };
        using (var client = await ChatApiClient.ConnectAsync(Options(Unreachable, network), CallContext.None))
        {
            await client.VerifyTenantAsync(CallContext.None);
            Assert.Equal("http://127.0.0.1:" + proxy.BaseUri.Port, client.Session.Proxy);
        }
        using (var transport = new ApiTransport(Unreachable, 0, Quick, network))
            await transport.SendAsync(new ApiRequest("GET", "files/1") { Transfer = new StreamTransfer { OpenDestination = () => new MemoryStream() } }, null, CallContext.None);
        Assert.Null(await new KeyEndpointClient(Unreachable, "us", network: network).FetchAsync("k1", CancellationToken.None));

        var paths = proxy.Requests.Select(r => r.Path).ToList();
        Assert.Contains(paths, p => p.StartsWith("/oauth"));
        Assert.Contains(paths, p => p.EndsWith("/web-hooks"));
        Assert.Contains(paths, p => p == "/files/1");
        Assert.Contains(paths, p => p.Contains("/jwk/"));
        Assert.All(proxy.Requests, r => Assert.Equal("chat.example.invalid", r.Header("Host")));
    }

    [Fact]
    public async Task AProxyAsking407FailsTheConnectNamingProxyCredentialWithoutRetries()
    {
        await using var proxy = await ScriptedServer.StartAsync();
        proxy.Token = (_, ctx) =>
        {
            ctx.Response.Headers["Proxy-Authenticate"] = "Basic realm=\"corp\"";
            return ScriptedServer.Json(ctx, 407, null);
        };
        var network = new NetworkOptions { Proxy = proxy.BaseUri };
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => ChatApiClient.ConnectAsync(Options(Unreachable, network), CallContext.None));
        Assert.Equal(ChatErrorKind.ProxyAuthentication, ex.Kind);
        Assert.Equal("ChatApi.ProxyAuthentication", ex.ErrorId);
        Assert.Contains("-ProxyCredential", ex.Message);
        Assert.Single(proxy.Requests);
    }

    [Fact]
    public void TheProxyKeepsItsCredentialAndNoProxyTurnsTheEnvironmentsOff()
    {
        var credential = new NetworkCredential("proxy-user", "proxy-p4ss");
        using var given = HttpStack.CreateHandler(new NetworkOptions { Proxy = new Uri("http://proxy.example.invalid:3128") , ProxyCredential = credential });
        Assert.True(given.UseProxy);
        Assert.Same(credential, given.Proxy.Credentials);
        Assert.False(given.Proxy.IsBypassed(new Uri("http://vm:5080/")));
        using var none = HttpStack.CreateHandler(new NetworkOptions { NoProxy = true });
        Assert.False(none.UseProxy);
        using var environment = HttpStack.CreateHandler(NetworkOptions.Default);
        Assert.True(environment.UseProxy);
        Assert.Null(environment.Proxy); // .NET's HttpClient.DefaultProxy: HTTPS_PROXY, HTTP_PROXY, NO_PROXY
        Assert.False(environment.AllowAutoRedirect);
        Assert.False(environment.UseCookies);
    }

    [Theory]
    [InlineData("ftp://proxy.example.invalid/", false, false, "Proxy")]
    [InlineData("http://user:pw@proxy.example.invalid/", false, false, "Proxy")]
    [InlineData("http://proxy.example.invalid/", true, false, "NoProxy")]
    [InlineData(null, false, true, "ProxyCredential")]
    public async Task ABadProxySettingIsRefusedBeforeAnyRequest(string proxy, bool noProxy, bool credential, string parameter)
    {
        var network = new NetworkOptions { Proxy = proxy == null ? null : new Uri(proxy), NoProxy = noProxy, ProxyCredential = credential ? new NetworkCredential("u", "pw") : null };
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => ChatApiClient.ConnectAsync(Options(Unreachable, network), CallContext.None));
        Assert.Equal(ChatErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains($"'{parameter}'", ex.Message);
        Assert.DoesNotContain("pw", ex.Message);
    }
}
