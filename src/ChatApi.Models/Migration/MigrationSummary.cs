using System;

namespace ChatApi;

/// <summary>The last object Invoke-ChatMigration writes: counts by status, webhooks touched, time and requests.</summary>
public sealed class MigrationSummary
{
    public string Strategy { get; set; }
    /// <summary>Channels considered (one result each).</summary>
    public int Channels { get; set; }
    public int Migrated { get; set; }
    public int AlreadyMigrated { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }
    public int WhatIf { get; set; }
    /// <summary>v2.0 webhooks this run created (NewWebhook).</summary>
    public int WebhooksCreated { get; set; }
    /// <summary>Existing v2.0 webhooks this run pointed channels at (NewWebhook).</summary>
    public int WebhooksReused { get; set; }
    /// <summary>v1.0 webhooks switched to v2.0 in place (InPlace).</summary>
    public int WebhooksSwitched { get; set; }
    /// <summary>Legacy v1.0 webhooks removed (-RemoveLegacyWebhook).</summary>
    public int LegacyWebhooksRemoved { get; set; }
    /// <summary>API requests the run needed (each call once; retries not counted).</summary>
    public int Requests { get; set; }
    public TimeSpan Duration { get; set; }
    /// <summary>True when this run finished an earlier one from its journal (-Resume).</summary>
    public bool Resumed { get; set; }
    public string JournalPath { get; set; }

    // The whole migration, every run of its journal together: after -Resume the counts above are
    // this run's, these are the totals (on a first run they are the same).
    /// <summary>Channels this migration moved onto v2.0, in this run or an earlier run of its journal.</summary>
    public int MigratedTotal { get; set; }
    /// <summary>v2.0 webhooks this migration created, in any run of its journal.</summary>
    public int WebhooksCreatedTotal { get; set; }
    public int WebhooksSwitchedTotal { get; set; }
    public int LegacyWebhooksRemovedTotal { get; set; }

    public override string ToString() =>
        $"{Strategy}: {Channels} channel(s): {Migrated} migrated, {AlreadyMigrated} already migrated, {Failed} failed, {Skipped} skipped" +
        (WhatIf > 0 ? $", {WhatIf} what-if" : "") +
        $"; webhooks {WebhooksCreated} created, {WebhooksReused} reused, {WebhooksSwitched} switched, {LegacyWebhooksRemoved} legacy removed; " +
        $"{Requests} requests in {Duration.TotalSeconds:0.0} s" +
        (Resumed ? $"; whole migration: {MigratedTotal} migrated, {WebhooksCreatedTotal} webhooks created, {WebhooksSwitchedTotal} switched, {LegacyWebhooksRemovedTotal} legacy removed" : "");
}
