using System.Collections.Concurrent;
using System.Security;
using ChatApi.Emulator.Hosting;
using ChatApi.Emulator.Options;
using ChatApi.Engine;
using ChatApi.Engine.Migration;
using Microsoft.AspNetCore.Builder;

namespace ChatApi.Tests.Migration;

/// <summary>An emulator in-process on port 0 and an engine client connected to it over real HTTP.</summary>
public sealed class MigrationEmulator : IAsyncDisposable
{
    private WebApplication app;
    public ChatApiClient Client { get; private set; }
    public Uri BaseUri { get; private set; }

    public static async Task<MigrationEmulator> StartAsync(Action<EmulatorOptions> configure = null)
    {
        var options = new EmulatorOptions
        {
            Urls = "http://127.0.0.1:0",
            RateLimit = 0,
            RetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)],
        };
        configure?.Invoke(options);
        var e = new MigrationEmulator { app = EmulatorApp.Create(options) };
        e.BaseUri = await EmulatorApp.StartAsync(e.app);
        var secret = new SecureString();
        foreach (var ch in "demo-secret") secret.AppendChar(ch);
        e.Client = await ChatApiClient.ConnectAsync(new ChatClientOptions
        {
            Region = "us", TenantId = "acme", BaseUri = e.BaseUri, ApiKey = "demo-key", ApiSecret = secret, RequestsPerSecond = 0,
        }, CallContext.None);
        return e;
    }

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
        if (app != null) { await app.StopAsync(); await app.DisposeAsync(); }
    }
}

/// <summary>Records what the engine reports; answers every question with <see cref="Answer"/>.</summary>
public sealed class RecordingHost : IMigrationHost
{
    public Consent Answer { get; set; } = Consent.Yes;
    public ConcurrentQueue<(string Target, string Action)> Questions { get; } = new();
    public ConcurrentQueue<MigrationResult> Results { get; } = new();
    public ConcurrentQueue<UndoResult> UndoResults { get; } = new();
    public ConcurrentQueue<Exception> Errors { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();
    public int ProgressCount;

    public Task<Consent> ConfirmAsync(string target, string action) { Questions.Enqueue((target, action)); return Task.FromResult(Answer); }
    public void Result(MigrationResult result, Exception error) { Results.Enqueue(result); if (error != null) Errors.Enqueue(error); }
    public void UndoResult(UndoResult result, Exception error) { UndoResults.Enqueue(result); if (error != null) Errors.Enqueue(error); }
    public void Warning(string message) => Warnings.Enqueue(message);
    public void Progress(MigrationProgress progress) => Interlocked.Increment(ref ProgressCount);
}
