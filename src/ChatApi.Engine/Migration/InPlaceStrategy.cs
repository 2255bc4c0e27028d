namespace ChatApi.Engine.Migration
{
    /// <summary>The InPlace strategy: each v1.0 webhook of the URI is switched to v2.0; its channels stay on it.</summary>
    internal sealed class InPlaceStrategy : IMigrationStrategyRunner
    {
        private readonly MigrationRun run;

        public InPlaceStrategy(MigrationRun run) { this.run = run; }

        public async Task RunGroupAsync(UriGroup g)
        {
            var (go, what) = await run.VerifyAsync(g).ConfigureAwait(false);
            if (!go) return;
            await Task.WhenAll(g.LegacyWebhooks.Select(w => SwitchAsync(g, w, what))).ConfigureAwait(false);
        }

        private async Task SwitchAsync(UriGroup g, Webhook w, bool what)
        {
            var mine = g.Channels.Where(c => c.WebhookId == w.Id).ToList();
            void ReportAll(MigrationStatus status, string error)
            {
                foreach (var c in mine) run.Tally.Report(MigrationRun.Result(c, g, status, error, w.Id, w.Id), null);
            }
            try
            {
                var consent = await run.Host.ConfirmAsync($"webhook '{w.Name}' ({w.Id})",
                    $"Switch from v1.0 to v2.0 in place (cannot be undone); it serves channel(s) {string.Join(", ", mine.Select(c => c.Id))}").ConfigureAwait(false);
                if (what || consent == Consent.WhatIf) { ReportAll(MigrationStatus.WhatIf, null); return; }
                if (consent == Consent.No) { ReportAll(MigrationStatus.Skipped, "declined"); return; }
                run.Journal.SwitchStarted(w.Id, g.Key);
                await run.Calls.Run(() => run.Client.UpdateWebhookAsync(w.Id, new WebhookChanges { Version = MigrationRun.V2 }, run.Ctx), 2).ConfigureAwait(false);
                run.Journal.Switched(w.Id, g.Key);
                run.Tally.WebhookSwitched();
                ReportAll(MigrationStatus.Migrated, null);
            }
            catch (Exception e) when (!run.IsCancellation(e))
            {
                foreach (var c in mine)
                    run.Fail(c, g, e.Message, w.Id, w.Id, $"Channel '{c.Name}' ({c.Id}) was not migrated: switching its webhook {w.Id} to v2.0 failed: {e.Message}", e);
            }
        }
    }
}
