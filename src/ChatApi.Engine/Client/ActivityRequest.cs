namespace ChatApi.Engine;

/// <summary>An activity indicator of a Chat Gateway conversation: typing, thinking (a bot's) or a read receipt.</summary>
public sealed class ActivityRequest
{
    public ActivityRequest(string kind, string authorType)
    {
        Kind = kind;
        AuthorType = authorType ?? (kind == ChatValues.Thinking ? ChatValues.Bot : ChatValues.User);
    }

    /// <summary>typing, thinking or read-receipt.</summary>
    public string Kind { get; }
    public string AuthorType { get; }
    /// <summary>Thinking: how long at most, in seconds (8x8's default 60 when not given).</summary>
    public int? MaxThinkingSeconds { get; set; }
    /// <summary>Read receipt: everything up to this time was read.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Null when it keeps 8x8's rules, else (parameter, rule).</summary>
    public (string Parameter, string Rule)? Check()
    {
        if (Kind != ChatValues.Typing && Kind != ChatValues.Thinking && Kind != ChatValues.ReadReceipt)
            return ("Kind", $"must be {ChatValues.Typing}, {ChatValues.Thinking} or {ChatValues.ReadReceipt}");
        if (Kind == ChatValues.Thinking && AuthorType != ChatValues.Bot) return ("AuthorType", "must be bot: only a bot thinks (8x8's thinking indicator)");
        if (ChatRules.CheckAuthorType(AuthorType) is string author) return ("AuthorType", author);
        if (ChatRules.CheckRange(MaxThinkingSeconds, ChatValues.MinThinkingSeconds, ChatValues.MaxThinkingSeconds) is string max) return ("MaxThinkingTime", max);
        if (Kind == ChatValues.ReadReceipt && ReadAt == null) return ("ReadAt", "must be given for a read receipt");
        return null;
    }
}

/// <summary>After the agent, the conversation goes back to a bot's webhook (Chat Gateway post-agent assignment).</summary>
public sealed class PostAgentAssignment
{
    public string WebhookId { get; set; }
    /// <summary>Whether the channel's own webhook also hears the conversation, if it has one.</summary>
    public bool? NotifyChannelWebhook { get; set; }
    /// <summary>The conversation ends when this many minutes passed.</summary>
    public int? MaxTotalMinutes { get; set; }
    /// <summary>The conversation ends when the user does not answer the bot's last message within this many minutes.</summary>
    public int? UserTimeoutMinutes { get; set; }

    public (string Parameter, string Rule)? Check()
    {
        if (ChatRules.CheckNotEmpty(WebhookId) is string id) return ("WebhookId", id);
        if (ChatRules.CheckRange(MaxTotalMinutes, ChatValues.MinPostAgentTotalMinutes, ChatValues.MaxPostAgentTotalMinutes) is string total) return ("MaxTotalMinutes", total);
        if (ChatRules.CheckRange(UserTimeoutMinutes, ChatValues.MinPostAgentUserTimeoutMinutes, ChatValues.MaxPostAgentUserTimeoutMinutes) is string user) return ("UserTimeoutMinutes", user);
        return null;
    }
}
