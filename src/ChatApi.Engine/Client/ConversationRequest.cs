namespace ChatApi.Engine;

/// <summary>
/// What New-ChatConversation sends: the channel, the customer's data, earlier messages and (Chat
/// Gateway) the queue or script it goes to. Set-ChatConversation sends the same shape: a change
/// (PATCH) holds only what changes, a replace (PUT) the whole conversation.
/// </summary>
public sealed class ConversationRequest
{
    public string ChannelId { get; set; }
    public CustomerData Customer { get; } = new CustomerData();
    public List<HistoryMessage> History { get; } = new List<HistoryMessage>();
    /// <summary>queue or script (Chat Gateway); null to leave the channel's queue.</summary>
    public string AssignmentType { get; private set; }
    public string AssignmentId { get; private set; }
    /// <summary>The parameter the assignment came from (QueueId or ScriptId), for errors.</summary>
    public string AssignmentParameter { get; private set; }

    /// <summary>Sets the assignment from -QueueId or -ScriptId; both at once is refused, naming them.</summary>
    public ConversationRequest Assign(string queueId, string scriptId)
    {
        if (queueId != null && scriptId != null)
            throw ChatApiException.InvalidArgument("QueueId", "cannot be given with -ScriptId: a conversation goes to a queue or to a script");
        if (queueId != null) (AssignmentType, AssignmentId, AssignmentParameter) = (ChatValues.Queue, queueId, "QueueId");
        if (scriptId != null) (AssignmentType, AssignmentId, AssignmentParameter) = (ChatValues.Script, scriptId, "ScriptId");
        if (AssignmentParameter != null) ChatRules.Require(AssignmentParameter, ChatRules.CheckNotEmpty(AssignmentId));
        return this;
    }

    /// <summary>Null when the request keeps 8x8's limits (V2's customer limit), else the first broken one as (parameter, rule).</summary>
    public (string Parameter, string Rule)? Check() => Check(Customer.Check());

    /// <summary>The same, with the customer rule of the session's API.</summary>
    internal (string Parameter, string Rule)? Check(string customerRule)
    {
        if (string.IsNullOrWhiteSpace(ChannelId)) return ("ChannelId", "must not be empty");
        if (customerRule != null) return ("Property", customerRule);
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
    /// <summary>A FIQL filter (Chat Gateway), ANDed with the others.</summary>
    public string Filter { get; set; }
    /// <summary>The server's sort (Chat Gateway), e.g. createdAt:desc.</summary>
    public string Sort { get; set; }
}
