using ChatApi.Emulator.Api;
using ChatApi.Emulator.Events;
using ChatApi.Emulator.Queries;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// <c>/chat-gateway/v1/webhooks</c>: the tenant's <c>Chat Gateway v1.0</c> webhooks, or with
/// <c>--shared-configuration</c> those of every version (<see cref="WebhookViews"/>); created and replaced
/// here only as <c>Chat Gateway v1.0</c>.
/// </summary>
public static class GatewayWebhookEndpoints
{
    public const int MaxNameLength = 256;
    private static readonly string[] Fields = ["name", "uri", "version", "notificationVersion"];
    private static readonly string[] VerifyFields = ["version", "uri"];

    public static readonly ListQuery<Webhook> Query = new(new Dictionary<string, Func<Webhook, string?>>
    {
        ["id"] = w => w.Id, ["name"] = w => w.Name, ["uri"] = w => w.Uri, ["version"] = w => w.Version,
    }, "id:asc");

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup(GatewayPaths.Root + "/webhooks");
        group.MapResource(List, Create, (HttpContext http, string id) => GatewayJson.AsHal(WebhookEndpoints.Get(http, id)), Replace, WebhookEndpoints.Delete);
        group.MapPost("/verify", Verify);
    }

    private sealed record Input(string Name, string Uri);

    private static IResult List(HttpContext http) => GatewayJson.ListAnswer(http, "webhooks", Query, t => t.Webhooks.Values.Where(w => WebhookViews.Sees(http, w)), WebhookDto.From);

    private static async Task<IResult> Create(HttpContext http, EmulatorState state, EmulatorOptions options, EventPublisher publisher)
    {
        var (input, problem) = await ReadInput(http.Request);
        if (problem is not null) return problem;
        var tenant = TenantScope.Of(http);
        var id = state.NextWebhookId();
        var webhook = new Webhook(id.ToString(), input!.Name, input.Uri, WebhookVersions.Gateway, 1);
        lock (tenant.Lock) tenant.Webhooks[id] = webhook;
        if (options.VerifyOnCreate) publisher.PublishVerify(tenant, webhook);
        return Answer(http, webhook);
    }

    private static async Task<IResult> Replace(HttpContext http, string id)
    {
        var (input, problem) = await ReadInput(http.Request);
        return TenantResources.Change(http, "WebHook", id, WebhookViews.Finder(http), (tenant, current) =>
        {
            if (problem is not null) return problem;
            if (!WebhookVersions.IsGateway(current.Version))
                return GatewayProblems.BadRequest("version",
                    $"web hook {id} is a {current.Version} web hook of the Chat API V2; change it there, or create a {WebhookVersions.Gateway} web hook");
            var replaced = new Webhook(current.Id, input!.Name, input.Uri, WebhookVersions.Gateway, current.Revision + 1);
            tenant.Webhooks[long.Parse(id)] = replaced;
            return Answer(http, replaced);
        }, GatewayProblems.Adapt);
    }

    /// <summary>Sends WEB_HOOK_VERIFY once, now, in the version's format; 204 only when the URI answered 2xx.</summary>
    private static async Task<IResult> Verify(HttpContext http, EventPublisher publisher, DeliverySender sender)
    {
        var (body, errors, bad) = await GatewayJson.ReadStrictAsync(http.Request, VerifyFields);
        if (bad is not null) return bad;
        var version = JsonBody.String(body!, "version", errors);
        var uri = JsonBody.String(body!, "uri", errors);
        FieldRules.CheckVersion(version, errors, WebhookVersions.All);
        FieldRules.CheckUri(uri, errors);
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        var (status, error) = await sender.SendAsync(publisher.VerifyJob(TenantScope.Of(http), null, uri!, version!), 0, http.RequestAborted);
        if (status is >= 200 and < 300) return Results.NoContent();
        return GatewayProblems.Adapt(Problem.BadRequestMessage(status == 0
            ? $"The web hook URI {uri} could not be reached: {error}"
            : $"The web hook URI {uri} answered {status} to WEB_HOOK_VERIFY; a 2xx answer is needed."));
    }

    /// <summary>
    /// name (1..256), uri (absolute http/https) and the version under <c>version</c> or <c>notificationVersion</c>
    /// (the description requires the one and defines the other): at least one, both alike, <c>Chat Gateway v1.0</c>.
    /// </summary>
    private static async Task<(Input?, Problem?)> ReadInput(HttpRequest request)
    {
        var (body, errors, bad) = await GatewayJson.ReadStrictAsync(request, Fields);
        if (bad is not null) return (null, bad);
        var name = JsonBody.String(body!, "name", errors);
        var uri = JsonBody.String(body!, "uri", errors);
        var version = JsonBody.String(body!, "version", errors);
        var notificationVersion = JsonBody.String(body!, "notificationVersion", errors);
        FieldRules.CheckName(name, MaxNameLength, errors);
        FieldRules.CheckUri(uri, errors);
        if (version is not null && notificationVersion is not null && version != notificationVersion)
            errors.Add(new FieldError("notificationVersion", "must equal version when both are sent"));
        FieldRules.CheckVersion(version ?? notificationVersion, errors, [WebhookVersions.Gateway]);
        return errors.Count > 0 ? (null, GatewayProblems.BadRequest(errors)) : (new Input(name!, uri!), null);
    }

    private static IResult Answer(HttpContext http, Webhook webhook) => GatewayJson.AsHal(ETags.Json(http, webhook.Revision, WebhookDto.From(webhook)));
}
