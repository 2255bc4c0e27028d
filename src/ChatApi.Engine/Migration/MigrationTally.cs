using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;

namespace ChatApi.Engine.Migration;

/// <summary>
/// One run's count of what happened: every channel's result (handed to the host as it comes),
/// the webhook counters, the progress the host shows, and the summary at the end.
/// </summary>
internal sealed class MigrationTally
{
    private readonly IMigrationHost host;
    private readonly Stopwatch watch;
    private readonly ConcurrentDictionary<string, MigrationResult> results = new ConcurrentDictionary<string, MigrationResult>(StringComparer.Ordinal);
    private readonly object gate = new object();
    private int total, done, failed, created, reused, switched, removed, reconciledCreates;

    /// <summary>What earlier runs of the journal did, taken when this run starts (the state grows as it runs).</summary>
    private readonly Dictionary<string, string> movedEarlier;
    private readonly int createdEarlier, switchedEarlier, removedEarlier;

    public MigrationTally(IMigrationHost host, Stopwatch watch, JournalState earlier = null)
    {
        this.host = host;
        this.watch = watch;
        movedEarlier = earlier?.Moves.Values.Where(m => m.To != null).ToDictionary(m => m.ChannelId, m => m.To, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        createdEarlier = earlier?.Created.Count ?? 0;
        switchedEarlier = earlier?.Switched.Count ?? 0;
        removedEarlier = earlier?.LegacyRemoved.Count ?? 0;
    }

    /// <summary>The tenant's webhooks, to name a result's URI by its target webhook.</summary>
    public IReadOnlyList<Webhook> Webhooks { get; set; }

    public void Expect(int channels) { lock (gate) total = channels; }

    public void WebhookCreated() => Interlocked.Increment(ref created);
    /// <summary>A webhook an interrupted run created and never journalled: this migration's, though not this run's.</summary>
    public void WebhookCreateReconciled() => Interlocked.Increment(ref reconciledCreates);
    public void WebhookReused() => Interlocked.Increment(ref reused);
    public void WebhookSwitched() => Interlocked.Increment(ref switched);
    public void LegacyRemoved() => Interlocked.Increment(ref removed);

    /// <summary>The status recorded for a channel so far, if any.</summary>
    public MigrationStatus? StatusOf(string channelId) => results.TryGetValue(channelId, out var r) ? r.Status : (MigrationStatus?)null;

    public void Report(MigrationResult result, Exception error)
    {
        if (result.Uri == null && result.ToWebhookId != null)
            result.Uri = Webhooks?.FirstOrDefault(w => w.Id == result.ToWebhookId)?.Uri;
        results[result.ChannelId ?? Guid.NewGuid().ToString()] = result;
        lock (gate)
        {
            host.Result(result, error);
            done++;
            if (result.Status == MigrationStatus.Failed) failed++;
            Progress(Activity);
        }
    }

    /// <summary>What the progress bar says the run does (it names the target version).</summary>
    public string Activity { get; set; } = MigrationPlanner.ActivityFor(null);

    /// <summary>Tells the host where the run is; counted and reported under one lock, so records come in order.</summary>
    public void Progress(string activity)
    {
        lock (gate)
        {
            var elapsed = watch.Elapsed;
            host.Progress(new MigrationProgress
            {
                Activity = activity, Done = done, Total = total, Failed = failed, Elapsed = elapsed,
                Remaining = done > 0 && total > done ? TimeSpan.FromTicks(elapsed.Ticks / done * (total - done)) : (TimeSpan?)null,
            });
        }
    }

    public MigrationSummary Summary(MigrationStrategy strategy)
    {
        var all = results.Values.ToList();
        int Count(MigrationStatus status) => all.Count(x => x.Status == status);
        // A channel found on the webhook an earlier run moved it to was migrated by this migration.
        int movedBefore = all.Count(x => x.Status == MigrationStatus.AlreadyMigrated && x.ChannelId != null
            && movedEarlier.TryGetValue(x.ChannelId, out var to) && to == x.ToWebhookId);
        return new MigrationSummary
        {
            Strategy = strategy.ToString(),
            Channels = all.Count,
            Migrated = Count(MigrationStatus.Migrated),
            AlreadyMigrated = Count(MigrationStatus.AlreadyMigrated),
            Failed = Count(MigrationStatus.Failed),
            Skipped = Count(MigrationStatus.Skipped),
            WhatIf = Count(MigrationStatus.WhatIf),
            WebhooksCreated = created,
            WebhooksReused = reused,
            WebhooksSwitched = switched,
            LegacyWebhooksRemoved = removed,
            MigratedTotal = Count(MigrationStatus.Migrated) + movedBefore,
            WebhooksCreatedTotal = created + createdEarlier + reconciledCreates,
            WebhooksSwitchedTotal = switched + switchedEarlier,
            LegacyWebhooksRemovedTotal = removed + removedEarlier,
        };
    }
}
