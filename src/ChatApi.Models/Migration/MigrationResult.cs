namespace ChatApi;

/// <summary>What happened to one channel in Invoke-ChatMigration.</summary>
public enum MigrationStatus
{
    /// <summary>This run moved the channel (or switched its webhook) to v2.0.</summary>
    Migrated,
    /// <summary>The channel was already on a v2.0 webhook; nothing was sent for it.</summary>
    AlreadyMigrated,
    /// <summary>The channel could not be migrated (its URI failed the verify, or a call failed); it was left as it was.</summary>
    Failed,
    /// <summary>The channel was left alone on purpose (a declined confirmation, a missing webhook).</summary>
    Skipped,
    /// <summary>-WhatIf: the actions were printed, nothing was changed.</summary>
    WhatIf,
}

/// <summary>One channel's outcome in Invoke-ChatMigration, written as soon as the channel is done.</summary>
public sealed class MigrationResult
{
    public string ChannelId { get; set; }
    public string ChannelName { get; set; }
    public string FromWebhookId { get; set; }
    public string ToWebhookId { get; set; }
    public string Uri { get; set; }
    public MigrationStatus Status { get; set; }
    /// <summary>Why it failed or was skipped; null when it went well.</summary>
    public string Error { get; set; }

    public override string ToString() =>
        $"{ChannelName} ({ChannelId}): {Status} {FromWebhookId} -> {ToWebhookId}" + (string.IsNullOrEmpty(Error) ? "" : ": " + Error);
}
