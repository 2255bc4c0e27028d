using System.Text.Json;
using ChatApi.Emulator.Api;
using ChatApi.Emulator.Conversations;
using ChatApi.Emulator.Queries;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// <c>/chat-gateway/v1/conversations</c>: create (202), list, get, replace and patch (202), interactions,
/// participants, the user leaving (PATCH participants/user), post-agent assignment (201; the agent leaving
/// then hands the conversation to the webhook, see <see cref="ConversationFlow.AgentLeft"/>) and the
/// typing, thinking and read-receipt indicators (204). The same conversations the V2 paths serve.
/// </summary>
public static class GatewayConversationEndpoints
{
    public const int MaxAdditionalProperties = ChatValues.MaxCustomerProperties;
    private static readonly string[] CreateFields = ["channelId", "user", "assignment", "history"];
    private static readonly string[] ReplaceFields = ["channelId", "user", "assignment"];
    private static readonly string[] PatchFields = ["user", "assignment"];
    private static readonly string[] AssignmentTypes = ["queue", "script"];

    public static readonly ListQuery<Conversation> Query = new(new Dictionary<string, Func<Conversation, string?>>
    {
        ["id"] = c => c.Id, ["channelId"] = c => c.ChannelId, ["state"] = GatewayConversationDto.StateOf,
        ["createdAt"] = c => EmulatorJson.Time(c.StartTime), ["assignment.type"] = c => c.GatewayAssignment.Type, ["assignment.id"] = c => c.GatewayAssignment.Id,
        ["user.name"] = c => c.Customer.GetValueOrDefault("name"), ["user.email"] = c => c.Customer.GetValueOrDefault("email"),
        ["user.userId"] = c => c.Customer.GetValueOrDefault("userId"), ["user.customerId"] = c => c.Customer.GetValueOrDefault("customerId"),
    }, "createdAt:asc");

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup(GatewayPaths.Root + "/conversations");
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapGet("/{id}", (HttpContext http, string id) => With(http, id, c => GatewayJson.Hal(GatewayConversationDto.From(c))));
        group.MapPut("/{id}", Replace);
        group.MapPatch("/{id}", Patch);
        group.MapGet("/{id}/interactions", (HttpContext http, string id) => Paged(http, id, "interactions", c =>
            c.Interactions.Select(i => (object)InteractionDto.From(i)).ToList()));
        group.MapGet("/{id}/participants", (HttpContext http, string id) => Paged(http, id, "participants", c =>
            c.Participants.Select(p => (object)new GatewayParticipantDto(p.Id, p.Type, p.Removed, c.Language)).ToList()));
        group.MapPatch("/{id}/participants/user", UserLeaves);
        group.MapPost("/{id}/post-agent-assignment", PostAgentAssignment);
        group.MapPost("/{id}/typing", (HttpContext http, string id) => Indicator(http, id, body =>
        {
            var errors = Strict(body, ["authorType"]);
            Enum(body, "authorType", ["bot", "user"], required: true, errors);
            return errors;
        }));
        group.MapPost("/{id}/thinking", (HttpContext http, string id) => Indicator(http, id, body =>
        {
            var errors = Strict(body, ["authorType", "maxThinkingTimeSeconds"]);
            Enum(body, "authorType", ["bot"], required: false, errors);
            GatewayJson.Int(body, "maxThinkingTimeSeconds", 1, 600, required: false, errors);
            return errors;
        }, emptyAllowed: true));
        group.MapPost("/{id}/read-receipt", (HttpContext http, string id) => Indicator(http, id, body =>
        {
            var errors = Strict(body, ["authorType", "readAt"]);
            Enum(body, "authorType", ["bot", "user"], required: true, errors);
            GatewayJson.Int(body, "readAt", 0, long.MaxValue, required: true, errors);
            return errors;
        }));
        GatewayMessageEndpoints.Map(group);
        GatewayAttachmentEndpoints.Map(group);
        GatewayCardEndpoints.Map(group);
    }

    private static IResult List(HttpContext http) =>
        GatewayJson.ListAnswer(http, "conversations", Query, t => t.Conversations.Values, GatewayConversationDto.From);

    private static async Task<IResult> Create(HttpContext http, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return GatewayProblems.Adapt(bad);
        var errors = Strict(body!, CreateFields);
        var channelId = RequiredString(body!, "channelId", errors);
        var user = ReadUser(body!, required: true, errors);
        var assignment = ReadAssignment(body!, errors);
        var history = ConversationEndpoints.ReadHistory(body!, errors, ReadHistoryMessage, (h, e) => GatewayJson.RefuseUnknown(h, "history.", ["messages"], e));
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);

        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            if (ChannelEndpoints.FindAny(tenant, channelId!) is not { } channel)
                return GatewayProblems.BadRequest("channelId", $"channel {channelId} does not exist");
            var conversation = flow.Create(tenant, channel, user!.Value.Flat, history, assignment, user.Value.Additional);
            return GatewayJson.Hal(new { conversationId = conversation.Id, createdAt = EmulatorJson.Time(conversation.StartTime) }, 202);
        }
    }

    private static async Task<IResult> Replace(HttpContext http, string id, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return GatewayProblems.Adapt(bad);
        var errors = Strict(body!, ReplaceFields);
        var channelId = RequiredString(body!, "channelId", errors);
        var user = ReadUser(body!, required: true, errors);
        var assignment = ReadAssignment(body!, errors);
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        return With(http, id, c =>
        {
            var tenant = TenantScope.Of(http);
            if (ChannelEndpoints.FindAny(tenant, channelId!) is not { } channel)
                return GatewayProblems.BadRequest("channelId", $"channel {channelId} does not exist");
            c.ChannelId = channel.Id;
            (c.Customer, c.AdditionalProperties) = (user!.Value.Flat, user.Value.Additional);
            var target = assignment ?? ("queue", channel.QueueId);
            if (target != c.GatewayAssignment) flow.Reassign(tenant, c, target.Type, target.Id);
            return GatewayJson.Hal(GatewayConversationDto.From(c), 202);   // the conversation, as 8x8's description answers
        });
    }

    private static async Task<IResult> Patch(HttpContext http, string id, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return GatewayProblems.Adapt(bad);
        var errors = Strict(body!, PatchFields);
        if (body!.Count == 0) errors.Add(new FieldError("assignment", "send assignment, user or both"));
        var user = ReadUser(body, required: false, errors);
        var assignment = ReadAssignment(body, errors);
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        return With(http, id, c =>
        {
            if (user is { } u)
            {
                foreach (var (key, value) in u.Flat) c.Customer[key] = value;
                foreach (var extra in u.Additional)
                {
                    c.AdditionalProperties.RemoveAll(a => a.Key == extra.Key);
                    c.AdditionalProperties.Add(extra);
                }
            }
            if (assignment is { } a) flow.Reassign(TenantScope.Of(http), c, a.Type, a.Id);
            return GatewayJson.Hal(GatewayConversationDto.From(c), 202);   // the conversation, as 8x8's description answers
        });
    }

    private static async Task<IResult> UserLeaves(HttpContext http, string id, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return GatewayProblems.Adapt(bad);
        var errors = Strict(body!, ["removed"]);
        if (body!["removed"] is not JsonValue v || v.GetValueKind() != JsonValueKind.True)
            errors.Add(new FieldError("removed", "must be true (the user leaves)"));
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        return With(http, id, c =>
        {
            flow.CustomerLeaves(TenantScope.Of(http), c);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> PostAgentAssignment(HttpContext http, string id)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return GatewayProblems.Adapt(bad);
        var errors = Strict(body!, ["type", "id", "configuration"]);
        Enum(body!, "type", [ChatValues.WebhookAssignment], required: true, errors);
        var webhookId = RequiredString(body!, "id", errors);
        string? notify = null;
        if (body!["configuration"] is JsonObject configuration)
        {
            errors.AddRange(Strict(configuration, ["notifyChannelWebhookIfExists", "maxTotalMinutes", "userTimeoutInMinutes"], "configuration."));
            notify = JsonBody.String(configuration, "notifyChannelWebhookIfExists", errors);
            GatewayJson.Int(configuration, "maxTotalMinutes", 20, 600, required: false, errors, "configuration.");
            GatewayJson.Int(configuration, "userTimeoutInMinutes", 10, 300, required: false, errors, "configuration.");
        }
        else if (body["configuration"] is not null) errors.Add(new FieldError("configuration", "must be an object"));
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        return With(http, id, c =>
        {
            if (WebhookViews.Finder(http)(TenantScope.Of(http), webhookId!) is null)
                return GatewayProblems.BadRequest("id", $"web hook {webhookId} does not exist");
            c.PostAgentWebhookId = webhookId;
            c.PostAgentNotifiesChannel = string.Equals(notify, "true", StringComparison.OrdinalIgnoreCase);
            return Results.StatusCode(201);
        });
    }

    /// <summary>Checks an indicator's body and answers 204; the emulator plays no agent who would see it.</summary>
    private static async Task<IResult> Indicator(HttpContext http, string id, Func<JsonObject, List<FieldError>> check, bool emptyAllowed = false)
    {
        JsonObject body = [];
        if (!emptyAllowed || http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (parsed, bad) = await JsonBody.ReadObjectAsync(http.Request);
            if (bad is not null) return GatewayProblems.Adapt(bad);
            body = parsed!;
        }
        var errors = check(body);
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        return With(http, id, _ => Results.NoContent());
    }

    /// <summary>Runs <paramref name="action"/> on the conversation under the tenant's lock, or answers 404.</summary>
    public static IResult With(HttpContext http, string id, Func<Conversation, IResult> action) =>
        ConversationEndpoints.WithConversation(http, id, action);

    /// <summary>One page of a conversation's sub-list as HAL.</summary>
    public static IResult Paged(HttpContext http, string id, string name, Func<Conversation, List<object>> items)
    {
        var (page, size, bad) = Paging.Read(http.Request);
        if (bad is not null) return GatewayProblems.Adapt(bad);
        return With(http, id, c => GatewayJson.List(http.Request, name, items(c), page, size));
    }

    public static List<FieldError> Strict(JsonObject body, IReadOnlyCollection<string> allowed, string prefix = "")
    {
        var errors = new List<FieldError>();
        GatewayJson.RefuseUnknown(body, prefix, allowed, errors);
        return errors;
    }

    private static string? RequiredString(JsonObject body, string name, List<FieldError> errors)
    {
        var value = JsonBody.String(body, name, errors);
        if (string.IsNullOrEmpty(value)) errors.Add(new FieldError(name, "must not be empty"));
        return value;
    }

    public static void Enum(JsonObject body, string name, string[] allowed, bool required, List<FieldError> errors, string prefix = "")
    {
        var value = JsonBody.String(body, name, errors);
        if (value is null ? required : !allowed.Contains(value))
            errors.Add(new FieldError(prefix + name, $"must be one of {string.Join(", ", allowed)}"));
    }

    /// <summary>The user object: the predefined fields (strings) and <c>additionalProperties: [{key, value}]</c> (at most 30).</summary>
    private static (Dictionary<string, string> Flat, List<KeyValuePair<string, string>> Additional)? ReadUser(JsonObject body, bool required, List<FieldError> errors)
    {
        if (body["user"] is not JsonObject user)
        {
            if (required || body["user"] is not null) errors.Add(new FieldError("user", "must be an object"));
            return null;
        }
        errors.AddRange(Strict(user, [.. GatewayConversationDto.UserFields, "additionalProperties"], "user."));
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in GatewayConversationDto.UserFields)
            if (JsonBody.String(user, field, errors) is { } value) flat[field] = value;
        var additional = new List<KeyValuePair<string, string>>();
        if (user["additionalProperties"] is JsonArray items)
        {
            if (items.Count > MaxAdditionalProperties)
                errors.Add(new FieldError("user.additionalProperties", $"must have at most {MaxAdditionalProperties} items"));
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"user.additionalProperties[{i}].";
                if (items[i] is not JsonObject item) { errors.Add(new FieldError(path.TrimEnd('.'), "must be an object {key, value}")); continue; }
                errors.AddRange(Strict(item, ["key", "value"], path));
                var key = JsonBody.String(item, "key", errors);
                var value = JsonBody.String(item, "value", errors) ?? "";
                if (string.IsNullOrEmpty(key)) errors.Add(new FieldError(path + "key", "must not be empty"));
                else { additional.Add(KeyValuePair.Create(key, value)); flat[key] = value; }
            }
        }
        else if (user["additionalProperties"] is not null) errors.Add(new FieldError("user.additionalProperties", "must be an array"));
        return (flat, additional);
    }

    private static (string Type, string Id)? ReadAssignment(JsonObject body, List<FieldError> errors)
    {
        if (body["assignment"] is null) return null;
        if (body["assignment"] is not JsonObject assignment) { errors.Add(new FieldError("assignment", "must be an object {type, id}")); return null; }
        errors.AddRange(Strict(assignment, ["type", "id"], "assignment."));
        var type = JsonBody.String(assignment, "type", errors) ?? "queue";
        var id = JsonBody.String(assignment, "id", errors);
        if (!AssignmentTypes.Contains(type)) errors.Add(new FieldError("assignment.type", "must be queue or script"));
        if (string.IsNullOrEmpty(id)) errors.Add(new FieldError("assignment.id", "must not be empty"));
        return (type, id ?? "");
    }

    /// <summary>A history message: one as sent (<see cref="GatewayMessageEndpoints.ReadMessage"/>), or one rehydrated from its provider.</summary>
    private static (string Text, string Type)? ReadHistoryMessage(JsonObject m, string path, List<FieldError> errors) =>
        GatewayMessageEndpoints.ReadMessage(m, path + ".", errors, history: true) is { } message ? (message.Text, message.Type) : null;
}
