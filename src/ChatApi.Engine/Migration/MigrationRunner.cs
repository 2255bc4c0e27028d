using System.Diagnostics;
using System.IO;

namespace ChatApi.Engine.Migration;

/// <summary>
/// Runs a V1 to V2 migration against one session's client: reads the tenant, plans, verifies each
/// receiver URI, creates or reuses one v2.0 webhook per URI (<see cref="NewWebhookStrategy"/>) or
/// switches the v1.0 webhooks in place (<see cref="InPlaceStrategy"/>), removes legacy webhooks on
/// request (<see cref="LegacyCleanup"/>), and journals each step so a killed run can be resumed.
/// A few calls are kept in flight so the session's rate limiter stays busy; for each URI, verify
/// and create come strictly before its channels move.
/// </summary>
public sealed class MigrationRunner(ChatApiClient client, IMigrationHost host, CallContext ctx) : MigrationWork(client, host, ctx)
{
    /// <summary>Requests sent so far (each call once; a list counts its pages).</summary>
    public int Requests => calls.Requests;

    /// <summary>
    /// Reads every channel and webhook of the tenant (two lists, side by side), and with a <see cref="MigrationWork.Source"/>
    /// its webhooks too: <c>Sources</c> holds those the session does not list itself (empty without one).
    /// </summary>
    public async Task<(List<Channel> Channels, List<Webhook> Webhooks, List<Webhook> Sources)> LoadAsync()
    {
        CheckSource();
        var channels = new List<Channel>();
        var webhooks = new List<Webhook>();
        var sources = new List<Webhook>();
        await Task.WhenAll(
            client.ListChannelsAsync(null, null, 0, c => { lock (channels) channels.Add(c); }, ctx),
            client.ListWebhooksAsync(null, null, 0, w => { lock (webhooks) webhooks.Add(w); }, ctx),
            Source == null ? Task.CompletedTask : Source.ListWebhooksAsync(null, null, 0, w => { lock (sources) sources.Add(w); }, ctx)).ConfigureAwait(false);
        calls.Count(ThrottledCalls.Pages(channels.Count) + ThrottledCalls.Pages(webhooks.Count) + (Source == null ? 0 : ThrottledCalls.Pages(sources.Count)));
        var listed = new HashSet<string>(webhooks.Select(w => w.Id), StringComparer.Ordinal);
        sources.RemoveAll(w => listed.Contains(w.Id));
        return (channels, webhooks, sources);
    }

    /// <summary>The plan for Get-ChatMigrationPlan: reads the tenant, changes nothing.</summary>
    public async Task<MigrationPlan> PlanAsync(IReadOnlyList<string> channelIds, MigrationOptions options)
    {
        options = options ?? new MigrationOptions();
        SettleTarget(options);
        options.Validate();
        var (channels, webhooks, sources) = await LoadAsync().ConfigureAwait(false);
        return MigrationPlanner.Plan(channelIds, channels, webhooks.Concat(sources).ToList(), options);
    }

    public async Task<MigrationSummary> RunAsync(MigrationRequest request)
    {
        var watch = Stopwatch.StartNew();
        request.CheckPath();
        // Held from here to the end of the run: a second run on the same journal fails at once.
        MigrationJournal journal = request.Journals ? MigrationJournal.Open(request.JournalPath) : null;
        try
        {
            if (request.Options != null && !request.Resume) SettleTarget(request.Options);
            var (options, state, ids) = request.Resolve(journal, host.Warning);
            SettleTarget(options);
            calls = new ThrottledCalls(options.ThrottleLimit, ctx.Cancellation);
            if (journal != null)
                ctx.Log.Verbose($"Migration journal: {Path.GetFullPath(request.JournalPath)}" + (request.Resume ? $" (resuming: {state.Entries} entries, {state.Moves.Values.Count(m => m.Done)} channel(s) moved)" : ""));
            var writer = new JournalWriter(journal);
            var run = new MigrationRun(client, host, ctx, calls, options, state, writer, new MigrationTally(host, watch, state) { Activity = MigrationPlanner.ActivityFor(options.Target) }, request.WhatIf);
            await ExecuteAsync(run, ids).ConfigureAwait(false);
            var summary = run.Tally.Summary(options.Strategy);
            summary.Resumed = request.Resume;
            summary.JournalPath = journal == null ? null : Path.GetFullPath(request.JournalPath);
            summary.Requests = Requests;
            summary.Duration = watch.Elapsed;
            writer.RunEnd(summary);
            return summary;
        }
        finally
        {
            journal?.Dispose();
        }
    }

