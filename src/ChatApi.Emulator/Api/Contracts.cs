namespace ChatApi.Emulator.Api;

/// <summary>A webhook on the wire; the version is sent under both names the spec uses.</summary>
public sealed record WebhookDto(string Id, string Name, string Uri, string Version, string NotificationVersion)
{
    public static WebhookDto From(Webhook w) => new(w.Id, w.Name, w.Uri, w.Version, w.Version);
}

public sealed record RoutingOptionsDto(string Type, string Id);

public sealed record ChannelDto(string Id, string Name, string WebHookId, RoutingOptionsDto RoutingOptions)
{
    public static ChannelDto From(Channel c) => new(c.Id, c.Name, c.WebHookId, new RoutingOptionsDto(c.RoutingType, c.QueueId));
}

/// <summary>An interaction as both descriptions type it: <c>startTime</c>/<c>endTime</c> are <c>format: date</c>, so days.</summary>
public sealed record InteractionDto(string Id, string StartTime, string? EndTime)
{
    public static InteractionDto From(Interaction i) => new(i.Id, EmulatorJson.Date(i.StartTime), i.EndTime is { } end ? EmulatorJson.Date(end) : null);
}

/// <summary>A conversation on the wire; the customer data is sent under both <c>customer</c> and <c>user</c>.</summary>
public sealed record ConversationDto(string Id, string ChannelId, IReadOnlyDictionary<string, string> Customer,
    IReadOnlyDictionary<string, string> User, string StartTime, string Status, IReadOnlyList<InteractionDto> Interactions)
{
    /// <summary>Call under the tenant's lock.</summary>
    public static ConversationDto From(Conversation c)
    {
        var customer = new Dictionary<string, string>(c.Customer);
        return new(c.Id, c.ChannelId, customer, customer, EmulatorJson.Time(c.StartTime), c.Status,
            c.Interactions.Select(InteractionDto.From).ToList());
    }
}

public sealed record MessageDto(string InteractionId, string OriginalText, string TranslatedText, string AuthorType, string ParticipantId)
{
    public static MessageDto From(Message m) => new(m.InteractionId, m.OriginalText, m.TranslatedText, m.AuthorType, m.ParticipantId);
}

/// <summary>A participant; <c>removed</c> (the Gateway's name; V2's description has no field for it) says they left.</summary>
public sealed record ParticipantDto(string Id, string Type, string Language, bool Removed);
