namespace ChatApi.Emulator.State;

/// <summary>
/// Conversation statuses: <c>created</c> (no open interaction: the customer or the agent ended it),
/// <c>pending</c> (queued, waiting for an agent), <c>handling</c> (an agent has it),
/// <c>deleted</c> (its channel was deleted; it stays readable).
/// </summary>
public static class ConversationStatus
{
    public const string Created = ChatValues.Created, Pending = ChatValues.Pending, Handling = ChatValues.Handling, Deleted = ChatValues.Deleted;
    public static readonly string[] All = ChatValues.Statuses;
}

/// <summary>Who may write through the API (ExternalAuthorType); agents and the system write only through events.</summary>
public static class AuthorTypes
{
    public static readonly string[] External = ChatValues.AuthorTypes;
}

public sealed class Interaction
{
    public required string Id { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public DateTimeOffset? EndTime { get; set; }
}

/// <summary>A message; <see cref="Id"/> and <see cref="CreatedAt"/> are what the Gateway shows (V2 shows neither).</summary>
public sealed record Message(string InteractionId, string OriginalText, string TranslatedText, string AuthorType, string ParticipantId,
    string Id = "", DateTimeOffset CreatedAt = default, IReadOnlyList<string>? AttachmentIds = null, IReadOnlyList<Card>? Cards = null);

/// <summary>A card in a message (Gateway): its content kept as sent; the flags change on card actions.</summary>
public sealed class Card(string id, string contentType, System.Text.Json.Nodes.JsonNode? content)
{
    public string Id { get; } = id;
    public string ContentType { get; } = contentType;
    public System.Text.Json.Nodes.JsonNode? Content { get; } = content;
    public bool ActionSubmitted { get; set; }
    public bool ActionExecuted { get; set; }
}

public sealed record Agent(string Id, string Name);

/// <summary>
/// A file in a conversation (Gateway attachments), kept in memory with its bytes; <see cref="Token"/> names its pre-signed URL.
/// <see cref="ListedSize"/> is the size its listing shows when a test set one that differs from its bytes (null: their length).
/// </summary>
public sealed record Attachment(string Id, string FileName, string ContentType, byte[] Bytes, DateTimeOffset CreatedAt, string AuthorType, string Token,
    long? ListedSize = null);

/// <summary>Someone who joined the conversation: the customer (<c>user</c>) or an agent; <see cref="Removed"/> once they left.</summary>
public sealed class Participant(string id, string type)
{
    public string Id { get; } = id;
    public string Type { get; } = type;
    public bool Removed { get; set; }
}

/// <summary>A stored conversation. Mutated only under its tenant's lock.</summary>
public sealed class Conversation
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ChannelId { get; set; }
    /// <summary>Customer data in the order given; values kept as strings.</summary>
    public required Dictionary<string, string> Customer { get; set; }
    public required DateTimeOffset StartTime { get; init; }
    /// <summary>The queue (or, through the Gateway, the script) the conversation is assigned to.</summary>
    public required string QueueId { get; set; }
    /// <summary><c>queue</c> or <c>script</c> (the Gateway's assignment type; V2 knows queues only).</summary>
    public string AssignmentType { get; set; } = "queue";
    /// <summary>The Gateway's <c>user.additionalProperties</c> in the order given; also flattened into <see cref="Customer"/> for V2.</summary>
    public List<KeyValuePair<string, string>> AdditionalProperties { get; set; } = [];
    /// <summary>The webhook a bot takes the conversation back on after the agent (Gateway post-agent-assignment).</summary>
    public string? PostAgentWebhookId { get; set; }
    /// <summary>With the post-agent assignment: <c>configuration.notifyChannelWebhookIfExists</c> "true" (the channel's webhook hears the hand-back too).</summary>
    public bool PostAgentNotifiesChannel { get; set; }
    /// <summary>The webhook that has the conversation since its agent left (the post-agent assignment used); null while a queue or script has it.</summary>
    public string? HandedBackTo { get; set; }
    /// <summary>The Gateway's assignment {type, id}: the webhook once handed back, else the queue or script.</summary>
    public (string Type, string Id) GatewayAssignment => HandedBackTo is { } hook ? (ChatValues.WebhookAssignment, hook) : (AssignmentType, QueueId);
    public string Status { get; set; } = ConversationStatus.Pending;
    public List<Interaction> Interactions { get; } = [];
    public List<Message> Messages { get; } = [];
    public List<Attachment> Attachments { get; } = [];
    public Agent? Agent { get; set; }
    /// <summary>Everyone who joined, in the order they first joined; the customer first.</summary>
    public List<Participant> Participants { get; } = [];

    public Interaction? OpenInteraction => Interactions.Count > 0 && Interactions[^1].EndTime is null ? Interactions[^1] : null;

    /// <summary>The customer's participant id: their customerId when given, else one made from the conversation id.</summary>
    public string CustomerParticipantId => Customer.GetValueOrDefault("customerId") ?? $"customer-{Id}";

    public string Language => Customer.GetValueOrDefault("language") ?? "en";
}
