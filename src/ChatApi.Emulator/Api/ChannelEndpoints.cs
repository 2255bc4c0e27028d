using ChatApi.Emulator.Auth;
using ChatApi.Emulator.Queries;

namespace ChatApi.Emulator.Api;

/// <summary>The channels resource: list, create, get, replace, delete.</summary>
public static class ChannelEndpoints
{
    public const int MaxNameLength = 255;

    public static void Map(RouteGroupBuilder tenant) =>
        tenant.MapGroup("/channels").MapResource(List, Create, Get, Replace, Delete, Scopes.ChannelsRead, Scopes.ChannelsWrite);

    private sealed record ChannelInput(string Name, string WebHookId, string RoutingType, string QueueId);

    /// <summary>The fields <c>filter</c> and <c>sort</c> may name; the description's own example spells <c>routingOption.id</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Channel, string?>> Fields = new Dictionary<string, Func<Channel, string?>>
    {
        ["id"] = c => c.Id,
        ["name"] = c => c.Name,
        ["webHookId"] = c => c.WebHookId,
        ["routingOptions.type"] = c => c.RoutingType,
        ["routingOptions.id"] = c => c.QueueId,
        ["routingOption.type"] = c => c.RoutingType,
        ["routingOption.id"] = c => c.QueueId,
    };

    public static readonly ListQuery<Channel> Query = new(Fields, "id");

    private static IResult List(HttpContext http)
    {
        var (apply, error) = Query.Read(http.Request);
        return error ?? Paging.Answer(http, tenant => apply!(tenant.Channels.Values.Where(c => c.Type == ChannelTypes.ChatApi)).Select(ChannelDto.From));
    }

    private static async Task<IResult> Create(HttpContext http, EmulatorState state)
    {
        var (input, problem) = await ReadInput(http.Request);
        return problem ?? CreateOnWebhook(http, state, input!.Name, input.WebHookId, input.QueueId, p => p, Answer);
    }

    /// <summary>
    /// Both APIs' create, once the body is read: a ChatAPI channel routed to a queue, on a webhook that must
    /// exist (else the 400 <paramref name="adapt"/> shapes), answered by <paramref name="answer"/>.
    /// </summary>
    public static IResult CreateOnWebhook(HttpContext http, EmulatorState state, string name, string webHookId, string queueId,
        Func<Problem, Problem> adapt, Func<HttpContext, Channel, IResult> answer) =>
        TenantResources.Locked(http, tenant => MissingWebhook(http, tenant, webHookId, null) is { } missing
            ? adapt(missing)
            : answer(http, Add(state, tenant, name, webHookId, queueId)));

    private static IResult Get(HttpContext http, string id) => TenantResources.Read(http, "Channel", id, Find, Answer);

    private static async Task<IResult> Replace(HttpContext http, string id)
    {
        var (input, problem) = await ReadInput(http.Request);
        return TenantResources.Change(http, "Channel", id, Find, (tenant, current) =>
        {
            if (problem is not null) return problem;
            if (MissingWebhook(http, tenant, input!.WebHookId, current) is { } missing) return missing;
            var replaced = new Channel(current.Id, input.Name, input.WebHookId, input.RoutingType, input.QueueId, current.Revision + 1);
            tenant.Channels[long.Parse(id)] = replaced;
            return Answer(http, replaced);
        });
    }

    /// <summary>Removes the channel; its conversations stay readable, with status <c>deleted</c>. Also the Gateway's delete.</summary>
    public static IResult Delete(HttpContext http, string id) => TenantResources.Change(http, "Channel", id, Find, (tenant, _) =>
    {
        tenant.Channels.Remove(long.Parse(id));
        foreach (var conversation in tenant.Conversations.Values.Where(c => c.ChannelId == id))
            conversation.Status = ConversationStatus.Deleted;
        return Results.NoContent();
    });

    private static async Task<(ChannelInput?, Problem?)> ReadInput(HttpRequest request)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(request);
        if (bad is not null) return (null, bad);
        var errors = new List<FieldError>();
        var name = JsonBody.String(body!, "name", errors);
        var webHookId = JsonBody.String(body!, "webHookId", errors);
        FieldRules.CheckName(name, MaxNameLength, errors);
        if (string.IsNullOrEmpty(webHookId)) errors.Add(new FieldError("webHookId", "must not be empty"));
        string? type = null, queueId = null;
        if (body!["routingOptions"] is JsonObject routing)
        {
            type = JsonBody.String(routing, "type", errors) ?? "queue";
            queueId = JsonBody.String(routing, "id", errors);
            if (type != "queue") errors.Add(new FieldError("routingOptions.type", "must be queue"));
            if (string.IsNullOrEmpty(queueId)) errors.Add(new FieldError("routingOptions.id", "must not be empty"));
        }
        else errors.Add(new FieldError("routingOptions", "must be an object {type: \"queue\", id}"));
        return errors.Count > 0 ? (null, Problem.BadRequest(errors)) : (new ChannelInput(name!, webHookId!, type!, queueId!), null);
    }

    /// <summary>
    /// The 400 when the call's API sees no webhook with the id a channel names (<see cref="WebhookViews"/>);
    /// a channel may keep the webhook it has (<paramref name="current"/>) even when its API does not list it.
    /// Call under the tenant's lock.
    /// </summary>
    public static Problem? MissingWebhook(HttpContext http, TenantState tenant, string webHookId, Channel? current) =>
        WebhookViews.Finder(http)(tenant, webHookId) is null && !(current?.WebHookId == webHookId && WebhookEndpoints.Find(tenant, webHookId) is not null)
            ? Problem.BadRequest("webHookId", $"web hook {webHookId} does not exist")
            : null;

    /// <summary>Stores a new ChatAPI channel routed to a queue (both APIs create them so). Call under the tenant's lock.</summary>
    private static Channel Add(EmulatorState state, TenantState tenant, string name, string webHookId, string queueId)
    {
        var id = state.NextChannelId();
        var channel = new Channel(id.ToString(), name, webHookId, "queue", queueId, 1);
        tenant.Channels[id] = channel;
        return channel;
    }

    /// <summary>A ChatAPI channel, as the Chat API V2 sees them. Call under the tenant's lock.</summary>
    public static Channel? Find(TenantState tenant, string id) => FindAny(tenant, id) is { Type: ChannelTypes.ChatApi } c ? c : null;

    /// <summary>A channel of any type, as the Gateway sees them. Call under the tenant's lock.</summary>
    public static Channel? FindAny(TenantState tenant, string id) =>
        long.TryParse(id, out var key) ? tenant.Channels.GetValueOrDefault(key) : null;

    private static IResult Answer(HttpContext http, Channel channel) => ETags.Json(http, channel.Revision, ChannelDto.From(channel));
}
