using ChatApi.Emulator.Contract;
using ChatApi.Emulator.Hosting;
using ChatApi.Emulator.Options;
using ChatApi.Emulator.TestSupport;
using ChatApi.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApi.Tests;

/// <summary>
/// The one setup for tests against the real emulator: started in-process on a free port of
/// 127.0.0.1 (no rate limit unless configured), and an engine client connected to it over real HTTP
/// with the demo key. Dispose stops both, and fails the test when the emulator was given a webhook URI
/// off this machine (<see cref="OffMachineTargets"/>): use 127.0.0.1:9, where nothing listens, or its own
/// /_receiver/{name}; and when a request or an answer broke 8x8's contract (<see cref="ContractViolations"/>).
/// </summary>
public sealed class InProcessEmulator : IAsyncDisposable
{
    public const string DemoKey = "demo-key";
    public const string DemoSecret = "demo-secret";

    private WebApplication app;

    private InProcessEmulator() { }

    public Uri BaseUri { get; private set; }

    /// <summary>The client connected at start; null when started with connect: false.</summary>
    public ChatApiClient Client { get; private set; }

    public static async Task<InProcessEmulator> StartAsync(Action<EmulatorOptions> configure = null, bool connect = true)
    {
        // Deliveries go to the emulator's own receiver in this process; beside the whole suite on 2 cores an
        // answer can take longer than the 5 s default, which is the emulator's stand-in for 8x8's timeout.
        var options = new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0, DeliveryTimeout = TimeSpan.FromSeconds(30) };
        configure?.Invoke(options);
        var e = new InProcessEmulator { app = EmulatorApp.Create(options) };
        try
        {
            e.BaseUri = await EmulatorApp.StartAsync(e.app);
            if (connect) e.Client = await e.ConnectAsync();
            return e;
        }
        catch
        {
            await e.DisposeAsync();
            throw;
        }
    }

    /// <summary>A further client of the tenant acme in us (another secret to test refusals).</summary>
    public Task<ChatApiClient> ConnectAsync(string secret = DemoSecret) =>
        ChatApiClient.ConnectAsync(new ChatClientOptions
        {
            Region = "us", TenantId = "acme", BaseUri = BaseUri, ApiKey = DemoKey,
            ApiSecret = global::ChatApi.Tests.Client.ScriptedServer.Secure(secret), RequestsPerSecond = 0,
        }, CallContext.None);

    public async Task<List<Channel>> ChannelsAsync()
    {
        var list = new List<Channel>();
        await Client.ListChannelsAsync(null, null, 0, list.Add, CallContext.None);
        return list;
    }

    public async Task<List<Webhook>> WebhooksAsync()
    {
        var list = new List<Webhook>();
        await Client.ListWebhooksAsync(null, null, 0, list.Add, CallContext.None);
        return list;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (app == null) return;
        try
        {
            if (BaseUri != null) OffMachineTargets.Check(app.Services, BaseUri);
            app.Services.GetRequiredService<ContractViolations>().Check();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
