using ChatApi.Emulator.Hosting;
using ChatApi.Emulator.Options;
using ChatApi.Engine;

namespace ChatApi.Tests.Client;

/// <summary>The client against the real emulator (in-process, real HTTP): listing while removing, stale writes.</summary>
public sealed class EmulatorClientTests : IAsyncLifetime
{
    private InProcessEmulator emu;
    private ChatApiClient client;

    public async Task InitializeAsync()
    {
        // The faithful default (no ETags, Idempotency-Key ignored); the If-Match test below starts its own kinder one.
        emu = await InProcessEmulator.StartAsync();
        client = emu.Client;
    }

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private Task<List<Webhook>> ListAsync() => emu.WebhooksAsync();

    [Fact]
    public async Task RemovingEachItemAsItIsListedRemovesThemAll()
    {
        await Task.WhenAll(Enumerable.Range(1, 250).Select(i => client.CreateWebhookAsync($"w{i:d3}", "http://127.0.0.1:9/h", null, CallContext.None)));
        var emitted = new List<string>();

        // What Get-ChatWebhook | Remove-ChatWebhook does: each item is removed before the next page is read.
        await client.ListWebhooksAsync(null, null, 0, w =>
        {
            emitted.Add(w.Id);
            client.RemoveWebhookAsync(w.Id, CallContext.None).GetAwaiter().GetResult();
        }, CallContext.None);

        Assert.Equal(250, emitted.Count);
        Assert.Equal(250, emitted.Distinct().Count());
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task AddingToTheListBeingReadCopiesEachItemOnceAndStops()
    {
        for (int i = 1; i <= 150; i++) await client.CreateWebhookAsync($"w{i:d3}", "http://127.0.0.1:9/h", null, CallContext.None);
        var copied = new List<string>();
        using var runaway = new CancellationTokenSource();

        // What Get-ChatWebhook | New-ChatWebhook on the same tenant does: each copy lands at the end of
        // the list before the next page is read. Without a stop the list would chase its own copies.
        await client.ListWebhooksAsync(null, null, 0, w =>
        {
            copied.Add(w.Name);
            if (copied.Count > 300) runaway.Cancel();
            client.CreateWebhookAsync("copy-" + w.Name, w.Uri, null, CallContext.None).GetAwaiter().GetResult();
        }, new CallContext(runaway.Token));

        Assert.Equal(150, copied.Count);
        Assert.DoesNotContain(copied, name => name.StartsWith("copy-", StringComparison.Ordinal));
        Assert.Equal(300, (await ListAsync()).Count);
    }

    [Fact]
    public async Task ListingWithoutChangesEmitsEachItemOnceInOrder()
    {
        for (int i = 1; i <= 120; i++) await client.CreateWebhookAsync($"w{i:d3}", "http://127.0.0.1:9/h", null, CallContext.None);
        var all = await ListAsync();
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"w{i:d3}"), all.Select(w => w.Name));

        var some = new List<Webhook>();
        await client.ListWebhooksAsync(null, 5, 98, some.Add, CallContext.None);
        Assert.Equal(new[] { "w099", "w100", "w101", "w102", "w103" }, some.Select(w => w.Name));
    }

    [Fact]
    public async Task WritingAStaleCopyIsRefusedWithPreconditionFailed()
    {
        // kind: the If-Match path needs ETags on answers, which 8x8 documents none of (kept kind on purpose, issue 12)
        await using var kind = await InProcessEmulator.StartAsync(o => { o.ETags = true; o.Idempotency = IdempotencyMode.Honour; });
        var client = kind.Client;
        var hook = await client.CreateWebhookAsync("h", "http://127.0.0.1:9/h", null, CallContext.None);
        var channel = await client.CreateChannelAsync("c", hook.Id, "1", CallContext.None);
        Assert.NotNull(channel.ETag);

        await client.UpdateChannelAsync(channel.Id, new ChannelChanges { Name = "changed elsewhere" }, CallContext.None);
        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.ReplaceChannelAsync(channel, new ChannelChanges { QueueId = "2" }, CallContext.None));

        Assert.Equal(ChatErrorKind.PreconditionFailed, e.Kind);
        Assert.Equal(412, e.StatusCode);
        Assert.Contains("changed on the server", e.Message);
        var now = await client.GetChannelAsync(channel.Id, CallContext.None);
        Assert.Equal("changed elsewhere", now.Name);
        Assert.Equal("1", now.QueueId);
    }

    [Fact]
    public async Task UpdatingFromAStaleCopyWithoutETagsIsAConflictAndWritesNothing()
    {
        var hook = await client.CreateWebhookAsync("h", "http://127.0.0.1:9/h", null, CallContext.None);
        var channel = await client.CreateChannelAsync("c", hook.Id, "1", CallContext.None);
        Assert.Null(channel.ETag);
        var read = channel.AsRead();
        Assert.NotNull(read);

        await client.UpdateChannelAsync(channel.Id, new ChannelChanges { Name = "changed elsewhere" }, CallContext.None);
        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.UpdateChannelAsync(channel.Id, new ChannelChanges { QueueId = "2" }, CallContext.None, read));

        Assert.Equal(ChatErrorKind.Conflict, e.Kind);
        Assert.Equal("ChatApi.Conflict", e.ErrorId);
        Assert.Contains("Name", e.Message);
        var now = await client.GetChannelAsync(channel.Id, CallContext.None);
        Assert.Equal("changed elsewhere", now.Name);
        Assert.Equal("1", now.QueueId);

        // A change of the very field that changed elsewhere is the user's call: it is written.
        var renamed = await client.UpdateChannelAsync(channel.Id, new ChannelChanges { Name = "mine" }, CallContext.None, read);
        Assert.Equal("mine", renamed.Name);
    }
}
