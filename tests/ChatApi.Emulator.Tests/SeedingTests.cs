using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

public class SeedingTests
{
    [Fact]
    public async Task LegacyChannelsEachHaveTheirOwnV1WebhookSharingReceiverUris()
    {
        await using var emu = await TestEmulator.StartAsync(o => { o.SeedLegacy = 25; o.SeedBroken = 2; o.Tenants = [new("us", "acme"), new("eu", "other")]; });
        var hooks = (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks?size=100")))["data"]!.AsArray();
        var channels = (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels?size=100")))["data"]!.AsArray();
        Assert.Equal(27, hooks.Count);
        Assert.Equal(27, channels.Count);
        Assert.All(hooks, h => Assert.Equal("v1.0", h!.Str("version")));
        Assert.Equal(27, channels.Select(c => c!.Str("webHookId")).Distinct().Count());
        Assert.All(channels, c => Assert.Contains(hooks, h => h!.Str("id") == c!.Str("webHookId")));

        var uris = hooks.Select(h => h!.Str("uri")).ToList();
        var legacy = uris.Where(u => u.Contains("/_receiver/")).ToList();
        var broken = uris.Where(u => u.Contains("/_broken/")).ToList();
        Assert.Equal(25, legacy.Count);
        Assert.Equal(3, legacy.Distinct().Count());
        Assert.Equal(2, broken.Distinct().Count());
        Assert.All(uris, u => Assert.StartsWith(emu.BaseUri.GetLeftPart(UriPartial.Authority), u));

        Assert.Equal(200, (int)(await emu.Http.PostAsync(legacy[0], new StringContent("{}"))).StatusCode);
        Assert.Equal(500, (int)(await emu.Http.PostAsync(broken[0], new StringContent("{}"))).StatusCode);
        Assert.Equal(0, (await Json.ObjectAsync(await emu.GetAsync("/vcc/eu/chat/v2/tenant/other/channels")))["page"]!["elementCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task EventsOnASeededChannelReachTheSharedReceiverUnsigned()
    {
        await using var emu = await TestEmulator.StartAsync(o => { o.SeedLegacy = 2; o.SeedUris = 1; });
        await emu.CreateConversationAsync("1");
        await emu.CreateConversationAsync("2");
        var received = await emu.WaitForArrayAsync("/_receiver/legacy-1", 2);
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Null(r!["headers"]!["x-8x8-signature"]));
    }
}
