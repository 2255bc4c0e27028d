using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

public class WebhookTests
{
    [Fact]
    public async Task CreateGetReplaceDeleteRoundTrips()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ETags = true);
        var path = $"{emu.TenantPath}/web-hooks";
        using var created = await emu.PostAsync(path, new { name = "orders", uri = "https://127.0.0.1:9/hook", version = "v2.0" });
        Assert.Equal(200, (int)created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        var hook = await Json.ObjectAsync(created);
        var id = hook.Str("id");
        Assert.Equal("orders", hook.Str("name"));
        Assert.Equal("https://127.0.0.1:9/hook", hook.Str("uri"));
        Assert.Equal("v2.0", hook.Str("version"));
        Assert.Equal("v2.0", hook.Str("notificationVersion"));

        var got = await Json.ObjectAsync(await emu.GetAsync($"{path}/{id}"));
        Assert.Equal("orders", got.Str("name"));

        using var replaced = await emu.PutAsync($"{path}/{id}", new { name = "orders-2", uri = "https://127.0.0.1:9/v2", notificationVersion = "v2.0" });
        Assert.Equal(200, (int)replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag?.ToString());
        Assert.Equal("https://127.0.0.1:9/v2", (await Json.ObjectAsync(await emu.GetAsync($"{path}/{id}"))).Str("uri"));

        Assert.Equal(204, (int)(await emu.DeleteAsync($"{path}/{id}")).StatusCode);
        var gone = await Json.ProblemAsync(await emu.GetAsync($"{path}/{id}"), 404);
        Assert.Equal($"Resource of type WebHook with id {id} was not found.", gone.Str("message"));
    }

    [Fact]
    public async Task TheVersionIsReadUnderEitherName()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.LegacyMode = true);
        using var response = await emu.PostAsync($"{emu.TenantPath}/web-hooks", new { name = "n", uri = "http://127.0.0.1:9/h", notificationVersion = "v1.0" });
        Assert.Equal("v1.0", (await Json.ObjectAsync(response)).Str("version"));
    }

    [Fact]
    public async Task ListsPageInIdOrder()
    {
        await using var emu = await TestEmulator.StartAsync();
        for (var i = 1; i <= 5; i++) await emu.CreateWebhookAsync($"h{i}");
        var page = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks?page=1&size=2"));
        Assert.Equal(["h3", "h4"], page["data"]!.AsArray().Select(h => h!.Str("name")));
        Assert.Equal(2, page["page"]!["pageSize"]!.GetValue<int>());
        Assert.Equal(1, page["page"]!["pageIndex"]!.GetValue<int>());
        Assert.Equal(5, page["page"]!["elementCount"]!.GetValue<int>());
        Assert.Equal(3, page["page"]!["pageCount"]!.GetValue<int>());

        var all = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks"));
        Assert.Equal(20, all["page"]!["pageSize"]!.GetValue<int>());
        Assert.Equal(["1", "2", "3", "4", "5"], all["data"]!.AsArray().Select(h => h!.Str("id")));
        var beyond = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks?page=9&size=2"));
        Assert.Empty(beyond["data"]!.AsArray());
    }

    [Theory]
    [InlineData("size=0", "size")]
    [InlineData("size=1001", "size")]
    [InlineData("size=abc", "size")]
    [InlineData("page=-1", "page")]
    public async Task BadPagingIs400(string query, string field)
    {
        await using var emu = await TestEmulator.StartAsync();
        Assert.Equal([field], await Json.ViolationFieldsAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks?{query}")));
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"uri":"https://127.0.0.1:9/h","version":"v2.0"}""", "name" },
        { """{"name":"","uri":"https://127.0.0.1:9/h","version":"v2.0"}""", "name" },
        { "{\"name\":\"" + new string('n', 257) + "\",\"uri\":\"https://127.0.0.1:9/h\",\"version\":\"v2.0\"}", "name" },
        { """{"name":"n","version":"v2.0"}""", "uri" },
        { """{"name":"n","uri":"/relative/path","version":"v2.0"}""", "uri" },
        { """{"name":"n","uri":"ftp://127.0.0.1:9/h","version":"v2.0"}""", "uri" },
        { """{"name":"n","uri":"https://127.0.0.1:9/h"}""", "version" },
        { """{"name":"n","uri":"https://127.0.0.1:9/h","version":"v3.0"}""", "version" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidWebhooksAre400NamingTheField(string body, string field)
    {
        await using var emu = await TestEmulator.StartAsync();
        Assert.Equal([field], await Json.ViolationFieldsAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks", body)));
        Assert.Equal(0, (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks")))["page"]!["elementCount"]!.GetValue<int>());
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task ANameOf256IsAccepted()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.CreateWebhookAsync(new string('n', 256));
    }

    [Fact]
    public async Task MalformedJsonIs400()
    {
        await using var emu = await TestEmulator.StartAsync();
        await Json.ProblemAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks", "{not json"), 400);
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task UnknownIdsAre404()
    {
        await using var emu = await TestEmulator.StartAsync();
        var path = $"{emu.TenantPath}/web-hooks/77";
        await Json.ProblemAsync(await emu.GetAsync(path), 404);
        await Json.ProblemAsync(await emu.PutAsync(path, new { name = "n", uri = "https://127.0.0.1:9", version = "v2.0" }), 404);
        await Json.ProblemAsync(await emu.DeleteAsync(path), 404);
    }

    [Fact]
    public async Task AWebhookInUseCannotBeDeleted()
    {
        await using var emu = await TestEmulator.StartAsync();
        var hook = await emu.CreateWebhookAsync();
        var channel = await emu.CreateChannelAsync(hook.Str("id"));
        var conflict = await Json.ProblemAsync(await emu.DeleteAsync($"{emu.TenantPath}/web-hooks/{hook.Str("id")}"), 409);
        Assert.Contains(channel.Str("id"), conflict.Str("message"));
        Assert.Equal(200, (int)(await emu.GetAsync($"{emu.TenantPath}/web-hooks/{hook.Str("id")}")).StatusCode);

        Assert.Equal(204, (int)(await emu.DeleteAsync($"{emu.TenantPath}/channels/{channel.Str("id")}")).StatusCode);
        Assert.Equal(204, (int)(await emu.DeleteAsync($"{emu.TenantPath}/web-hooks/{hook.Str("id")}")).StatusCode);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    public async Task IfMatchWithTheCurrentVersionReplaces(string ifMatch)
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ETags = true);
        var id = (await emu.CreateWebhookAsync()).Str("id");
        using var response = await emu.PutAsync($"{emu.TenantPath}/web-hooks/{id}", new { name = "new", uri = "https://127.0.0.1:9", version = "v2.0" },
            new Dictionary<string, string> { ["If-Match"] = ifMatch });
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task AStaleIfMatchIs412AndChangesNothing()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ETags = true);
        var id = (await emu.CreateWebhookAsync("first")).Str("id");
        var path = $"{emu.TenantPath}/web-hooks/{id}";
        Assert.Equal(200, (int)(await emu.PutAsync(path, new { name = "second", uri = "https://127.0.0.1:9", version = "v2.0" })).StatusCode);
        await Json.ProblemAsync(await emu.PutAsync(path, new { name = "third", uri = "https://127.0.0.1:9", version = "v2.0" },
            new Dictionary<string, string> { ["If-Match"] = "\"1\"" }), 412);
        using var current = await emu.GetAsync(path);
        Assert.Equal("\"2\"", current.Headers.ETag?.ToString());
        Assert.Equal("second", (await Json.ObjectAsync(current)).Str("name"));
    }

    [Fact]
    public async Task NewV1WebhooksAreRefusedOutsideLegacyMode()
    {
        await using var emu = await TestEmulator.StartAsync();
        Assert.Equal(["version"], await Json.ViolationFieldsAsync(
            await emu.PostAsync($"{emu.TenantPath}/web-hooks", new { name = "old", uri = "https://127.0.0.1:9", version = "v1.0" })));
    }

    [Fact]
    public async Task AV2WebhookCannotGoBackToV1EvenInLegacyMode()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.LegacyMode = true);
        var v1 = await emu.CreateWebhookAsync("legacy", version: "v1.0");
        Assert.Equal("v1.0", v1.Str("version"));
        var path = $"{emu.TenantPath}/web-hooks/{v1.Str("id")}";
        Assert.Equal(200, (int)(await emu.PutAsync(path, new { name = "legacy", uri = "https://127.0.0.1:9", version = "v2.0" })).StatusCode);
        Assert.Equal(["version"], await Json.ViolationFieldsAsync(
            await emu.PutAsync(path, new { name = "legacy", uri = "https://127.0.0.1:9", version = "v1.0" })));
        Assert.Equal("v2.0", (await Json.ObjectAsync(await emu.GetAsync(path))).Str("version"));
    }
}
