using System.Text.Json.Nodes;
using ChatApi.Emulator.Api;
using ChatApi.Emulator.Http;
using ChatApi.Emulator.Queries;
using ChatApi.Emulator.State;

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

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup(GatewayPaths.Root + "/channels");
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapGet("/{id}", Get);
        group.MapPut("/{id}", Replace);
        group.MapDelete("/{id}", ChannelEndpoints.Delete);
    }

    private sealed record Input(string Name, string WebHookId, string QueueId);

    private static IResult List(HttpContext http) => GatewayJson.ListAnswer(http, "channels", Query, t => t.Channels.Values, GatewayChannelDto.From);

    private static async Task<IResult> Create(HttpContext http, EmulatorState state)
    {
        var (input, problem) = await ReadInput(http.Request);
        if (problem is not null) return problem;
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            if (MissingWebhook(tenant, input!) is { } missing) return missing;
            return Answer(http, ChannelEndpoints.Add(state, tenant, input!.Name, input.WebHookId, input.QueueId));
        }
    }

    private static IResult Get(HttpContext http, string id)
    {
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            return ChannelEndpoints.FindAny(tenant, id) is { } channel ? Answer(http, channel) : Problem.NotFound("Channel", id);
        }
    }

    private static async Task<IResult> Replace(HttpContext http, string id)
    {
        var (input, problem) = await ReadInput(http.Request);
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            if (ChannelEndpoints.FindAny(tenant, id) is not { } current) return Problem.NotFound("Channel", id);
            if (ETags.Check(http.Request, current.Revision) is { } stale) return GatewayProblems.Adapt(stale);
            if (problem is not null) return problem;
            if (current.Type != ChannelTypes.ChatApi)
                return GatewayProblems.BadRequest("type", $"channel {id} is a {current.Type} channel; only ChatAPI channels can be changed through the API");
            if (MissingWebhook(tenant, input!) is { } missing) return missing;
            var replaced = current with { Name = input!.Name, WebHookId = input.WebHookId, QueueId = input.QueueId, Revision = current.Revision + 1 };
            tenant.Channels[long.Parse(id)] = replaced;
            return Answer(http, replaced);
        }
    }

    /// <summary>name (1..255), type (ChatAPI when given), webHookId, routingOptions {type: queue, id}; nothing else.</summary>
    private static async Task<(Input?, Problem?)> ReadInput(HttpRequest request)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(request);
        if (bad is not null) return (null, GatewayProblems.Adapt(bad));
        var errors = new List<FieldError>();
        GatewayJson.RefuseUnknown(body!, "", Fields, errors);
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

    /// <summary>Call under the tenant's lock.</summary>
    private static Problem? MissingWebhook(TenantState tenant, Input input) =>
        WebhookEndpoints.Find(tenant, input.WebHookId) is null ? GatewayProblems.BadRequest("webHookId", $"web hook {input.WebHookId} does not exist") : null;

    private static IResult Answer(HttpContext http, Channel channel) => GatewayJson.AsHal(ETags.Json(http, channel.Revision, GatewayChannelDto.From(channel)));
}
