using ChatApi.Emulator.Options;
using ChatApi.Engine;
using ChatApi.Engine.Migration;

namespace ChatApi.Tests.Migration;

/// <summary>The runner and the undo against the emulator in-process, over real HTTP.</summary>
public sealed class MigrationRunnerTests : IAsyncLifetime
{
    private InProcessEmulator emu;
    private readonly string journal = Path.Combine(Path.GetTempPath(), $"chatapi-migration-{Guid.NewGuid():N}.jsonl");

    public async Task InitializeAsync() => emu = await InProcessEmulator.StartAsync(o =>
    {
        o.SeedLegacy = 12; o.SeedUris = 3; o.SeedBroken = 2; o.RetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)];
        // kind: kept on ETags and honoured Idempotency-Keys on purpose, so the kinder paths stay tested (issue 12); the ETag checks need it
        o.ETags = true; o.Idempotency = IdempotencyMode.Honour;
    });

    public async Task DisposeAsync()
    {
        await emu.DisposeAsync();
        if (File.Exists(journal)) File.Delete(journal);
    }

    private Task<MigrationSummary> Migrate(RecordingHost host, MigrationRequest request) =>
        new MigrationRunner(emu.Client, host, CallContext.None).RunAsync(request);

    private async Task AssertEveryReachableChannelOnOneV2WebhookPerUri()
    {
        var hooks = (await emu.WebhooksAsync()).ToDictionary(w => w.Id);
        var channels = await emu.ChannelsAsync();
        var v2 = hooks.Values.Where(w => w.Version == "v2.0").ToList();
        Assert.Equal(3, v2.Count);
        Assert.Equal(3, v2.Select(w => w.Uri).Distinct().Count());
        foreach (var c in channels.Where(c => !c.Name.Contains("broken")))
        {
            Assert.Equal("v2.0", hooks[c.WebhookId].Version);
            var full = await emu.Client.GetChannelAsync(c.Id, CallContext.None);
            Assert.Equal(2, full.ETag); // moved exactly once
        }
        foreach (var c in channels.Where(c => c.Name.Contains("broken")))
        {
            Assert.Equal("v1.0", hooks[c.WebhookId].Version);
            Assert.Equal(1, (await emu.Client.GetChannelAsync(c.Id, CallContext.None)).ETag); // never touched
        }
    }

    [Fact]
    public async Task NewWebhookMovesEveryReachableChannelReportsTheBrokenOnesAndASecondRunCreatesNothing()
    {
        var host = new RecordingHost();
        var summary = await Migrate(host, new MigrationRequest { JournalPath = journal });
        Assert.Equal(14, summary.Channels);
        // No "0 of 0" opening line; then in order, each record counting exactly the results out.
        var progress = host.ProgressRecords.ToList();
        Assert.DoesNotContain(progress, p => p.Progress.Status.Contains("0 of 0"));
        Assert.Equal("Starting", progress[0].Progress.Status);
        Assert.Equal(-1, progress[0].Progress.Percent);
        Assert.All(progress.Skip(1), p => Assert.Equal(p.ResultsOut, p.Progress.Done));
        Assert.Equal("14 of 14 channel(s) done, 2 failed", progress[^1].Progress.Status);
        Assert.Equal(12, summary.Migrated);
        Assert.Equal(2, summary.Failed);
        Assert.Equal(3, summary.WebhooksCreated);
        Assert.Equal(0, summary.WebhooksReused);
        // 2 lists + 5 verifies + 3 creates + 12 x (GET + PUT)
        Assert.Equal(2 + 5 + 3 + 24, summary.Requests);
        Assert.Equal(2, host.Errors.Count);
        Assert.All(host.Errors, e => Assert.Matches("Channel 'legacy-broken-\\d' \\(\\d+\\) was not migrated: .*failed the v2.0 verify", e.Message));
        Assert.All(host.Results.Where(r => r.Status == MigrationStatus.Migrated), r => Assert.NotEqual(r.FromWebhookId, r.ToWebhookId));
        Assert.True(host.ProgressCount >= 14);
        await AssertEveryReachableChannelOnOneV2WebhookPerUri();

        var again = new RecordingHost();
        var second = await Migrate(again, new MigrationRequest());
        Assert.Equal(0, second.WebhooksCreated);
        Assert.Equal(12, second.AlreadyMigrated);
        Assert.Equal(2, second.Failed);
        await AssertEveryReachableChannelOnOneV2WebhookPerUri();
    }

    [Fact]
    public async Task WhatIfAsksForEveryActionAndChangesNothing()
    {
        var before = await emu.WebhooksAsync();
        var host = new RecordingHost { Answer = Consent.WhatIf };
        var summary = await Migrate(host, new MigrationRequest { JournalPath = journal, WhatIf = true, Options = new MigrationOptions { RemoveLegacyWebhook = true } });
        Assert.Equal(14, summary.WhatIf);
        Assert.False(File.Exists(journal));
        Assert.Equal(before.Count, (await emu.WebhooksAsync()).Count);
        Assert.All(await emu.ChannelsAsync(), c => Assert.Contains(before, w => w.Id == c.WebhookId && w.Version == "v1.0"));
        // 5 verifies, 5 creates, 14 repoints, 14 legacy removals described
        Assert.Equal(5, host.Questions.Count(q => q.Action.StartsWith("Verify")));
        Assert.Equal(5, host.Questions.Count(q => q.Action.StartsWith("Create")));
        Assert.Equal(14, host.Questions.Count(q => q.Action.StartsWith("Repoint")));
        Assert.Equal(14, host.Questions.Count(q => q.Action.StartsWith("Remove")));
        Assert.Equal(2, summary.Requests); // the two lists only
    }

    [Fact]
    public async Task RemoveLegacyWebhookDeletesOnlyUnusedLegacyWebhooks()
    {
        var all = await emu.ChannelsAsync();
        var keep = all.First(c => c.Name == "legacy-1");
        // A channel outside the selection shares legacy-2's webhook.
        var legacy2 = all.First(c => c.Name == "legacy-2");
        await emu.Client.CreateChannelAsync("outsider", legacy2.WebhookId, "7", CallContext.None);
        var selection = all.Where(c => c.Id != keep.Id && !c.Name.Contains("broken")).Select(c => c.Id).ToList();
        var host = new RecordingHost();
        var summary = await Migrate(host, new MigrationRequest { ChannelIds = selection, Options = new MigrationOptions { RemoveLegacyWebhook = true } });
        Assert.Equal(11, summary.Migrated);
        Assert.Equal(10, summary.LegacyWebhooksRemoved);
        var hooks = await emu.WebhooksAsync();
        Assert.Contains(hooks, w => w.Id == keep.WebhookId);
        Assert.Contains(hooks, w => w.Id == legacy2.WebhookId);
        Assert.Equal(3, hooks.Count(w => w.Version == "v2.0"));
        Assert.Equal(4, hooks.Count(w => w.Version == "v1.0")); // keep's, legacy-2's, two broken
    }

    [Fact]
    public async Task ResumeReconcilesAKilledRunWithTheServerAndMovesEachChannelOnce()
    {
        // What a run killed mid-way leaves: the journal says a create started (the server has the webhook,
        // the journal missed its id); one channel's move started and landed, another's started and did not.
        var channels = (await emu.ChannelsAsync()).Where(c => !c.Name.Contains("broken")).ToList();
        var hooks = (await emu.WebhooksAsync()).ToDictionary(w => w.Id);
        var first = channels[0];
        string uri = hooks[first.WebhookId].Uri;
        string key = MigrationPlanner.UriKey(uri);
        var made = await emu.Client.CreateWebhookAsync("v2.0 made before the kill", uri, "v2.0", CallContext.None);
        var current = await emu.Client.GetChannelAsync(first.Id, CallContext.None);
        await emu.Client.ReplaceChannelAsync(current, new ChannelChanges { WebhookId = made.Id }, CallContext.None);
        var second = channels.First(c => c.Id != first.Id && hooks[c.WebhookId].Uri == uri);
        using (var j = MigrationJournal.Open(journal))
        {
            j.Append(new JournalEntry(JournalOps.Run).With("strategy", "NewWebhook"));
            j.Append(new JournalEntry(JournalOps.Verified).With("uriKey", key));
            j.Append(new JournalEntry(JournalOps.CreateStarted).With("uriKey", key));
            j.Append(new JournalEntry(JournalOps.RepointStarted).With("channelId", first.Id).With("from", first.WebhookId).With("to", made.Id));
            j.Append(new JournalEntry(JournalOps.RepointStarted).With("channelId", second.Id).With("from", second.WebhookId).With("to", made.Id));
        }
        File.AppendAllText(journal, "{\"at\":\"2026");

        var host = new RecordingHost();
        var summary = await Migrate(host, new MigrationRequest { JournalPath = journal, Resume = true });
        Assert.True(summary.Resumed);
        Assert.Equal(2, summary.WebhooksCreated); // the other two URIs; the first URI's webhook is the one made before the kill
        Assert.Equal(11, summary.Migrated);
        Assert.Equal(1, summary.AlreadyMigrated);
        // The whole migration: the channel the killed run moved and the webhook it created count too.
        Assert.Equal(12, summary.MigratedTotal);
        Assert.Equal(3, summary.WebhooksCreatedTotal);
        Assert.Contains("whole migration: 12 migrated, 3 webhooks created", summary.ToString());
        Assert.DoesNotContain(host.Questions, q => q.Action.StartsWith("Verify") && q.Target.Contains(uri)); // done steps skipped
        await AssertEveryReachableChannelOnOneV2WebhookPerUri();

        var state = JournalState.From(MigrationJournal.Read(journal));
        Assert.Equal(made.Id, state.Created[key]);           // reconciled: the migration made it
        Assert.True(state.Moves[first.Id].Done);             // reconciled: the server shows it moved
        Assert.Equal(12, state.Moves.Values.Count(m => m.Done));
        Assert.True(state.Finished);

        // Resuming a finished journal does nothing more.
        var again = await Migrate(new RecordingHost(), new MigrationRequest { JournalPath = journal, Resume = true });
        Assert.Equal(0, again.Migrated + again.WebhooksCreated);
    }

    [Fact]
    public async Task ResumeAndFreshRunsCheckTheirJournal()
    {
        var runner = new MigrationRunner(emu.Client, new RecordingHost(), CallContext.None);
        var e = await Assert.ThrowsAsync<ChatApiException>(() => runner.RunAsync(new MigrationRequest { Resume = true }));
        Assert.Contains("'JournalPath'", e.Message);
        e = await Assert.ThrowsAsync<ChatApiException>(() => runner.RunAsync(new MigrationRequest { Resume = true, JournalPath = journal }));
        Assert.Contains("does not exist", e.Message);
        await runner.RunAsync(new MigrationRequest { JournalPath = journal, Options = new MigrationOptions { Strategy = MigrationStrategy.InPlace } });
        e = await Assert.ThrowsAsync<ChatApiException>(() => runner.RunAsync(new MigrationRequest { JournalPath = journal }));
        Assert.Contains("-Resume", e.Message);
        e = await Assert.ThrowsAsync<ChatApiException>(() => runner.RunAsync(new MigrationRequest { JournalPath = journal, Resume = true, StrategyGiven = true, Options = new MigrationOptions { Strategy = MigrationStrategy.NewWebhook } }));
        Assert.Contains("'Strategy'", e.Message);
    }

    [Fact]
    public async Task UndoPutsChannelsBackAndRemovesTheCreatedWebhooks()
    {
        var before = (await emu.ChannelsAsync()).ToDictionary(c => c.Id, c => c.WebhookId);
        await Migrate(new RecordingHost(), new MigrationRequest { JournalPath = journal });
        // One channel is moved by someone else after the migration: undo leaves it, and keeps its webhook.
        var moved = (await emu.ChannelsAsync()).First(c => !c.Name.Contains("broken"));
        var other = (await emu.WebhooksAsync()).First(w => w.Version == "v2.0" && w.Id != moved.WebhookId);
        await emu.Client.UpdateChannelAsync(moved.Id, new ChannelChanges { WebhookId = other.Id }, CallContext.None);

        var host = new RecordingHost();
        var summary = await new MigrationUndo(emu.Client, host, CallContext.None).RunAsync(journal, 4, whatIf: false);
        Assert.Equal(11, summary.ChannelsRestored);
        // Progress counts what is really done: in order, each record counting exactly the channel results out.
        var undoProgress = host.ProgressRecords.ToList();
        Assert.Equal(Enumerable.Range(1, 12), undoProgress.Select(p => p.Progress.Done));
        Assert.All(undoProgress, p => Assert.Equal(p.ResultsOut, p.Progress.Done));
        Assert.All(undoProgress, p => Assert.Equal(12, p.Progress.Total));
        Assert.Equal(1, summary.ChannelsSkipped);
        Assert.Equal(2, summary.WebhooksRemoved);
        Assert.Equal(1, summary.WebhooksKept);
        Assert.Equal(0, summary.Failed);
        foreach (var c in await emu.ChannelsAsync())
            Assert.Equal(c.Id == moved.Id ? other.Id : before[c.Id], c.WebhookId);
        Assert.Single(await emu.WebhooksAsync(), w => w.Version == "v2.0");

        // A second undo finds everything done.
        var again = await new MigrationUndo(emu.Client, new RecordingHost(), CallContext.None).RunAsync(journal, 4, whatIf: false);
        Assert.Equal(11, again.ChannelsAlreadyRestored);
        Assert.Equal(0, again.ChannelsRestored);
        // And the undone journal cannot be resumed.
        var e = await Assert.ThrowsAsync<ChatApiException>(() => Migrate(new RecordingHost(), new MigrationRequest { JournalPath = journal, Resume = true }));
        Assert.Contains("undone", e.Message);
    }

    [Fact]
    public async Task InPlaceSwitchesTheLegacyWebhooksAndUndoSaysItCannot()
    {
        var summary = await Migrate(new RecordingHost(), new MigrationRequest { JournalPath = journal, Options = new MigrationOptions { Strategy = MigrationStrategy.InPlace } });
        Assert.Equal(12, summary.Migrated);
        Assert.Equal(12, summary.WebhooksSwitched);
        Assert.Equal(0, summary.WebhooksCreated);
        Assert.Equal(2, summary.Failed);
        var hooks = await emu.WebhooksAsync();
        Assert.Equal(12, hooks.Count(w => w.Version == "v2.0"));
        foreach (var w in hooks.Where(w => w.Version == "v2.0"))
            Assert.Equal(2, (await emu.Client.GetWebhookAsync(w.Id, CallContext.None)).ETag); // switched exactly once

        var host = new RecordingHost();
        var undo = await new MigrationUndo(emu.Client, host, CallContext.None).RunAsync(journal, 4, whatIf: false);
        Assert.Equal(12, undo.NotUndoable);
        Assert.Equal(0, undo.Failed);
        Assert.Equal(12, host.Warnings.Count);
        Assert.Equal(12, (await emu.WebhooksAsync()).Count(w => w.Version == "v2.0"));
    }
}
