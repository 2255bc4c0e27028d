using System;

namespace ChatApi;

/// <summary>What Undo-ChatMigration did with one channel or webhook of a migration journal.</summary>
public enum UndoStatus
{
    /// <summary>The channel is back on the webhook it had before the migration.</summary>
    Restored,
    /// <summary>The channel was already on the webhook it had before the migration.</summary>
    AlreadyRestored,
    /// <summary>A webhook the migration created was removed (nothing used it any more).</summary>
    Removed,
    /// <summary>The webhook the migration created was already gone.</summary>
    AlreadyRemoved,
    /// <summary>Left alone: it changed since the migration, or something else still uses it.</summary>
    Skipped,
    /// <summary>An in-place switch to v2.0: 8x8 refuses to take a webhook back to v1.0.</summary>
    NotUndoable,
    Failed,
    WhatIf,
}

/// <summary>One item of Undo-ChatMigration: a channel put back, or a webhook removed or kept.</summary>
public sealed class UndoResult
{
    /// <summary>Channel or Webhook.</summary>
    public string Kind { get; set; }
    public string Id { get; set; }
    public string Name { get; set; }
    /// <summary>For a channel: the webhook the migration gave it. For a webhook: empty.</summary>
    public string FromWebhookId { get; set; }
    /// <summary>For a channel: the webhook it had before (where Undo puts it back).</summary>
    public string ToWebhookId { get; set; }
    public UndoStatus Status { get; set; }
    public string Message { get; set; }

    public override string ToString() => $"{Kind} {Name} ({Id}): {Status}" + (string.IsNullOrEmpty(Message) ? "" : ": " + Message);
}

/// <summary>The last object Undo-ChatMigration writes.</summary>
public sealed class UndoSummary
{
    public int ChannelsRestored { get; set; }
    public int ChannelsAlreadyRestored { get; set; }
    public int ChannelsSkipped { get; set; }
    public int WebhooksRemoved { get; set; }
    public int WebhooksKept { get; set; }
    public int NotUndoable { get; set; }
    public int Failed { get; set; }
    public int WhatIf { get; set; }
    public int Requests { get; set; }
    public TimeSpan Duration { get; set; }
    public string JournalPath { get; set; }

    public override string ToString() =>
        $"Undo: {ChannelsRestored} channel(s) restored, {ChannelsAlreadyRestored} already restored, {ChannelsSkipped} skipped, " +
        $"{WebhooksRemoved} webhook(s) removed, {WebhooksKept} kept, {NotUndoable} not undoable, {Failed} failed in {Duration.TotalSeconds:0.0} s";
}
