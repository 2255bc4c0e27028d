using System.Security.Cryptography;
using System.Text;
using ChatApi.Emulator.Api;
using ChatApi.Emulator.Auth;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// Every <c>/chat-gateway/v1</c> call but the key needs <c>x-api-key</c> (401 otherwise). The tenant is
/// <c>X-8x8-Tenant</c>, which may be left out when the key serves one tenant only; a tenant the key
/// does not serve is 403. The key is kept (as <c>gateway:KEY</c>) for rate limiting and idempotency.
/// </summary>
public sealed class GatewayAuthMiddleware(RequestDelegate next, EmulatorOptions options, EmulatorState state)
{
    public const string KeyHeader = "x-api-key", TenantHeader = "X-8x8-Tenant";

    /// <summary>The only query parameters the description defines (on its lists); any other is refused.</summary>
    public static readonly string[] QueryParameters = ["page", "size", "sort", "filter"];

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[KeyHeader].ToString();
        var key = given.Length == 0 ? null : options.GatewayKeys.FirstOrDefault(k =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.Key), Encoding.UTF8.GetBytes(given)));
        if (key is null)
        {
            await GatewayProblems.Unauthorized().ExecuteAsync(context);
            return;
        }
        var served = state.Tenants.Where(t => key.Serves(t.TenantId)).ToList();
        var named = context.Request.Headers[TenantHeader].ToString();
        if (named.Length == 0 && GatewayPaths.IsCardAction(context.Request.Path))
            named = context.Request.Path.Value!.Split('/')[4];   // /api/v1/tenant/{tenantId}/...
        TenantState? tenant;
        if (named.Length > 0) tenant = served.FirstOrDefault(t => t.TenantId == named);
        else tenant = served.Count == 1 ? served[0] : null;
        if (tenant is null)
        {
            var why = named.Length > 0
                ? $"Header {TenantHeader} doesn't match tenant information for this API key: {named}"
                : $"Header {TenantHeader} is required: this API key serves {served.Count} tenants";
            await GatewayProblems.Forbidden(why).ExecuteAsync(context);
            return;
        }
        if (context.Request.Query.Keys.Where(k => !QueryParameters.Contains(k)).ToList() is { Count: > 0 } unknown)
        {
            await GatewayProblems.BadRequest(unknown.Select(k => new Http.FieldError(k, "is not a query parameter of the Chat Gateway")).ToList()).ExecuteAsync(context);
            return;
        }
        TenantScope.Set(context, tenant);
        context.Items[BearerAuthMiddleware.ApiKeyItem] = "gateway:" + key.Key;
        await next(context);
    }
}
