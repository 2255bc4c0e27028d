using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ChatApi.Engine.Migration
{
    /// <summary>What to migrate and how: the input of <see cref="MigrationRunner.RunAsync"/>.</summary>
    public sealed class MigrationRequest
    {
        /// <summary>The channels to migrate; null for every channel (or, with Resume, the journal's selection).</summary>
        public IReadOnlyList<string> ChannelIds { get; set; }
        public MigrationOptions Options { get; set; } = new MigrationOptions();
        /// <summary>True when the caller chose the strategy (on resume it must then match the journal's).</summary>
        public bool StrategyGiven { get; set; }
        /// <summary>Where the journal goes; null for none (WhatIf, or a caller that wants none).</summary>
        public string JournalPath { get; set; }
        /// <summary>Finish the migration recorded in <see cref="JournalPath"/>.</summary>
        public bool Resume { get; set; }
        /// <summary>Describe, change nothing, write no journal.</summary>
        public bool WhatIf { get; set; }
    }

    /// <summary>
    /// Runs a V1 to V2 migration against one session's client: reads the tenant, plans, verifies each
    /// receiver URI, creates or reuses one v2.0 webhook per URI (or switches the v1.0 webhooks in place),
    /// repoints the channels, removes legacy webhooks on request, and journals each step so a killed
    /// run can be resumed. A few calls are kept in flight so the session's rate limiter stays busy;
    /// for each URI, verify and create come strictly before its channels move.
    /// </summary>
    public sealed class MigrationRunner
    {
        private const string V2 = MigrationPlanner.TargetVersion;
        private readonly ChatApiClient client;
        private readonly IMigrationHost host;
        private readonly CallContext ctx;
        private ThrottledCalls calls;

        public MigrationRunner(ChatApiClient client, IMigrationHost host, CallContext ctx)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.host = host ?? throw new ArgumentNullException(nameof(host));
            this.ctx = ctx ?? CallContext.None;
            calls = new ThrottledCalls(new MigrationOptions().ThrottleLimit, this.ctx.Cancellation);
        }

        /// <summary>Requests sent so far (each call once; a list counts its pages).</summary>
        public int Requests => calls.Requests;

        /// <summary>Reads every channel and webhook of the tenant (two lists, side by side).</summary>
        public async Task<(List<Channel> Channels, List<Webhook> Webhooks)> LoadAsync()
        {
            var channels = new List<Channel>();
            var webhooks = new List<Webhook>();
            await Task.WhenAll(
                client.ListChannelsAsync(null, null, 0, c => { lock (channels) channels.Add(c); }, ctx),
                client.ListWebhooksAsync(null, null, 0, w => { lock (webhooks) webhooks.Add(w); }, ctx)).ConfigureAwait(false);
            calls.Count(ThrottledCalls.Pages(channels.Count) + ThrottledCalls.Pages(webhooks.Count));
            return (channels, webhooks);
        }

        /// <summary>The plan for Get-ChatMigrationPlan: reads the tenant, changes nothing.</summary>
        public async Task<MigrationPlan> PlanAsync(IReadOnlyList<string> channelIds, MigrationOptions options)
        {
            options = options ?? new MigrationOptions();
            options.Validate();
            var (channels, webhooks) = await LoadAsync().ConfigureAwait(false);
            return MigrationPlanner.Plan(channelIds, channels, webhooks, options);
        }

        public async Task<MigrationSummary> RunAsync(MigrationRequest request)
        {
            var options = request.Options ?? new MigrationOptions();
            var watch = Stopwatch.StartNew();
            var state = new JournalState();
            IReadOnlyList<string> ids = request.ChannelIds;
            bool journaled = !string.IsNullOrWhiteSpace(request.JournalPath);
            if (request.Resume)
            {
                if (!journaled) throw ChatApiException.InvalidArgument("JournalPath", "-Resume needs the journal of the run to finish");
                if (!File.Exists(request.JournalPath)) throw ChatApiException.InvalidArgument("JournalPath", $"'{request.JournalPath}' does not exist");
            }
            else
            {
                if (!request.WhatIf && journaled && File.Exists(request.JournalPath) && new FileInfo(request.JournalPath).Length > 0)
                    throw ChatApiException.InvalidArgument("JournalPath", $"'{request.JournalPath}' already holds a migration; add -Resume to finish it, or give another path");
                options.Validate();
            }

            // Held from here to the end of the run: a second run on the same journal fails at once.
            MigrationJournal journal = !request.WhatIf && journaled ? MigrationJournal.Open(request.JournalPath) : null;
            try
            {
                if (request.Resume)
                {
                    state = JournalState.From(journal != null ? journal.ReadEntries(host.Warning) : MigrationJournal.Read(request.JournalPath, host.Warning));
                    if (state.Runs == 0 || state.Strategy == null)
                        throw ChatApiException.InvalidArgument("JournalPath", $"'{request.JournalPath}' holds no migration run to resume");
                    if (state.Undone)
                        throw ChatApiException.InvalidArgument("Resume", $"the migration in '{request.JournalPath}' was undone (Undo-ChatMigration); start a new one with another -JournalPath");
                    if (request.StrategyGiven && options.Strategy != state.Strategy.Value)
                        throw ChatApiException.InvalidArgument("Strategy", $"must match the journal being resumed ({state.Strategy.Value}), or be left out");
                    options.Strategy = state.Strategy.Value;
                    options.RemoveLegacyWebhook |= state.RemoveLegacyWebhook;
                    options.SkipVerify |= state.SkipVerify;
                    if (ids == null && state.Selection != null) ids = state.Selection.ToList();
                    options.Validate();
                }
                calls = new ThrottledCalls(options.ThrottleLimit, ctx.Cancellation);
                if (journal != null)
                    ctx.Log.Verbose($"Migration journal: {Path.GetFullPath(request.JournalPath)}" + (request.Resume ? $" (resuming: {state.Entries} entries, {state.Moves.Values.Count(m => m.Done)} channel(s) moved)" : ""));
                var run = new Run(this, options, state, journal, request.WhatIf, watch);
                await run.ExecuteAsync(ids).ConfigureAwait(false);
                var summary = run.Summary();
                summary.Resumed = request.Resume;
                summary.JournalPath = journal == null ? null : Path.GetFullPath(request.JournalPath);
                summary.Requests = Requests;
                summary.Duration = watch.Elapsed;
                journal?.Append(new JournalEntry(JournalOps.RunEnd)
                    .With("migrated", summary.Migrated.ToString()).With("failed", summary.Failed.ToString())
                    .With("created", summary.WebhooksCreated.ToString()).With("requests", summary.Requests.ToString()));
                return summary;
            }
            finally
            {
                journal?.Dispose();
            }
        }

        internal static bool IsCancellation(Exception e, CallContext ctx) =>
            e is OperationCanceledException && ctx.Cancellation.IsCancellationRequested;

        /// <summary>One execution: the plan, the counters and the results.</summary>
        private sealed class Run
        {
            private readonly MigrationRunner r;
            private readonly MigrationOptions options;
            private readonly JournalState state;
            private readonly MigrationJournal journal;
            private readonly bool whatIf;
            private readonly Stopwatch watch;
            private readonly ConcurrentDictionary<string, MigrationResult> results = new ConcurrentDictionary<string, MigrationResult>(StringComparer.Ordinal);
            private readonly object progressGate = new object();
            private int total, done, failed, created, reused, switched, removed;
            private MigrationPlan plan;
            private List<Webhook> webhooks;

            public Run(MigrationRunner r, MigrationOptions options, JournalState state, MigrationJournal journal, bool whatIf, Stopwatch watch)
            {
                this.r = r; this.options = options; this.state = state; this.journal = journal; this.whatIf = whatIf; this.watch = watch;
            }

            private CallContext Ctx => r.ctx;
            private IMigrationHost Host => r.host;
            private ChatApiClient Client => r.client;

            private void Journal(JournalEntry entry) => journal?.Append(entry);

            public async Task ExecuteAsync(IReadOnlyList<string> ids)
            {
                Progress("Reading channels and webhooks");
                var (channels, hooks) = await r.LoadAsync().ConfigureAwait(false);
                webhooks = hooks;
                var known = new Dictionary<string, string>(state.Reused, StringComparer.Ordinal);
                foreach (var c in state.Created) known[c.Key] = c.Value;
                plan = MigrationPlanner.Plan(ids, channels, webhooks, options, known);
                total = plan.Channels.Count + plan.Missing.Count;
                Ctx.Log.Verbose($"Plan: {plan.Channels.Count} channel(s); {plan.MigratableChannels} to migrate over {plan.Groups.Count} receiver URI(s); {plan.AlreadyOnV2.Count} already on v2.0");

                var run = new JournalEntry(JournalOps.Run).With("strategy", options.Strategy.ToString())
                    .With("removeLegacyWebhook", options.RemoveLegacyWebhook ? "true" : "false").With("skipVerify", options.SkipVerify ? "true" : "false");
                if (ids != null) run.Channels = plan.Channels.Select(c => c.Id).Concat(plan.Missing).ToList();
                if (state.Runs > 0) run.With("resume", "true");
                Journal(run);

                foreach (var id in plan.Missing)
                    Report(new MigrationResult { ChannelId = id, Status = MigrationStatus.Failed, Error = $"channel {id} does not exist" },
                        new MigrationException($"Channel {id} was not migrated: it does not exist.", id));
                foreach (var pair in plan.Unplannable)
                    Report(Result(pair.Key, null, MigrationStatus.Failed, pair.Value),
                        new MigrationException($"Channel '{pair.Key.Name}' ({pair.Key.Id}) was not migrated: {pair.Value}.", pair.Key.Id));
                foreach (var pair in plan.AlreadyOnV2) AlreadyOnV2(pair.Key, pair.Value);

                var groupTasks = plan.Groups.Select(g => options.Strategy == MigrationStrategy.NewWebhook ? NewWebhookGroupAsync(g) : InPlaceGroupAsync(g)).ToList();
                await Task.WhenAll(groupTasks).ConfigureAwait(false);

                if (options.RemoveLegacyWebhook) await RemoveLegacyAsync().ConfigureAwait(false);
            }

            /// <summary>A channel on a v2.0 webhook needs nothing; a move the journal started and the server shows done is recorded as done.</summary>
            private void AlreadyOnV2(Channel c, Webhook hook)
            {
                if (state.Moves.TryGetValue(c.Id, out var move) && !move.Done && move.To == c.WebhookId)
                {
                    Ctx.Log.Verbose($"Channel {c.Id}: the journal shows its move started and the server shows it done; recording it");
                    Journal(new JournalEntry(JournalOps.Repointed).With("channelId", c.Id).With("channelName", c.Name).With("from", move.From).With("to", move.To).With("reconciled", "true"));
                }
                if (options.Strategy == MigrationStrategy.InPlace && state.SwitchStarted.Contains(hook.Id) && !state.Switched.Contains(hook.Id))
                {
                    Journal(new JournalEntry(JournalOps.Switched).With("webhookId", hook.Id).With("reconciled", "true"));
                    state.Switched.Add(hook.Id);
                }
                string from = state.Moves.TryGetValue(c.Id, out move) ? move.From : hook.Id;
                Report(Result(c, null, MigrationStatus.AlreadyMigrated, null, from, hook.Id), null);
            }

            private async Task NewWebhookGroupAsync(UriGroup g)
            {
                var (go, what) = await VerifyAsync(g).ConfigureAwait(false);
                if (!go) return;
                string targetId = null;
                try
                {
                    if (g.Target != null)
                    {
                        targetId = g.Target.Id;
                        if (state.CreateStarted.Contains(g.Key) && !state.Created.ContainsKey(g.Key))
                        {
                            // The journal saw the create start but not end; the server has the webhook: it is ours.
                            Ctx.Log.Verbose($"Webhook {targetId} for {MigrationPlanner.SafeUri(g.Uri)} was created by the interrupted run; reusing it");
                            Journal(new JournalEntry(JournalOps.WebhookCreated).With("uriKey", g.Key).With("webhookId", targetId).With("reconciled", "true"));
                        }
                        else if (!state.Created.ContainsKey(g.Key))
                        {
                            Interlocked.Increment(ref reused);
                            if (!state.Reused.ContainsKey(g.Key)) Journal(new JournalEntry(JournalOps.WebhookReused).With("uriKey", g.Key).With("webhookId", targetId));
                        }
                    }
                    else
                    {
                        string name = MigrationPlanner.WebhookName(g.Uri);
                        var consent = await Host.ConfirmAsync($"URI {g.Uri}", $"Create the v2.0 webhook '{name}' for {g.Channels.Count} channel(s)").ConfigureAwait(false);
                        if (consent == Consent.No) { SkipAll(g, "the creation of its v2.0 webhook was declined"); return; }
                        if (consent == Consent.WhatIf) what = true;
                        else
                        {
                            Journal(new JournalEntry(JournalOps.CreateStarted).With("uriKey", g.Key).With("uri", MigrationPlanner.SafeUri(g.Uri)));
                            var hook = await r.calls.Run(() => Client.CreateWebhookAsync(name, g.Uri, V2, Ctx)).ConfigureAwait(false);
                            targetId = hook.Id;
                            Journal(new JournalEntry(JournalOps.WebhookCreated).With("uriKey", g.Key).With("webhookId", targetId).With("uri", MigrationPlanner.SafeUri(g.Uri)));
                            Interlocked.Increment(ref created);
                            Ctx.Log.Verbose($"Created v2.0 webhook {targetId} for {MigrationPlanner.SafeUri(g.Uri)}");
                        }
                    }
                }
                catch (Exception e) when (!IsCancellation(e, Ctx))
                {
                    FailAll(g, $"its v2.0 webhook for {MigrationPlanner.SafeUri(g.Uri)} could not be created: {e.Message}", e);
                    return;
                }
                await Task.WhenAll(g.Channels.Select(c => MoveAsync(g, c, targetId, what))).ConfigureAwait(false);
            }

            private async Task MoveAsync(UriGroup g, Channel c, string targetId, bool what)
            {
                string target = targetId != null ? "the v2.0 webhook " + targetId : "the new v2.0 webhook";
                try
                {
                    var consent = await Host.ConfirmAsync($"channel '{c.Name}' ({c.Id})", $"Repoint from the v1.0 webhook {c.WebhookId} to {target}").ConfigureAwait(false);
                    if (what || consent == Consent.WhatIf) { Report(Result(c, g, MigrationStatus.WhatIf, null, c.WebhookId, targetId ?? "(new)"), null); return; }
                    if (consent == Consent.No) { Report(Result(c, g, MigrationStatus.Skipped, "declined", c.WebhookId, targetId), null); return; }

                    Journal(new JournalEntry(JournalOps.RepointStarted).With("channelId", c.Id).With("channelName", c.Name).With("from", c.WebhookId).With("to", targetId));
                    var current = await r.calls.Run(() => Client.GetChannelAsync(c.Id, Ctx)).ConfigureAwait(false);
                    if (current.WebhookId == targetId)
                    {
                        Journal(new JournalEntry(JournalOps.Repointed).With("channelId", c.Id).With("from", c.WebhookId).With("to", targetId).With("reconciled", "true"));
                        Report(Result(c, g, MigrationStatus.AlreadyMigrated, null, c.WebhookId, targetId), null);
                        return;
                    }
                    if (current.WebhookId != c.WebhookId)
                    {
                        string why = $"it moved to webhook {current.WebhookId} since it was read; left alone";
                        Journal(new JournalEntry(JournalOps.RepointFailed).With("channelId", c.Id).With("error", why));
                        Report(Result(c, g, MigrationStatus.Skipped, why, current.WebhookId, targetId), null);
                        Host.Warning($"Channel '{c.Name}' ({c.Id}): {why}.");
                        return;
                    }
                    await r.calls.Run(() => Client.ReplaceChannelAsync(current, null, targetId, null, Ctx)).ConfigureAwait(false);
                    Journal(new JournalEntry(JournalOps.Repointed).With("channelId", c.Id).With("from", c.WebhookId).With("to", targetId));
                    Report(Result(c, g, MigrationStatus.Migrated, null, c.WebhookId, targetId), null);
                }
                catch (Exception e) when (!IsCancellation(e, Ctx))
                {
                    Journal(new JournalEntry(JournalOps.RepointFailed).With("channelId", c.Id).With("error", e.Message));
                    Report(Result(c, g, MigrationStatus.Failed, e.Message, c.WebhookId, targetId),
                        new MigrationException($"Channel '{c.Name}' ({c.Id}) was not migrated: {e.Message}", c.Id, e));
                }
            }

            private async Task InPlaceGroupAsync(UriGroup g)
            {
                var (go, what) = await VerifyAsync(g).ConfigureAwait(false);
                if (!go) return;
                await Task.WhenAll(g.LegacyWebhooks.Select(w => SwitchAsync(g, w, what))).ConfigureAwait(false);
            }

            private async Task SwitchAsync(UriGroup g, Webhook w, bool what)
            {
                var mine = g.Channels.Where(c => c.WebhookId == w.Id).ToList();
                try
                {
                    var consent = await Host.ConfirmAsync($"webhook '{w.Name}' ({w.Id})",
                        $"Switch from v1.0 to v2.0 in place (cannot be undone); it serves channel(s) {string.Join(", ", mine.Select(c => c.Id))}").ConfigureAwait(false);
                    if (what || consent == Consent.WhatIf) { foreach (var c in mine) Report(Result(c, g, MigrationStatus.WhatIf, null, w.Id, w.Id), null); return; }
                    if (consent == Consent.No) { foreach (var c in mine) Report(Result(c, g, MigrationStatus.Skipped, "declined", w.Id, w.Id), null); return; }
                    Journal(new JournalEntry(JournalOps.SwitchStarted).With("webhookId", w.Id).With("uriKey", g.Key));
                    await r.calls.Run(() => Client.UpdateWebhookAsync(w.Id, null, null, V2, Ctx), 2).ConfigureAwait(false);
                    Journal(new JournalEntry(JournalOps.Switched).With("webhookId", w.Id).With("uriKey", g.Key));
                    Interlocked.Increment(ref switched);
                    foreach (var c in mine) Report(Result(c, g, MigrationStatus.Migrated, null, w.Id, w.Id), null);
                }
                catch (Exception e) when (!IsCancellation(e, Ctx))
                {
                    foreach (var c in mine)
                        Report(Result(c, g, MigrationStatus.Failed, e.Message, w.Id, w.Id),
                            new MigrationException($"Channel '{c.Name}' ({c.Id}) was not migrated: switching its webhook {w.Id} to v2.0 failed: {e.Message}", c.Id, e));
                }
            }

            /// <summary>Verifies the group's URI once (unless skipped or already verified by the journal). Returns whether to go on, and whether in what-if mode.</summary>
            private async Task<(bool Go, bool WhatIf)> VerifyAsync(UriGroup g)
            {
                if (options.SkipVerify || state.Verified.Contains(g.Key)) return (true, false);
                try
                {
                    var consent = await Host.ConfirmAsync($"URI {g.Uri}", "Verify with a v2.0 WEB_HOOK_VERIFY event").ConfigureAwait(false);
                    if (consent == Consent.WhatIf) return (true, true);
                    if (consent == Consent.No) { SkipAll(g, "the verify of its URI was declined"); return (false, false); }
                    var result = await r.calls.Run(() => Client.VerifyWebhookAsync(g.Uri, V2, Ctx)).ConfigureAwait(false);
                    if (!result.Success)
                    {
                        result.Message = (result.Message ?? $"HTTP {result.StatusCode}").Replace(g.Uri, MigrationPlanner.SafeUri(g.Uri));
                        Journal(new JournalEntry(JournalOps.VerifyFailed).With("uriKey", g.Key).With("uri", MigrationPlanner.SafeUri(g.Uri)).With("error", result.Message));
                        FailAll(g, $"its webhook URI {MigrationPlanner.SafeUri(g.Uri)} failed the v2.0 verify ({result.Message}); left untouched", null);
                        return (false, false);
                    }
                    Journal(new JournalEntry(JournalOps.Verified).With("uriKey", g.Key).With("uri", MigrationPlanner.SafeUri(g.Uri)));
                    return (true, false);
                }
                catch (Exception e) when (!IsCancellation(e, Ctx))
                {
                    FailAll(g, $"verifying its webhook URI {MigrationPlanner.SafeUri(g.Uri)} failed: {e.Message}", e);
                    return (false, false);
                }
            }

            /// <summary>
            /// Removes the legacy webhooks this migration moved channels away from, each only when a fresh
            /// listing shows no channel refers to it.
            /// </summary>
            private async Task RemoveLegacyAsync()
            {
                var byId = webhooks.ToDictionary(w => w.Id, StringComparer.Ordinal);
                var candidates = new List<string>();
                void Consider(string id) { if (id != null && !candidates.Contains(id) && !state.LegacyRemoved.Contains(id) && byId.TryGetValue(id, out var w) && w.Version != V2) candidates.Add(id); }
                foreach (var g in plan.Groups) foreach (var w in g.LegacyWebhooks) Consider(w.Id);
                foreach (var m in state.Moves.Values) Consider(m.From);
                if (candidates.Count == 0) return;

                if (whatIf)
                {
                    foreach (var id in candidates)
                    {
                        var users = plan.Channels.Where(c => c.WebhookId == id).ToList();
                        bool allMove = users.All(c => results.TryGetValue(c.Id, out var res) && res.Status == MigrationStatus.WhatIf);
                        bool others = plan.Groups.Any(g => g.OtherUsers.ContainsKey(id));
                        if (allMove && !others) await Host.ConfirmAsync($"webhook '{byId[id].Name}' ({id})", "Remove the legacy v1.0 webhook (no channel refers to it any more)").ConfigureAwait(false);
                    }
                    return;
                }

                Progress("Checking which legacy webhooks are still in use");
                var inUse = new HashSet<string>(StringComparer.Ordinal);
                int count = 0;
                await r.calls.Run(() => Client.ListChannelsAsync(null, null, 0, c => { count++; lock (inUse) inUse.Add(c.WebhookId); }, Ctx), 0).ConfigureAwait(false);
                r.calls.Count(ThrottledCalls.Pages(count));
                await Task.WhenAll(candidates.Select(async id =>
                {
                    var hook = byId[id];
                    if (inUse.Contains(id)) { Ctx.Log.Verbose($"Legacy webhook {id} is kept: a channel still refers to it"); return; }
                    try
                    {
                        var consent = await Host.ConfirmAsync($"webhook '{hook.Name}' ({id})", "Remove the legacy v1.0 webhook (no channel refers to it any more)").ConfigureAwait(false);
                        if (consent != Consent.Yes) return;
                        Journal(new JournalEntry(JournalOps.LegacyRemoveStarted).With("webhookId", id));
                        await r.calls.Run(() => Client.RemoveWebhookAsync(id, Ctx)).ConfigureAwait(false);
                        Journal(new JournalEntry(JournalOps.LegacyRemoved).With("webhookId", id));
                        Interlocked.Increment(ref removed);
                    }
                    catch (ChatApiException e) when (e.Kind == ChatErrorKind.NotFound)
                    {
                        Journal(new JournalEntry(JournalOps.LegacyRemoved).With("webhookId", id).With("reconciled", "true"));
                    }
                    catch (Exception e) when (!IsCancellation(e, Ctx))
                    {
                        Host.Warning($"The legacy webhook '{hook.Name}' ({id}) was not removed: {e.Message}");
                    }
                })).ConfigureAwait(false);
            }

            private void SkipAll(UriGroup g, string why)
            {
                foreach (var c in g.Channels) Report(Result(c, g, MigrationStatus.Skipped, why, c.WebhookId, g.Target?.Id), null);
            }

            private void FailAll(UriGroup g, string why, Exception inner)
            {
                foreach (var c in g.Channels)
                    Report(Result(c, g, MigrationStatus.Failed, why, c.WebhookId, g.Target?.Id),
                        new MigrationException($"Channel '{c.Name}' ({c.Id}) was not migrated: {why}.", c.Id, inner));
            }

            private static MigrationResult Result(Channel c, UriGroup g, MigrationStatus status, string error, string from = null, string to = null) =>
                new MigrationResult { ChannelId = c.Id, ChannelName = c.Name, FromWebhookId = from ?? c.WebhookId, ToWebhookId = to, Uri = g?.Uri, Status = status, Error = error };

            private void Report(MigrationResult result, Exception error)
            {
                if (result.Uri == null && result.ToWebhookId != null)
                    result.Uri = webhooks?.FirstOrDefault(w => w.Id == result.ToWebhookId)?.Uri;
                results[result.ChannelId ?? Guid.NewGuid().ToString()] = result;
                Host.Result(result, error);
                lock (progressGate)
                {
                    done++;
                    if (result.Status == MigrationStatus.Failed) failed++;
                }
                Progress("Migrating channels to v2.0 webhooks");
            }

            private void Progress(string activity)
            {
                MigrationProgress p;
                lock (progressGate)
                {
                    var elapsed = watch.Elapsed;
                    p = new MigrationProgress
                    {
                        Activity = activity, Done = done, Total = total, Failed = failed, Elapsed = elapsed,
                        Remaining = done > 0 && total > done ? TimeSpan.FromTicks(elapsed.Ticks / done * (total - done)) : (TimeSpan?)null,
                    };
                }
                Host.Progress(p);
            }

            public MigrationSummary Summary()
            {
                var all = results.Values.ToList();
                return new MigrationSummary
                {
                    Strategy = options.Strategy.ToString(),
                    Channels = all.Count,
                    Migrated = all.Count(x => x.Status == MigrationStatus.Migrated),
                    AlreadyMigrated = all.Count(x => x.Status == MigrationStatus.AlreadyMigrated),
                    Failed = all.Count(x => x.Status == MigrationStatus.Failed),
                    Skipped = all.Count(x => x.Status == MigrationStatus.Skipped),
                    WhatIf = all.Count(x => x.Status == MigrationStatus.WhatIf),
                    WebhooksCreated = created,
                    WebhooksReused = reused,
                    WebhooksSwitched = switched,
                    LegacyWebhooksRemoved = removed,
                };
            }
        }
    }
}
