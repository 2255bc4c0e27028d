namespace ChatApi;

/// <summary>A participant of a conversation: the customer, a bot or an agent.</summary>
public sealed class Participant
{
    public string ConversationId { get; set; }
    public string Id { get; set; }
    public string Type { get; set; }
    /// <summary>Whether the participant left the conversation (the Chat Gateway says; Chat API V2 lists present ones only).</summary>
    public bool Removed { get; set; }
    public string Language { get; set; }

    public override string ToString() => $"{Type} {Id}";
}
