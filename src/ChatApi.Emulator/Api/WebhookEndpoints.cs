using System.Text.Json.Nodes;
using ChatApi.Emulator.Events;
using ChatApi.Emulator.Http;
using ChatApi.Emulator.Options;
using ChatApi.Emulator.State;

namespace ChatApi.Emulator.Api;

/// <summary>The web-hooks resource: list, create, get, replace, delete, verify.</summary>
public static class WebhookEndpoints
{
    public const int MaxNameLength = 256;

    public static void Map(RouteGroupBuilder tenant)
    {
        var group = tenant.MapGroup("/web-hooks");
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapPost("/verify", Verify);
        group.MapGet("/{id}", Get);
        group.MapPut("/{id}", Replace);
        group.MapDelete("/{id}", Delete);
    }

    private sealed record WebhookInput(string Name, string Uri, string Version);

    private static IResult List(HttpContext http) => Paging.Answer(http, tenant => tenant.Webhooks.Values.Select(WebhookDto.From));

    private static async Task<IResult> Create(HttpContext http, EmulatorState state, EmulatorOptions options)
    {
        var (input, problem) = await ReadInput(http.Request);
        if (problem is not null) return problem;
        if (input!.Version == ChatValues.V1 && !options.LegacyMode)
            return Problem.BadRequest("version", "v1.0 web hooks can no longer be created; use v2.0");
        var tenant = TenantScope.Of(http);
        var id = state.NextWebhookId();
        var webhook = new Webhook(id.ToString(), input.Name, input.Uri, input.Version, 1);
        lock (tenant.Lock) tenant.Webhooks[id] = webhook;
        return Answer(http, webhook);
    }

    private static IResult Get(HttpContext http, string id)
    {
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            return Find(tenant, id) is { } webhook ? Answer(http, webhook) : Problem.NotFound("WebHook", id);
        }
    }

    private static async Task<IResult> Replace(HttpContext http, string id)
    {
        var (input, problem) = await ReadInput(http.Request);
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            if (Find(tenant, id) is not { } current) return Problem.NotFound("WebHook", id);
            if (ETags.Check(http.Request, current.Revision) is { } stale) return stale;
            if (problem is not null) return problem;
            if (current.Version == ChatValues.V2 && input!.Version == ChatValues.V1)
                return Problem.BadRequest("version", "a v2.0 web hook cannot go back to v1.0");
            var replaced = new Webhook(current.Id, input!.Name, input.Uri, input.Version, current.Revision + 1);
            tenant.Webhooks[long.Parse(id)] = replaced;
            return Answer(http, replaced);
        }
    }

    private static IResult Delete(HttpContext http, string id)
    {
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            if (Find(tenant, id) is not { } current) return Problem.NotFound("WebHook", id);
            if (ETags.Check(http.Request, current.Revision) is { } stale) return stale;
            var users = tenant.Channels.Values.Where(c => c.WebHookId == id).Select(c => c.Id).ToList();
            if (users.Count > 0)
                return Problem.Conflict($"WebHook {id} is used by channel(s) {string.Join(", ", users)}; point them at another web hook first.");
            tenant.Webhooks.Remove(long.Parse(id));
            return Results.NoContent();
        }
    }

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

        var job = publisher.Job(TenantScope.Of(http), null, uri!, version!, EventTypes.WebHookVerify, null,
            [KeyValuePair.Create<string, JsonNode?>("notificationVersion", version)]);
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

    private static IResult Answer(HttpContext http, Webhook webhook) => ETags.Json(http.Response, webhook.Revision, WebhookDto.From(webhook));
}