    private async Task ExecuteAsync(MigrationRun run, IReadOnlyList<string> ids)
    {
        var state = run.State;
        run.Tally.Progress("Reading channels and webhooks");
        var (channels, webhooks, sources) = await LoadAsync().ConfigureAwait(false);
        // Only the session's own webhooks are candidates for removal; the source's are read for their URIs.
        run.Webhooks = webhooks;
        run.Tally.Webhooks = webhooks.Concat(sources).ToList();
        var known = new Dictionary<string, string>(state.Reused, StringComparer.Ordinal);
        foreach (var c in state.Created) known[c.Key] = c.Value;
        var plan = run.Plan = MigrationPlanner.Plan(ids, channels, webhooks.Concat(sources).ToList(), run.Options, known);
        run.Tally.Expect(plan.Channels.Count + plan.Missing.Count);
        ctx.Log.Verbose($"Plan: {plan.Channels.Count} channel(s); {plan.MigratableChannels} to migrate over {plan.Groups.Count} receiver URI(s); {plan.AlreadyOnV2.Count} already on {run.Target}");

        run.Journal.Run(run.Options, ids != null ? plan.Channels.Select(c => c.Id).Concat(plan.Missing).ToList() : null, state.Runs > 0);

        foreach (var id in plan.Missing)
            run.Tally.Report(new MigrationResult { ChannelId = id, Status = MigrationStatus.Failed, Error = $"channel {id} does not exist" },
                new MigrationException($"Channel {id} was not migrated: it does not exist.", id));
        foreach (var pair in plan.Unplannable)
            run.Fail(pair.Key, null, pair.Value, null, null, $"Channel '{pair.Key.Name}' ({pair.Key.Id}) was not migrated: {pair.Value}.", null);
        foreach (var pair in plan.AlreadyOnV2) run.AlreadyOnV2(pair.Key, pair.Value);

        MigrationStrategyRunner strategy = run.Options.Strategy == MigrationStrategy.NewWebhook ? new NewWebhookStrategy(run) : new InPlaceStrategy(run);
        await Task.WhenAll(plan.Groups.Select(strategy.RunGroupAsync)).ConfigureAwait(false);

        if (run.Options.RemoveLegacyWebhook) await new LegacyCleanup(run).RunAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The target defaults to what the session's API creates (v2.0 on V2, Chat Gateway v1.0 on the Gateway);
    /// a target the session cannot create is refused before anything is read.
    /// </summary>
    private void SettleTarget(MigrationOptions options)
    {
        if (options.TargetVersion == null) options.TargetVersion = client.DefaultWebhookVersion;
        if (!client.WebhookVersions.Contains(options.TargetVersion))
            throw ChatApiException.InvalidArgument("TargetVersion", options.TargetVersion == ChatValues.Gateway
                ? $"{ChatValues.Gateway} webhooks are created through the Chat Gateway: pass a Gateway session (Connect-ChatApi -Api Gateway)"
                : $"a {client.Api} session creates {string.Join(", ", client.WebhookVersions)} webhooks only: pass a session of the API that creates {options.TargetVersion} webhooks");
    }

    internal static bool IsCancellation(Exception e, CallContext ctx) =>
        e is OperationCanceledException && ctx.Cancellation.IsCancellationRequested;
}
