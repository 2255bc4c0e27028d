namespace ChatApi.Engine.Migration;

/// <summary>The InPlace strategy: each v1.0 webhook of the URI is switched to v2.0; its channels stay on it.</summary>
internal sealed class InPlaceStrategy : MigrationStrategyRunner
{
    public InPlaceStrategy(MigrationRun run) : base(run) { }

    protected override Task MoveGroupAsync(UriGroup g, bool what) =>
        Task.WhenAll(g.LegacyWebhooks.Select(w => SwitchAsync(g, w, what)));

    private async Task SwitchAsync(UriGroup g, Webhook w, bool what)
    {
        var mine = g.Channels.Where(c => c.WebhookId == w.Id).ToList();
        void ReportAll(MigrationStatus status, string error)
        {
            foreach (var c in mine) Run.Tally.Report(MigrationRun.Result(c, g, status, error, w.Id, w.Id), null);
        }
        try
        {
            var consent = await Run.Host.ConfirmAsync($"webhook '{w.Name}' ({w.Id})",
                $"Switch from v1.0 to v2.0 in place (cannot be undone); it serves channel(s) {string.Join(", ", mine.Select(c => c.Id))}").ConfigureAwait(false);
            if (what || consent == Consent.WhatIf) { ReportAll(MigrationStatus.WhatIf, null); return; }
            if (consent == Consent.No) { ReportAll(MigrationStatus.Skipped, "declined"); return; }
            Run.Journal.SwitchStarted(w.Id, g.Key);
            await Run.Calls.Run(() => Run.Client.UpdateWebhookAsync(w.Id, new WebhookChanges { Version = Run.Target }, Run.Ctx), 2).ConfigureAwait(false);
            Run.Journal.Switched(w.Id, g.Key);
            Run.Tally.WebhookSwitched();
            ReportAll(MigrationStatus.Migrated, null);
        }
        catch (Exception e) when (!Run.IsCancellation(e))
        {
            foreach (var c in mine)
                Run.Fail(c, g, e.Message, w.Id, w.Id, $"Channel '{c.Name}' ({c.Id}) was not migrated: switching its webhook {w.Id} to v2.0 failed: {e.Message}", e);
        }
    }
}
