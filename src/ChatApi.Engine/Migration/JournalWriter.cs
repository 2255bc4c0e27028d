namespace ChatApi.Engine.Migration;

/// <summary>The field names of journal entries: one constant each, used by the writer and the reader.</summary>
public static class JournalFields
{
    public const string Strategy = "strategy";
    public const string RemoveLegacyWebhook = "removeLegacyWebhook";
    public const string SkipVerify = "skipVerify";
    public const string TargetVersion = "targetVersion";
    public const string UriMap = "uriMap";
    public const string Resume = "resume";
    public const string UriKey = "uriKey";
    public const string Uri = "uri";
    public const string WebhookId = "webhookId";
    public const string ChannelId = "channelId";
    public const string ChannelName = "channelName";
    public const string From = "from";
    public const string To = "to";
    public const string Error = "error";
    public const string Reconciled = "reconciled";
    public const string Migrated = "migrated";
    public const string Failed = "failed";
    public const string Created = "created";
    public const string Requests = "requests";
}

/// <summary>
/// Writes a migration journal with one typed method per step, so the fields always match what
/// <see cref="JournalState"/> reads. Without a journal (WhatIf) every method does nothing.
/// </summary>
internal sealed class JournalWriter
{
    private readonly MigrationJournal journal;

    public JournalWriter(MigrationJournal journal) { this.journal = journal; }

    private void Write(JournalEntry entry) => journal?.Append(entry);

    private static JournalEntry Entry(string op, bool reconciled = false)
    {
        var entry = new JournalEntry(op);
        return reconciled ? entry.With(JournalFields.Reconciled, "true") : entry;
    }

    private static string Flag(bool value) => value ? "true" : "false";

    public void Run(MigrationOptions options, IList<string> channels, bool resume)
    {
        var entry = Entry(JournalOps.Run).With(JournalFields.Strategy, options.Strategy.ToString())
            .With(JournalFields.RemoveLegacyWebhook, Flag(options.RemoveLegacyWebhook)).With(JournalFields.SkipVerify, Flag(options.SkipVerify))
            .With(JournalFields.TargetVersion, options.Target).With(JournalFields.UriMap, options.MapFingerprint());
        entry.Channels = channels;
        if (resume) entry.With(JournalFields.Resume, "true");
        Write(entry);
    }

    public void RunEnd(MigrationSummary s) => Write(Entry(JournalOps.RunEnd)
        .With(JournalFields.Migrated, Text(s.Migrated)).With(JournalFields.Failed, Text(s.Failed))
        .With(JournalFields.Created, Text(s.WebhooksCreated)).With(JournalFields.Requests, Text(s.Requests)));

    public void Verified(string uriKey, string safeUri) => Write(Entry(JournalOps.Verified).With(JournalFields.UriKey, uriKey).With(JournalFields.Uri, safeUri));

    public void VerifyFailed(string uriKey, string safeUri, string error) =>
        Write(Entry(JournalOps.VerifyFailed).With(JournalFields.UriKey, uriKey).With(JournalFields.Uri, safeUri).With(JournalFields.Error, error));

    public void CreateStarted(string uriKey, string safeUri) => Write(Entry(JournalOps.CreateStarted).With(JournalFields.UriKey, uriKey).With(JournalFields.Uri, safeUri));

    public void WebhookCreated(string uriKey, string webhookId, string safeUri, bool reconciled = false) =>
        Write(Entry(JournalOps.WebhookCreated, reconciled).With(JournalFields.UriKey, uriKey).With(JournalFields.WebhookId, webhookId).With(JournalFields.Uri, safeUri));

    public void WebhookReused(string uriKey, string webhookId) => Write(Entry(JournalOps.WebhookReused).With(JournalFields.UriKey, uriKey).With(JournalFields.WebhookId, webhookId));

    public void RepointStarted(string channelId, string channelName, string from, string to) => Write(Move(JournalOps.RepointStarted, channelId, channelName, from, to, false));

    public void Repointed(string channelId, string channelName, string from, string to, bool reconciled = false) =>
        Write(Move(JournalOps.Repointed, channelId, channelName, from, to, reconciled));

    public void RepointFailed(string channelId, string error) => Write(Entry(JournalOps.RepointFailed).With(JournalFields.ChannelId, channelId).With(JournalFields.Error, error));

    public void SwitchStarted(string webhookId, string uriKey) => Write(Entry(JournalOps.SwitchStarted).With(JournalFields.WebhookId, webhookId).With(JournalFields.UriKey, uriKey));

    public void Switched(string webhookId, string uriKey, bool reconciled = false) =>
        Write(Entry(JournalOps.Switched, reconciled).With(JournalFields.WebhookId, webhookId).With(JournalFields.UriKey, uriKey));

    public void LegacyRemoveStarted(string webhookId) => Write(Entry(JournalOps.LegacyRemoveStarted).With(JournalFields.WebhookId, webhookId));

    public void LegacyRemoved(string webhookId, bool reconciled = false) => Write(Entry(JournalOps.LegacyRemoved, reconciled).With(JournalFields.WebhookId, webhookId));

    public void Undo() => Write(Entry(JournalOps.Undo));

    public void UndoRestored(string channelId, string from, string to) => Write(Move(JournalOps.UndoRestored, channelId, null, from, to, false));

    public void UndoRemoved(string webhookId) => Write(Entry(JournalOps.UndoRemoved).With(JournalFields.WebhookId, webhookId));

    public void UndoEnd() => Write(Entry(JournalOps.UndoEnd));

    private static JournalEntry Move(string op, string channelId, string channelName, string from, string to, bool reconciled) =>
        Entry(op).With(JournalFields.ChannelId, channelId).With(JournalFields.ChannelName, channelName).With(JournalFields.From, from).With(JournalFields.To, to)
            .With(JournalFields.Reconciled, reconciled ? "true" : null);

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
