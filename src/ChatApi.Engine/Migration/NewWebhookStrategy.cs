namespace ChatApi.Engine.Migration;

/// <summary>
/// The NewWebhook strategy: one shared webhook of the target version per target receiver URI (reused
/// when one exists, created otherwise), then each channel repointed to it under If-Match.
/// </summary>
internal sealed class NewWebhookStrategy : MigrationStrategyRunner
{
    public NewWebhookStrategy(MigrationRun run) : base(run) { }

    protected override async Task MoveGroupAsync(UriGroup g, bool what)
    {
        var (ok, targetId, whatIf) = await TargetAsync(g, what).ConfigureAwait(false);
        if (!ok) return;
        await Task.WhenAll(g.Channels.Select(c => MoveAsync(g, c, targetId, whatIf))).ConfigureAwait(false);
    }

    /// <summary>The group's webhook of the target version: the one planned (reused, or created by an interrupted run), or a new one.</summary>
    private async Task<(bool Ok, string TargetId, bool WhatIf)> TargetAsync(UriGroup g, bool what)
    {
        var state = Run.State;
        string safe = MigrationPlanner.SafeUri(g.Uri);
        try
        {
            if (g.Target != null)
            {
                string id = g.Target.Id;
                if (state.CreateStarted.Contains(g.Key) && !state.Created.ContainsKey(g.Key))
                {
                    // The journal saw the create start but not end; the server has the webhook: it is ours.
                    Run.Ctx.Log.Verbose($"Webhook {id} for {safe} was created by the interrupted run; reusing it");
                    Run.Journal.WebhookCreated(g.Key, id, null, reconciled: true);
                    Run.Tally.WebhookCreateReconciled();
                }
                else if (!state.Created.ContainsKey(g.Key))
                {
                    Run.Tally.WebhookReused();
                    if (!state.Reused.ContainsKey(g.Key)) Run.Journal.WebhookReused(g.Key, id);
                }
                return (true, id, what);
            }
            string name = MigrationPlanner.WebhookName(g.Uri, Run.Target);
            var consent = await Run.Host.ConfirmAsync($"URI {g.Uri}", $"Create the {Run.Target} webhook '{name}' for {g.Channels.Count} channel(s)").ConfigureAwait(false);
            if (consent == Consent.No) { Run.SkipAll(g, $"the creation of its {Run.Target} webhook was declined"); return (false, null, what); }
            if (consent == Consent.WhatIf) return (true, null, true);
            Run.Journal.CreateStarted(g.Key, safe);
            var hook = await Run.Calls.Run(() => Run.Client.CreateWebhookAsync(name, g.Uri, Run.Target, Run.Ctx)).ConfigureAwait(false);
            Run.Journal.WebhookCreated(g.Key, hook.Id, safe);
            Run.Tally.WebhookCreated();
            Run.Ctx.Log.Verbose($"Created {Run.Target} webhook {hook.Id} for {safe}");
            return (true, hook.Id, what);
        }
        catch (Exception e) when (!Run.IsCancellation(e))
        {
            Run.FailAll(g, $"its {Run.Target} webhook for {safe} could not be created: {e.Message}", e);
            return (false, null, what);
        }
    }

    private string VersionOf(string webhookId) => Run.Webhooks?.FirstOrDefault(w => w.Id == webhookId)?.Version ?? "legacy";

    private async Task MoveAsync(UriGroup g, Channel c, string targetId, bool what)
    {
        string target = targetId != null ? $"the {Run.Target} webhook {targetId}" : $"the new {Run.Target} webhook";
        var tally = Run.Tally;
        try
        {
            var consent = await Run.Host.ConfirmAsync($"channel '{c.Name}' ({c.Id})", $"Repoint from the {VersionOf(c.WebhookId)} webhook {c.WebhookId} to {target}").ConfigureAwait(false);
            if (what || consent == Consent.WhatIf) { tally.Report(MigrationRun.Result(c, g, MigrationStatus.WhatIf, null, c.WebhookId, targetId ?? "(new)"), null); return; }
            if (consent == Consent.No) { tally.Report(MigrationRun.Result(c, g, MigrationStatus.Skipped, "declined", c.WebhookId, targetId), null); return; }

            Run.Journal.RepointStarted(c.Id, c.Name, c.WebhookId, targetId);
            var current = await Run.Calls.Run(() => Run.Client.GetChannelAsync(c.Id, Run.Ctx)).ConfigureAwait(false);
            if (current.WebhookId == targetId)
            {
                Run.Journal.Repointed(c.Id, null, c.WebhookId, targetId, reconciled: true);
                tally.Report(MigrationRun.Result(c, g, MigrationStatus.AlreadyMigrated, null, c.WebhookId, targetId), null);
                return;
            }
            if (current.WebhookId != c.WebhookId)
            {
                string why = $"it moved to webhook {current.WebhookId} since it was read; left alone";
                Run.Journal.RepointFailed(c.Id, why);
                tally.Report(MigrationRun.Result(c, g, MigrationStatus.Skipped, why, current.WebhookId, targetId), null);
                Run.Host.Warning($"Channel '{c.Name}' ({c.Id}): {why}.");
                return;
            }
            await Run.Calls.Run(() => Run.Client.ReplaceChannelAsync(current, new ChannelChanges { WebhookId = targetId }, Run.Ctx)).ConfigureAwait(false);
            Run.Journal.Repointed(c.Id, null, c.WebhookId, targetId);
            tally.Report(MigrationRun.Result(c, g, MigrationStatus.Migrated, null, c.WebhookId, targetId), null);
        }
        catch (Exception e) when (!Run.IsCancellation(e))
        {
            Run.Journal.RepointFailed(c.Id, e.Message);
            Run.Fail(c, g, e.Message, c.WebhookId, targetId, $"Channel '{c.Name}' ({c.Id}) was not migrated: {e.Message}", e);
        }
    }
}
