using ChatApi.Emulator.Gateway;

namespace ChatApi.Emulator.State;

/// <summary>
/// Which webhooks a call sees (Assumptions.cs). By default each API sees the versions its contract gives
/// a webhook: the V2 paths v1.0 and v2.0 webhooks, the Gateway paths Chat Gateway v1.0 ones; a channel
/// may still point at a webhook its API does not list. With <c>--shared-configuration</c> both see every webhook.
/// </summary>
public static class WebhookViews
{
    public static bool IsGatewayCall(HttpContext http) => http.Request.Path.StartsWithSegments(GatewayPaths.Root);

    /// <summary>Whether the call's API lists, reads, changes and deletes <paramref name="webhook"/>.</summary>
    public static bool Sees(HttpContext http, Webhook webhook) =>
        http.RequestServices.GetRequiredService<EmulatorOptions>().SharedConfiguration
        || WebhookVersions.IsGateway(webhook.Version) == IsGatewayCall(http);

    /// <summary>The webhook the id names, when the call's API sees it. Call under the tenant's lock.</summary>
    public static Func<TenantState, string, Webhook?> Finder(HttpContext http) =>
        (tenant, id) => Api.WebhookEndpoints.Find(tenant, id) is { } webhook && Sees(http, webhook) ? webhook : null;
}
