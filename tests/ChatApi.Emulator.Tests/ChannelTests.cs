using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

public class ChannelTests
{
    [Fact]
    public async Task CreateGetReplaceDeleteRoundTrips()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ETags = true);
        var hook1 = (await emu.CreateWebhookAsync("a")).Str("id");
        var hook2 = (await emu.CreateWebhookAsync("b")).Str("id");
        var path = $"{emu.TenantPath}/channels";
        using var created = await emu.PostAsync(path, new { name = "web", webHookId = hook1, routingOptions = new { type = "queue", id = "55" } });
        Assert.Equal(200, (int)created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        var channel = await Json.ObjectAsync(created);
        var id = channel.Str("id");
        Assert.Equal(hook1, channel.Str("webHookId"));
        Assert.Equal("queue", channel["routingOptions"]!.Str("type"));
        Assert.Equal("55", channel["routingOptions"]!.Str("id"));

        using var replaced = await emu.PutAsync($"{path}/{id}", new { name = "web2", webHookId = hook2, routingOptions = new { type = "queue", id = "56" } },
            new Dictionary<string, string> { ["If-Match"] = "1" });
        Assert.Equal("\"2\"", replaced.Headers.ETag?.ToString());
        var got = await Json.ObjectAsync(await emu.GetAsync($"{path}/{id}"));
        Assert.Equal("web2", got.Str("name"));
        Assert.Equal(hook2, got.Str("webHookId"));
        Assert.Equal("56", got["routingOptions"]!.Str("id"));

        await Json.ProblemAsync(await emu.PutAsync($"{path}/{id}", new { name = "web3", webHookId = hook2, routingOptions = new { type = "queue", id = "56" } },
            new Dictionary<string, string> { ["If-Match"] = "1" }), 412);

        Assert.Equal(204, (int)(await emu.DeleteAsync($"{path}/{id}")).StatusCode);
        var gone = await Json.ProblemAsync(await emu.GetAsync($"{path}/{id}"), 404);
        Assert.Equal($"Resource of type Channel with id {id} was not found.", gone.Str("message"));
    }

    [Fact]
    public async Task ListsPage()
    {
        await using var emu = await TestEmulator.StartAsync();
        var hook = (await emu.CreateWebhookAsync()).Str("id");
        for (var i = 0; i < 3; i++) await emu.CreateChannelAsync(hook, $"c{i}");
        var page = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels?size=2&page=1"));
        Assert.Equal(["c2"], page["data"]!.AsArray().Select(c => c!.Str("name")));
        Assert.Equal(3, page["page"]!["elementCount"]!.GetValue<int>());
        Assert.Equal(2, page["page"]!["pageCount"]!.GetValue<int>());
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"webHookId":"1","routingOptions":{"type":"queue","id":"1"}}""", "name" },
        { "{\"name\":\"" + new string('n', 256) + "\",\"webHookId\":\"1\",\"routingOptions\":{\"type\":\"queue\",\"id\":\"1\"}}", "name" },
        { """{"name":"c","routingOptions":{"type":"queue","id":"1"}}""", "webHookId" },
        { """{"name":"c","webHookId":"1"}""", "routingOptions" },
        { """{"name":"c","webHookId":"1","routingOptions":{"type":"agent","id":"1"}}""", "routingOptions.type" },
        { """{"name":"c","webHookId":"1","routingOptions":{"type":"queue"}}""", "routingOptions.id" },
        { """{"name":"c","webHookId":"99","routingOptions":{"type":"queue","id":"1"}}""", "webHookId" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidChannelsAre400NamingTheField(string body, string field)
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.CreateWebhookAsync();
        Assert.Equal([field], await Json.ViolationFieldsAsync(await emu.PostAsync($"{emu.TenantPath}/channels", body)));
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task ANameOf255IsAccepted()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.CreateChannelAsync((await emu.CreateWebhookAsync()).Str("id"), new string('c', 255));
    }

    [Fact]
    public async Task ADeletedChannelLeavesItsConversationsReadable()
    {
        await using var emu = await TestEmulator.StartAsync();
        var channel = (await emu.CreateChannelAsync((await emu.CreateWebhookAsync()).Str("id"))).Str("id");
        var conversation = await emu.CreateConversationAsync(channel);
        Assert.Equal(204, (int)(await emu.DeleteAsync($"{emu.TenantPath}/channels/{channel}")).StatusCode);
        var got = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{conversation}"));
        Assert.Equal(channel, got.Str("channelId"));
        Assert.Equal("deleted", got.Str("status"));
        Assert.Equal(200, (int)(await emu.GetAsync($"{emu.TenantPath}/conversations/{conversation}/messages")).StatusCode);
    }
}
