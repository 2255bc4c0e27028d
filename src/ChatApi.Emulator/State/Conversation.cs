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

public sealed record Message(string InteractionId, string OriginalText, string TranslatedText, string AuthorType, string ParticipantId);

public sealed record Agent(string Id, string Name);

/// <summary>A stored conversation. Mutated only under its tenant's lock.</summary>
public sealed class Conversation
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ChannelId { get; init; }
    /// <summary>Customer data in the order given; values kept as strings.</summary>
    public required Dictionary<string, string> Customer { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required string QueueId { get; init; }
    public string Status { get; set; } = ConversationStatus.Pending;
    public List<Interaction> Interactions { get; } = [];
    public List<Message> Messages { get; } = [];
    public Agent? Agent { get; set; }
    public bool CustomerPresent { get; set; } = true;

    public Interaction? OpenInteraction => Interactions.Count > 0 && Interactions[^1].EndTime is null ? Interactions[^1] : null;

    /// <summary>The customer's participant id: their customerId when given, else one made from the conversation id.</summary>
    public string CustomerParticipantId => Customer.GetValueOrDefault("customerId") ?? $"customer-{Id}";

    public string Language => Customer.GetValueOrDefault("language") ?? "en";
}
