namespace ChatApi.Emulator.Gateway;

public sealed record AssignmentDto(string Type, string Id);

/// <summary>A conversation as the Gateway shows it: <c>{id, channelId, assignment, user, state}</c>.</summary>
public sealed record GatewayConversationDto(string Id, string ChannelId, AssignmentDto Assignment, Dictionary<string, object> User, string State, string CreatedAt)
{
    /// <summary>The predefined user fields of the description; any other key travels in <c>additionalProperties</c>.</summary>
    public static readonly string[] UserFields = ["name", "userId", "customerId", "email", "phone", "company", "caseId", "language", "ipaddress", "timezoneOffset"];

    /// <summary>Call under the tenant's lock.</summary>
    public static GatewayConversationDto From(Conversation c)
    {
        var user = new Dictionary<string, object>();
        foreach (var field in UserFields)
            if (c.Customer.TryGetValue(field, out var value)) user[field] = value;
        var extra = c.Customer.Where(p => !UserFields.Contains(p.Key) && c.AdditionalProperties.All(a => a.Key != p.Key))
            .Concat(c.AdditionalProperties).Select(p => new Dictionary<string, string> { ["key"] = p.Key, ["value"] = p.Value }).ToList();
        if (extra.Count > 0) user["additionalProperties"] = extra;
        return new(c.Id, c.ChannelId, new AssignmentDto(c.GatewayAssignment.Type, c.GatewayAssignment.Id), user, StateOf(c), EmulatorJson.Time(c.StartTime));
    }

    /// <summary>
    /// V2's status as the Gateway's state (8x8 does not map them): waiting in a queue is <c>created</c>,
    /// with an agent <c>active</c>, ended or on a deleted channel <c>idle</c>.
    /// </summary>
    public static string StateOf(Conversation c) => c.Status switch
    {
        ConversationStatus.Pending => "created",
        ConversationStatus.Handling => "active",
        _ => "idle",
    };
}

public sealed record GatewayParticipantDto(string Id, string Type, bool Removed, string Language);

public sealed record IdDto(string Id);

public sealed record GatewayMessageDto(string Id, string Text, string CreatedAt, GatewayParticipantDto Author, IReadOnlyList<IdDto>? Attachments, IReadOnlyList<CardDto>? Cards)
{
    /// <summary>Call under the tenant's lock.</summary>
    public static GatewayMessageDto From(Conversation c, Message m) =>
        new(m.Id, m.OriginalText, EmulatorJson.Time(m.CreatedAt),
            new GatewayParticipantDto(m.ParticipantId, m.AuthorType, c.Participants.FirstOrDefault(p => p.Id == m.ParticipantId)?.Removed ?? false, c.Language),
            m.AttachmentIds is { Count: > 0 } a ? a.Select(x => new IdDto(x)).ToList() : null,
            m.Cards is { Count: > 0 } cards ? cards.Select(CardDto.From).ToList() : null);
}
