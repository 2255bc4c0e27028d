namespace ChatApi.Emulator.State;

/// <summary>
/// Conversation statuses: <c>created</c> (no open interaction: the customer or the agent ended it),
/// <c>pending</c> (queued, waiting for an agent), <c>handling</c> (an agent has it),
/// <c>deleted</c> (its channel was deleted; it stays readable).
/// </summary>
public static class ConversationStatus
{
    public const string Created = "created", Pending = "pending", Handling = "handling", Deleted = "deleted";
    public static readonly string[] All = [Created, Pending, Handling, Deleted];
}

/// <summary>Who may write through the API (ExternalAuthorType); agents and the system write only through events.</summary>
public static class AuthorTypes
{
    public static readonly string[] External = ["user", "bot"];
}

public sealed class Interaction
{
    public required string Id { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public DateTimeOffset? EndTime { get; set; }
}

public sealed record Message(string InteractionId, string OriginalText, string TranslatedText, string AuthorType, string ParticipantId);

public sealed record Agent(string Id, string Name);

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
    public required string ChannelId { get; init; }
    /// <summary>Customer data in the order given; values kept as strings.</summary>
    public required Dictionary<string, string> Customer { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required string QueueId { get; init; }
    public string Status { get; set; } = ConversationStatus.Pending;
    public List<Interaction> Interactions { get; } = [];
    public List<Message> Messages { get; } = [];
    public Agent? Agent { get; set; }
    /// <summary>Everyone who joined, in the order they first joined; the customer first.</summary>
    public List<Participant> Participants { get; } = [];

    public Interaction? OpenInteraction => Interactions.Count > 0 && Interactions[^1].EndTime is null ? Interactions[^1] : null;

    /// <summary>The customer's participant id: their customerId when given, else one made from the conversation id.</summary>
    public string CustomerParticipantId => Customer.GetValueOrDefault("customerId") ?? $"customer-{Id}";

    public string Language => Customer.GetValueOrDefault("language") ?? "en";
}
