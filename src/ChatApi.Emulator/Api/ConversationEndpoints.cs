using System.Text.Json;
using ChatApi.Emulator.Auth;
using ChatApi.Emulator.Conversations;

namespace ChatApi.Emulator.Api;

/// <summary>The conversations resource: list with filters, create (202), get, participants, customer leave.</summary>
public static class ConversationEndpoints
{
    public const int MaxCustomerProperties = ChatValues.MaxCustomerProperties, MaxHistory = ChatValues.MaxHistoryMessages;

    public static void Map(RouteGroupBuilder tenant)
    {
        var group = tenant.MapGroup("/conversations");
        group.MapGet("", List).RequireScope(Scopes.ConversationsRead);
        group.MapPost("", Create).RequireScope(Scopes.ConversationsWrite);
        group.MapGet("/{id}", Get).RequireScope(Scopes.ConversationsRead);
        group.MapGet("/{id}/participants", Participants).RequireScope(Scopes.ConversationsRead);
        group.MapDelete("/{id}/participants/customer", CustomerLeaves).RequireScope(Scopes.ConversationsWrite);
        MessageEndpoints.Map(group);
    }

    private static IResult List(HttpContext http)
    {
        var (page, size, error) = Paging.Read(http.Request);
        if (error is not null) return error;
        var query = http.Request.Query;
        var status = query["status"].ToString() is { Length: > 0 } s ? s : ChatValues.AllStatuses;
        var order = query["order"].ToString() is { Length: > 0 } o ? o : "asc";
        var errors = new List<FieldError>();
        if (status != ChatValues.AllStatuses && !ConversationStatus.All.Contains(status))
            errors.Add(new FieldError("status", "must be one of all, created, pending, handling, deleted"));
        if (order is not ("asc" or "desc")) errors.Add(new FieldError("order", "must be asc or desc"));
        if (errors.Count > 0) return Problem.BadRequest(errors);

        var channelId = query["channel-id"].ToString();
        var userId = query["userId"].ToString();
        var customerFilters = query.Where(q => q.Key.StartsWith("customer.", StringComparison.Ordinal))
            .Select(q => (Key: q.Key["customer.".Length..], Value: q.Value.ToString())).ToList();

        var tenant = TenantScope.Of(http);
        List<ConversationDto> all;
        lock (tenant.Lock)
        {
            var matches = tenant.Conversations.Values.Where(c =>
                (channelId.Length == 0 || c.ChannelId == channelId) &&
                (status == ChatValues.AllStatuses || c.Status == status) &&
                (userId.Length == 0 || c.CustomerParticipantId == userId) &&
                customerFilters.All(f => c.Customer.TryGetValue(f.Key, out var v) && string.Equals(v, f.Value, StringComparison.OrdinalIgnoreCase)));
            // Ids grow with creation time, so id order is creation order.
            all = (order == "desc" ? matches.Reverse() : matches).Select(ConversationDto.From).ToList();
        }
        return Results.Json(Paging.Cut(all, page, size));
    }

