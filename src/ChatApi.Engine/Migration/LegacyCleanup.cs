namespace ChatApi.Engine.Migration;

/// <summary>
/// -RemoveLegacyWebhook: removes the legacy webhooks this migration moved channels away from, each
/// only when a fresh listing shows no channel refers to it.
/// </summary>
internal sealed class LegacyCleanup
{
    private const string RemoveAction = "Remove the legacy v1.0 webhook (no channel refers to it any more)";
    private readonly MigrationRun run;

    public LegacyCleanup(MigrationRun run) { this.run = run; }

    public async Task RunAsync()
    {
        var byId = run.Webhooks.ToDictionary(w => w.Id, StringComparer.Ordinal);
        var candidates = Candidates(byId);
        if (candidates.Count == 0) return;
        if (run.WhatIf) { await DescribeAsync(candidates, byId).ConfigureAwait(false); return; }

        run.Tally.Progress("Checking which legacy webhooks are still in use");
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        int count = 0;
        await run.Calls.Run(() => run.Client.ListChannelsAsync(null, null, 0, c => { count++; lock (inUse) inUse.Add(c.WebhookId); }, run.Ctx), 0).ConfigureAwait(false);
        run.Calls.Count(ThrottledCalls.Pages(count));
        await Task.WhenAll(candidates.Select(id => RemoveAsync(byId[id], inUse.Contains(id)))).ConfigureAwait(false);
    }

    private List<string> Candidates(Dictionary<string, Webhook> byId)
    {
        var candidates = new List<string>();
        void Consider(string id)
        {
            if (id != null && !candidates.Contains(id) && !run.State.LegacyRemoved.Contains(id) && byId.TryGetValue(id, out var w) && ChatRules.VersionRank(w.Version) < ChatRules.VersionRank(run.Target))
                candidates.Add(id);
        }
        foreach (var g in run.Plan.Groups) foreach (var w in g.LegacyWebhooks) Consider(w.Id);
        foreach (var m in run.State.Moves.Values) Consider(m.From);
        return candidates;
    }

    /// <summary>-WhatIf: names each legacy webhook that the described moves would leave unused.</summary>
    private async Task DescribeAsync(List<string> candidates, Dictionary<string, Webhook> byId)
    {
        foreach (var id in candidates)
        {
            var users = run.Plan.Channels.Where(c => c.WebhookId == id).ToList();
            bool allMove = users.All(c => run.Tally.StatusOf(c.Id) == MigrationStatus.WhatIf);
            bool others = run.Plan.Groups.Any(g => g.OtherUsers.ContainsKey(id));
            if (allMove && !others) await run.Host.ConfirmAsync($"webhook '{byId[id].Name}' ({id})", RemoveAction).ConfigureAwait(false);
        }
    }

    private async Task RemoveAsync(Webhook hook, bool inUse)
    {
        string id = hook.Id;
        if (inUse) { run.Ctx.Log.Verbose($"Legacy webhook {id} is kept: a channel still refers to it"); return; }
        try
        {
            var consent = await run.Host.ConfirmAsync($"webhook '{hook.Name}' ({id})", RemoveAction).ConfigureAwait(false);
            if (consent != Consent.Yes) return;
            run.Journal.LegacyRemoveStarted(id);
            await run.Calls.Run(() => run.Client.RemoveWebhookAsync(id, run.Ctx)).ConfigureAwait(false);
            run.Journal.LegacyRemoved(id);
            run.Tally.LegacyRemoved();
        }
        catch (ChatApiException e) when (e.Kind == ChatErrorKind.NotFound)
        {
            run.Journal.LegacyRemoved(id, reconciled: true);
        }
        catch (Exception e) when (!run.IsCancellation(e))
        {
            run.Host.Warning($"The legacy webhook '{hook.Name}' ({id}) was not removed: {e.Message}");
        }
    }
}
