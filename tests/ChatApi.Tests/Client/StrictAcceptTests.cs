using ChatApi.Engine;

namespace ChatApi.Tests.Client;

/// <summary>
/// The module against a server that honours <c>Accept</c> strictly, as 8x8's descriptions allow: the emulator answers
/// 406 when an <c>Accept</c> admits none of an operation's answer types (the Gateway's are <c>application/hal+json</c>),
/// and the fixture fails on any request that broke the contract.
/// </summary>
public class StrictAcceptTests
{
    [Fact]
    public async Task TheGatewaySessionConnectsListsAndReadsAgainstAStrictAccept()
    {
        await using var emu = await InProcessEmulator.StartAsync(connect: false);
        using var client = await ChatApiClient.ConnectAsync(new ChatClientOptions
        {
            Api = ChatValues.ApiGateway,
            GatewayKey = ScriptedServer.Secure("demo-gateway-key"),
            TenantId = "acme",
            BaseUri = emu.BaseUri,
            RequestsPerSecond = 0,
        }, CallContext.None);

        var webhooks = new List<Webhook>();
        await client.ListWebhooksAsync(null, null, 0, webhooks.Add, CallContext.None);
        var channels = new List<Channel>();
        await client.ListChannelsAsync(null, null, 0, channels.Add, CallContext.None);
        Assert.NotNull(webhooks);
        Assert.NotNull(channels);
        using var http = new HttpClient();
        Assert.Equal("[]", await http.GetStringAsync(new Uri(emu.BaseUri, "/_emulator/contract-violations")));
    }
}
