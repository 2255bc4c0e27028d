using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

public class AuthTests
{
    [Fact]
    public async Task TokenAnswersTheAuthResponseShape()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.TokenLifetimeSeconds = 1234);
        using var response = await emu.RequestTokenAsync();
        Assert.Equal(200, (int)response.StatusCode);
        var body = await Json.ObjectAsync(response);
        Assert.False(string.IsNullOrEmpty(body.Str("access_token")));
        Assert.Equal("BearerToken", body.Str("token_type"));
        Assert.Equal("1234", body.Str("expires_in"));
        Assert.Equal("approved", body.Str("status"));
        Assert.Equal("demo-key", body.Str("client_id"));
        Assert.True(long.Parse(body.Str("issued_at")) > 1_600_000_000_000);
        Assert.Contains("vcc", body["api_product_list"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.NotEqual(body.Str("access_token"), (await Json.ObjectAsync(await emu.RequestTokenAsync())).Str("access_token"));
    }

    [Theory]
    [InlineData("demo-key", "wrong")]
    [InlineData("nobody", "demo-secret")]
    public async Task WrongKeyOrSecretIs401InvalidClient(string key, string secret)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var response = await emu.RequestTokenAsync(key, secret);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("invalid_client", (await Json.ObjectAsync(response)).Str("ErrorCode"));
    }

    [Fact]
    public async Task WrongGrantTypeIs400InvalidRequest()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var response = await emu.RequestTokenAsync(grant: "password");
        Assert.Equal(400, (int)response.StatusCode);
        var body = await Json.ObjectAsync(response);
        Assert.Equal("invalid_request", body.Str("ErrorCode"));
        Assert.Equal("Unsupported grant type : password", body.Str("Error"));
    }

    [Fact]
    public async Task ASecondConfiguredKeyWorks()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ApiKeys = [new("k1", "s1"), new("k2", "s2")]);
        Assert.Equal(200, (int)(await emu.RequestTokenAsync("k2", "s2")).StatusCode);
        Assert.Equal(401, (int)(await emu.RequestTokenAsync("demo-key", "demo-secret")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task MissingOrUnknownTokenIs401Fault(string token)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{emu.TenantPath}/web-hooks");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await emu.Http.SendAsync(request);
        await AssertFault(response);
    }

    [Fact]
    public async Task AnExpiredTokenIs401Fault()
    {
        var time = new ManualTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var emu = await TestEmulator.StartAsync(o => o.TokenLifetimeSeconds = 60, time);
        var token = await emu.TokenAsync();
        Assert.Equal(200, (int)(await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks", token: token)).StatusCode);
        time.Advance(TimeSpan.FromSeconds(61));
        await AssertFault(await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks", token: token));
    }

    [Fact]
    public async Task ATenantInAnotherRegionIs403()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.Tenants = [new("us", "acme"), new("eu", "globex")]);
        var body = await Json.ProblemAsync(await emu.GetAsync("/vcc/eu/chat/v2/tenant/acme/channels"), 403);
        Assert.Equal("The tenant does not belong to customer", body.Str("message"));
        await Json.ProblemAsync(await emu.GetAsync("/vcc/us/chat/v2/tenant/nosuch/channels"), 403);
        Assert.Equal(200, (int)(await emu.GetAsync("/vcc/eu/chat/v2/tenant/globex/channels")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownRegionIs404()
    {
        await using var emu = await TestEmulator.StartAsync();
        await Json.ProblemAsync(await emu.GetAsync("/vcc/mars/chat/v2/tenant/acme/channels"), 404);
    }

    private static async Task AssertFault(HttpResponseMessage response)
    {
        Assert.Equal(401, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Invalid Access Token", body!["fault"]!["faultstring"]!.GetValue<string>());
        Assert.Equal("keymanagement.service.invalid_access_token", body["fault"]!["detail"]!["errorcode"]!.GetValue<string>());
    }
}