    private static async Task<IResult> Create(HttpContext http, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return bad;
        var errors = new List<FieldError>();
        var channelId = JsonBody.String(body!, "channelId", errors);
        if (string.IsNullOrEmpty(channelId)) errors.Add(new FieldError("channelId", "must not be empty"));
        var customer = ReadCustomer(body!, errors);
        var history = ReadHistory(body!, errors, ReadHistoryMessage);
        if (errors.Count > 0) return Problem.BadRequest(errors);

        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            if (ChannelEndpoints.Find(tenant, channelId!) is not { } channel)
                return Problem.BadRequest("channelId", $"channel {channelId} does not exist");
            var conversation = flow.Create(tenant, channel, customer!, history);
            return Results.Json(new { conversationId = conversation.Id, timestamp = conversation.StartTime.ToUnixTimeMilliseconds() }, statusCode: 202);
        }
    }

    private static IResult Get(HttpContext http, string id) =>
        WithConversation(http, id, c => Results.Json(ConversationDto.From(c)));

    /// <summary>8x8's description gives <c>participants</c> one object: the customer; <c>--participant-list</c> answers everyone as an array.</summary>
    private static IResult Participants(HttpContext http, string id, EmulatorOptions options) => WithConversation(http, id, c =>
    {
        var list = c.Participants.Select(p => new ParticipantDto(p.Id, p.Type, c.Language, p.Removed)).ToList();
        return options.ParticipantList ? Results.Json(new { participants = list }) : Results.Json(new { participants = list[0] });
    });

    private static IResult CustomerLeaves(HttpContext http, string id, ConversationFlow flow) => WithConversation(http, id, c =>
    {
        flow.CustomerLeaves(TenantScope.Of(http), c);
        return Results.NoContent();
    });

    /// <summary>Runs <paramref name="action"/> on the conversation under the tenant's lock, or answers 404.</summary>
    public static IResult WithConversation(HttpContext http, string id, Func<Conversation, IResult> action)
    {
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            return long.TryParse(id, out var key) && tenant.Conversations.TryGetValue(key, out var c)
                ? action(c) : Problem.NotFound("Conversation", id);
        }
    }

    /// <summary>The customer object, under <c>customer</c> or <c>user</c>; scalar values kept as strings.</summary>
    private static Dictionary<string, string>? ReadCustomer(JsonObject body, List<FieldError> errors)
    {
        var field = body["customer"] is not null ? "customer" : "user";
        if (body[field] is not JsonObject data)
        {
            errors.Add(new FieldError("customer", "must be an object (send it as customer or user)"));
            return null;
        }
        if (data.Count > MaxCustomerProperties)
            errors.Add(new FieldError(field, $"must have at most {MaxCustomerProperties} properties"));
        var customer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            if (value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                customer[key] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
            else if (value is not null)
                errors.Add(new FieldError($"{field}.{key}", "must be a string"));
        }
        return customer;
    }

    /// <summary>
    /// A create's <c>history.messages</c> (at most <see cref="MaxHistory"/>), each message object read by
    /// <paramref name="readMessage"/> with its path; <paramref name="checkHistory"/> may check the history object itself.
    /// </summary>
    public static List<(string Text, string Type)> ReadHistory(JsonObject body, List<FieldError> errors,
        Func<JsonObject, string, List<FieldError>, (string Text, string Type)?> readMessage, Action<JsonObject, List<FieldError>>? checkHistory = null)
    {
        var history = new List<(string, string)>();
        if (body["history"] is null) return history;
        if (body["history"] is not JsonObject h || h["messages"] is not JsonArray messages)
        {
            errors.Add(new FieldError("history.messages", "must be an array"));
            return history;
        }
        checkHistory?.Invoke(h, errors);
        if (messages.Count > MaxHistory) errors.Add(new FieldError("history.messages", $"size must be between 0 and {MaxHistory}"));
        for (var i = 0; i < messages.Count; i++)
        {
            var path = $"history.messages[{i}]";
            if (messages[i] is not JsonObject m) { errors.Add(new FieldError(path, "must be an object")); continue; }
            if (readMessage(m, path, errors) is { } message) history.Add(message);
        }
        return history;
    }

    /// <summary>A V2 history message: <c>{text, type (user | bot)}</c>.</summary>
    private static (string Text, string Type)? ReadHistoryMessage(JsonObject m, string path, List<FieldError> errors)
    {
        var text = JsonBody.String(m, "text", errors);
        var type = JsonBody.String(m, "type", errors) ?? "user";
        if (string.IsNullOrEmpty(text)) errors.Add(new FieldError($"{path}.text", "must not be empty"));
        if (!AuthorTypes.External.Contains(type)) errors.Add(new FieldError($"{path}.type", "must be user or bot"));
        return (text ?? "", type);
    }
}
