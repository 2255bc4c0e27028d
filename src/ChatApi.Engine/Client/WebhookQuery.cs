namespace ChatApi.Engine;

/// <summary>
/// What a webhook list asks for. <see cref="Filter"/> (FIQL) and <see cref="Sort"/> go to the server
/// (the Gateway's list takes them, V2's does not); <see cref="Version"/> and <see cref="Name"/> are
/// matched on this side, on any server.
/// </summary>
public sealed class WebhookQuery
{
    public string Version { get; set; }
    public NamePattern Name { get; set; }
    public string Filter { get; set; }
    public string Sort { get; set; }
    /// <summary>Fill each webhook's ChannelCount (one more list: every channel).</summary>
    public bool WithChannelCount { get; set; }
    /// <summary>Only the webhooks no channel uses (reads every channel too).</summary>
    public bool Unused { get; set; }

    public bool Matches(Webhook w) => (Version == null || w.Version == Version) && (Name == null || Name.Matches(w.Name));

    public void Check()
    {
        if (Filter != null) ChatRules.Require("Filter", ChatRules.CheckNotEmpty(Filter));
        if (Sort != null) ChatRules.Require("Sort", ChatRules.CheckNotEmpty(Sort));
    }
}
