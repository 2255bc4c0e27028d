namespace ChatApi.Engine;

/// <summary>What New-ChatConversation sends: the channel, the customer's data and earlier messages.</summary>
public sealed class ConversationRequest
{
    public string ChannelId { get; set; }
    public CustomerData Customer { get; } = new CustomerData();
    public List<HistoryMessage> History { get; } = new List<HistoryMessage>();

    /// <summary>Null when the request keeps 8x8's limits, else the first broken one as (parameter, rule).</summary>
    public (string Parameter, string Rule)? Check()
    {
        if (string.IsNullOrWhiteSpace(ChannelId)) return ("ChannelId", "must not be empty");
        if (Customer.Check() is string customer) return ("Property", customer);
        if (CheckHistoryCount(History.Count) is string history) return ("History", history);
        return null;
    }

    public static string CheckHistoryCount(int count) =>
        count <= ChatValues.MaxHistoryMessages ? null : $"a conversation's history holds at most {ChatValues.MaxHistoryMessages} messages (got {count})";
}

/// <summary>One earlier message carried into a new conversation.</summary>
public sealed class HistoryMessage
{
    public HistoryMessage(string text, string type = ChatValues.User)
    {
        Text = text;
        Type = type;
    }

    public string Text { get; }
    /// <summary>user or bot.</summary>
    public string Type { get; }
}

/// <summary>Filters of the conversation list.</summary>
public sealed class ConversationFilter
{
    public string ChannelId { get; set; }
    public string Status { get; set; }
    public string Order { get; set; }
    public string UserId { get; set; }
    public string Email { get; set; }
    /// <summary>customer.&lt;key&gt; filters.</summary>
    public Dictionary<string, string> Customer { get; } = new Dictionary<string, string>();
}
