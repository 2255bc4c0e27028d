namespace ChatApi.Engine;

/// <summary>
/// What a channel list asks for. <see cref="Filter"/> (FIQL) and <see cref="Sort"/> go to the
/// server's <c>filter</c> and <c>sort</c>; <see cref="Name"/> goes there too, as a FIQL <c>name</c>
/// comparison, and is matched exactly on this side; <see cref="WebhookId"/> is matched on this side.
/// </summary>
public sealed class ChannelQuery
{
    /// <summary>The channel field a -Name pattern is compared with on the server.</summary>
    public const string NameField = "name";

    public string WebhookId { get; set; }
    public string Filter { get; set; }
    public string Sort { get; set; }
    public NamePattern Name { get; set; }
    /// <summary>Read the webhook list too (one more list, not a call per channel) and fill each channel's WebhookVersion.</summary>
    public bool WithWebhookVersion { get; set; }

    /// <summary>The server's <c>filter</c>: the user's filter AND the name comparison (the filter in parentheses, since , binds looser than ;).</summary>
    public string ServerFilter
    {
        get
        {
            string name = Name?.ToFiql(NameField);
            if (string.IsNullOrEmpty(Filter)) return name;
            return name == null ? Filter : $"({Filter});{name}";
        }
    }

    /// <summary>The test made on this side, or null when the server's answer is taken as it is.</summary>
    public Func<Channel, bool> Where
    {
        get
        {
            if (WebhookId == null && Name == null) return null;
            return c => (WebhookId == null || c.WebhookId == WebhookId) && (Name == null || Name.Matches(c.Name));
        }
    }

    public void Check()
    {
        if (Filter != null) ChatRules.Require("Filter", ChatRules.CheckNotEmpty(Filter));
        if (Sort != null) ChatRules.Require("Sort", ChatRules.CheckNotEmpty(Sort));
    }
}
