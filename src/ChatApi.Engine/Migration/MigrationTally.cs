using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;

namespace ChatApi.Engine.Migration
{
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
        private int total, done, failed, created, reused, switched, removed;

        public MigrationTally(IMigrationHost host, Stopwatch watch)
        {
            this.host = host;
            this.watch = watch;
        }

        /// <summary>The tenant's webhooks, to name a result's URI by its target webhook.</summary>
        public IReadOnlyList<Webhook> Webhooks { get; set; }

        public void Expect(int channels) { lock (gate) total = channels; }

        public void WebhookCreated() => Interlocked.Increment(ref created);
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
            host.Result(result, error);
            lock (gate)
            {
                done++;
                if (result.Status == MigrationStatus.Failed) failed++;
            }
            Progress(Activity);
        }

        public string Activity { get; set; } = MigrationPlanner.ActivityFor(null);

        public void Progress(string activity)
        {
            MigrationProgress p;
            lock (gate)
            {
                var elapsed = watch.Elapsed;
                p = new MigrationProgress
                {
                    Activity = activity, Done = done, Total = total, Failed = failed, Elapsed = elapsed,
                    Remaining = done > 0 && total > done ? TimeSpan.FromTicks(elapsed.Ticks / done * (total - done)) : (TimeSpan?)null,
                };
            }
            host.Progress(p);
        }

        public MigrationSummary Summary(MigrationStrategy strategy)
        {
            var all = results.Values.ToList();
            int Count(MigrationStatus status) => all.Count(x => x.Status == status);
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
            };
        }
    }
}
