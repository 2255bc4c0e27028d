namespace ChatApi.Completers;

/// <summary>
/// Completes -Name from the session's names: the inserted text is the name with its wildcard
/// characters escaped (a completed name matches that name only), in single quotes when needed.
/// </summary>
internal static class NameCandidate
{
    public static IdCandidate Of(string name, string tip)
    {
        string text = WildcardPattern.Escape(name ?? string.Empty);
        bool quote = text.Length == 0 || text.IndexOfAny(new[] { ' ', '\'', '"', ',', ';', '(', ')', '{', '}', '$', '@', '#', '&', '|', '`' }) >= 0;
        return new IdCandidate(quote ? "'" + text.Replace("'", "''") + "'" : text, name, tip);
    }
}

/// <summary>Completes webhook names (Get-ChatWebhook -Name).</summary>
public sealed class WebhookNameCompleter : ResourceIdCompleter
{
    protected override string Kind => "webhook-name";

    protected override Task<IReadOnlyList<IdCandidate>> FetchAsync(ChatApiClient client, int max, CallContext ctx) =>
        Collect<Webhook>(emit => client.ListWebhooksAsync(null, max, 0, emit, ctx), w => NameCandidate.Of(w.Name, $"webhook {w.Id} ({w.Version}) {w.Uri}"));
}

/// <summary>Completes channel names (Get-ChatChannel -Name).</summary>
public sealed class ChannelNameCompleter : ResourceIdCompleter
{
    protected override string Kind => "channel-name";

    protected override Task<IReadOnlyList<IdCandidate>> FetchAsync(ChatApiClient client, int max, CallContext ctx) =>
        Collect<Channel>(emit => client.ListChannelsAsync(null, max, 0, emit, ctx), c => NameCandidate.Of(c.Name, $"channel {c.Id} (webhook {c.WebhookId}, queue {c.QueueId})"));
}
