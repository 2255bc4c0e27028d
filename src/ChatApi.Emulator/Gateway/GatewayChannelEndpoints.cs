using ChatApi.Emulator.Api;
using ChatApi.Emulator.Queries;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// <c>/chat-gateway/v1/channels</c>: every channel of the tenant, with its <c>type</c>; only <c>ChatAPI</c>
/// channels can be created or replaced. The same channels the V2 paths serve (those see ChatAPI ones only).
/// </summary>
public static class GatewayChannelEndpoints
{
    public const int MaxNameLength = 255;
    private static readonly string[] Fields = ["name", "type", "webHookId", "routingOptions"];
    private static readonly string[] RoutingFields = ["type", "id"];

    /// <summary>V2's channel fields and <c>type</c>.</summary>
    public static readonly ListQuery<Channel> Query =
        new(new Dictionary<string, Func<Channel, string?>>(ChannelEndpoints.Fields) { ["type"] = c => c.Type }, "id:asc");

    public static void Map(WebApplication app) =>
        app.MapGroup(GatewayPaths.Root + "/channels").MapResource(List, Create, Get, Replace, ChannelEndpoints.Delete);

    private sealed record Input(string Name, string WebHookId, string QueueId);

    private static IResult List(HttpContext http) => GatewayJson.ListAnswer(http, "channels", Query, t => t.Channels.Values, GatewayChannelDto.From);

    private static async Task<IResult> Create(HttpContext http, EmulatorState state)
    {
        var (input, problem) = await ReadInput(http.Request);
        return problem ?? ChannelEndpoints.CreateOnWebhook(http, state, input!.Name, input.WebHookId, input.QueueId, GatewayProblems.Adapt, Answer);
    }

    private static IResult Get(HttpContext http, string id) => TenantResources.Read(http, "Channel", id, ChannelEndpoints.FindAny, Answer);

    private static async Task<IResult> Replace(HttpContext http, string id)
    {
        var (input, problem) = await ReadInput(http.Request);
        return TenantResources.Change(http, "Channel", id, ChannelEndpoints.FindAny, (tenant, current) =>
        {
            if (problem is not null) return problem;
            if (current.Type != ChannelTypes.ChatApi)
                return GatewayProblems.BadRequest("type", $"channel {id} is a {current.Type} channel; only ChatAPI channels can be changed through the API");
            if (ChannelEndpoints.MissingWebhook(http, tenant, input!.WebHookId, current) is { } missing) return GatewayProblems.Adapt(missing);
            var replaced = current with { Name = input.Name, WebHookId = input.WebHookId, QueueId = input.QueueId, Revision = current.Revision + 1 };
            tenant.Channels[long.Parse(id)] = replaced;
            return Answer(http, replaced);
        }, GatewayProblems.Adapt);
    }

    /// <summary>name (1..255), type (ChatAPI when given), webHookId, routingOptions {type: queue, id}; nothing else.</summary>
    private static async Task<(Input?, Problem?)> ReadInput(HttpRequest request)
    {
        var (body, errors, bad) = await GatewayJson.ReadStrictAsync(request, Fields);
        if (bad is not null) return (null, bad);
        var name = JsonBody.String(body!, "name", errors);
        var type = JsonBody.String(body!, "type", errors);
        var webHookId = JsonBody.String(body!, "webHookId", errors);
        FieldRules.CheckName(name, MaxNameLength, errors);
        if (type is not null && type != ChannelTypes.ChatApi) errors.Add(new FieldError("type", "only ChatAPI channels can be created"));
        if (string.IsNullOrEmpty(webHookId)) errors.Add(new FieldError("webHookId", "must not be empty"));
        string? queueId = null;
        if (body!["routingOptions"] is JsonObject routing)
        {
            GatewayJson.RefuseUnknown(routing, "routingOptions.", RoutingFields, errors);
            var routingType = JsonBody.String(routing, "type", errors);
            queueId = JsonBody.String(routing, "id", errors);
            if (routingType != "queue") errors.Add(new FieldError("routingOptions.type", "must be queue"));
            if (string.IsNullOrEmpty(queueId)) errors.Add(new FieldError("routingOptions.id", "must not be empty"));
        }
        else errors.Add(new FieldError("routingOptions", "must be an object {type: \"queue\", id}"));
        return errors.Count > 0 ? (null, GatewayProblems.BadRequest(errors)) : (new Input(name!, webHookId!, queueId!), null);
    }

    private static IResult Answer(HttpContext http, Channel channel) => GatewayJson.AsHal(ETags.Json(http, channel.Revision, GatewayChannelDto.From(channel)));
}
