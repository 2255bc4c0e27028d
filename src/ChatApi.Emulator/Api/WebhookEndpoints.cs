using ChatApi.Emulator.Auth;
using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.Api;

/// <summary>The web-hooks resource: list, create, get, replace, delete, verify.</summary>
public static class WebhookEndpoints
{
    public const int MaxNameLength = 256;

    public static void Map(RouteGroupBuilder tenant)
    {
        var group = tenant.MapGroup("/web-hooks");
        group.MapResource(List, Create, Get, Replace, Delete, Scopes.WebhooksRead, Scopes.WebhooksWrite);
        group.MapPost("/verify", Verify).RequireScope(Scopes.WebhooksRead);
    }

    private sealed record WebhookInput(string Name, string Uri, string Version);

    private static IResult List(HttpContext http) => Paging.Answer(http, tenant => tenant.Webhooks.Values.Where(w => WebhookViews.Sees(http, w)).Select(WebhookDto.From));

    /// <summary>Stores the webhook and, as 8x8's guides describe, sends it a WEB_HOOK_VERIFY (in the background; the answer does not wait).</summary>
    private static async Task<IResult> Create(HttpContext http, EmulatorState state, EmulatorOptions options, EventPublisher publisher)
    {
        var (input, problem) = await ReadInput(http.Request);
        if (problem is not null) return problem;
        if (input!.Version == WebhookVersions.V1 && !options.LegacyMode)
            return Problem.BadRequest("version", "v1.0 web hooks can no longer be created; use v2.0");
        var tenant = TenantScope.Of(http);
        var id = state.NextWebhookId();
        var webhook = new Webhook(id.ToString(), input.Name, input.Uri, input.Version, 1);
        lock (tenant.Lock) tenant.Webhooks[id] = webhook;
        if (options.VerifyOnCreate) publisher.PublishVerify(tenant, webhook);
        return Answer(http, webhook);
    }

    /// <summary>Also serves the Gateway's get: a webhook the call's API sees (<see cref="WebhookViews"/>).</summary>
    public static IResult Get(HttpContext http, string id) => TenantResources.Read(http, "WebHook", id, WebhookViews.Finder(http), Answer);

    private static async Task<IResult> Replace(HttpContext http, string id)
    {
        var (input, problem) = await ReadInput(http.Request);
        return TenantResources.Change(http, "WebHook", id, WebhookViews.Finder(http), (tenant, current) =>
        {
            if (problem is not null) return problem;
            if (WebhookVersions.IsGateway(current.Version))
                return Problem.BadRequest("version", $"web hook {id} is a {WebhookVersions.Gateway} web hook; change it through the Chat Gateway");
            if (current.Version == WebhookVersions.V2 && input!.Version == WebhookVersions.V1)
                return Problem.BadRequest("version", "a v2.0 web hook cannot go back to v1.0");
            var replaced = new Webhook(current.Id, input!.Name, input.Uri, input.Version, current.Revision + 1);
            tenant.Webhooks[long.Parse(id)] = replaced;
            return Answer(http, replaced);
        });
    }

    /// <summary>Also serves the Gateway's delete: a webhook the call's API sees, the same rule.</summary>
    public static IResult Delete(HttpContext http, string id) => TenantResources.Change(http, "WebHook", id, WebhookViews.Finder(http), (tenant, _) =>
    {
        var users = tenant.Channels.Values.Where(c => c.WebHookId == id).Select(c => c.Id).ToList();
        if (users.Count > 0)
            return Problem.Conflict($"WebHook {id} is used by channel(s) {string.Join(", ", users)}; point them at another web hook first.");
        tenant.Webhooks.Remove(long.Parse(id));
        return Results.NoContent();
    });

    /// <summary>Sends WEB_HOOK_VERIFY to the URI once, now, and answers 204 only if it answered 2xx.</summary>
    private static async Task<IResult> Verify(HttpContext http, EventPublisher publisher, DeliverySender sender)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return bad;
        var errors = new List<FieldError>();
        var version = JsonBody.StringEither(body!, "version", "notificationVersion", errors);
        var uri = JsonBody.String(body!, "uri", errors);
        FieldRules.CheckVersion(version, errors);
        FieldRules.CheckUri(uri, errors);
        if (errors.Count > 0) return Problem.BadRequest(errors);

        var job = publisher.VerifyJob(TenantScope.Of(http), null, uri!, version!);
        var (status, error) = await sender.SendAsync(job, 0, http.RequestAborted);
        if (status is >= 200 and < 300) return Results.NoContent();
        return Problem.BadRequestMessage(status == 0
            ? $"The web hook URI {uri} could not be reached: {error}"
            : $"The web hook URI {uri} answered {status} to WEB_HOOK_VERIFY; a 2xx answer is needed.");
    }

    private static async Task<(WebhookInput?, Problem?)> ReadInput(HttpRequest request)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(request);
        if (bad is not null) return (null, bad);
        var errors = new List<FieldError>();
        var name = JsonBody.String(body!, "name", errors);
        var uri = JsonBody.String(body!, "uri", errors);
        var version = JsonBody.StringEither(body!, "version", "notificationVersion", errors);
        FieldRules.CheckName(name, MaxNameLength, errors);
        FieldRules.CheckUri(uri, errors);
        FieldRules.CheckVersion(version, errors);
        return errors.Count > 0 ? (null, Problem.BadRequest(errors)) : (new WebhookInput(name!, uri!, version!), null);
    }

    /// <summary>Call under the tenant's lock.</summary>
    public static Webhook? Find(TenantState tenant, string id) =>
        long.TryParse(id, out var key) ? tenant.Webhooks.GetValueOrDefault(key) : null;

    private static IResult Answer(HttpContext http, Webhook webhook) => ETags.Json(http, webhook.Revision, WebhookDto.From(webhook));
}
