namespace ChatApi;

/// <summary>
/// One action of a V1 to V2 migration plan (Get-ChatMigrationPlan). Flat string and int
/// properties only, so a plan goes straight to Export-Csv for a change approval.
/// </summary>
/// <remarks>
/// Action is one of: VerifyUri, CreateWebhook, ReuseWebhook, RepointChannel, UpdateWebhookInPlace,
/// RemoveLegacyWebhook, None (a channel that needs nothing, with the reason).
/// </remarks>
public sealed class MigrationStep
{
    /// <summary>Order of the step in the plan, from 1.</summary>
    public int Step { get; set; }
    public string Strategy { get; set; }
    public string Action { get; set; }
    /// <summary>The channel the step is about; empty for steps about a URI or a webhook.</summary>
    public string ChannelId { get; set; }
    public string ChannelName { get; set; }
    /// <summary>The webhook the channel is on now (or the webhook the step changes or removes).</summary>
    public string FromWebhookId { get; set; }
    /// <summary>The webhook the channel goes to; empty while it does not exist yet (it is created by an earlier step).</summary>
    public string ToWebhookId { get; set; }
    public string Uri { get; set; }
    /// <summary>How many channels the step concerns (a shared webhook serves several).</summary>
    public int Channels { get; set; }
    public string Reason { get; set; }

    public override string ToString()
    {
        string who = string.IsNullOrEmpty(ChannelId) ? Uri : $"channel {ChannelName} ({ChannelId})";
        return $"{Step}. {Action} {who}: {Reason}";
    }
}
