namespace ChatApi.Emulator.Api;

/// <summary>
/// Resolves <c>{region}</c> and <c>{tenant}</c> for every tenant route: an unknown region is a 404,
/// a tenant that is unknown or lives in another region a 403 (ForbiddenViolationProblem).
/// </summary>
public static class TenantScope
{
    private const string Item = "emulator.tenant";

    public static RouteGroupBuilder MapTenantGroup(this WebApplication app) =>
        (RouteGroupBuilder)app.MapGroup("/vcc/{region}/chat/v2/tenant/{tenant}").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (RegionProblem(http) is { } regionProblem) return regionProblem;
            var tenantId = (string)http.Request.RouteValues["tenant"]!;
            var region = (string)http.Request.RouteValues["region"]!;
            var tenant = http.RequestServices.GetRequiredService<EmulatorState>().Find(tenantId);
            if (tenant is null || tenant.Region != region)
                return Problem.Forbidden(tenantId);
            http.Items[Item] = tenant;
            return await next(context);
        });

    /// <summary>A 404 problem when the path's region is not one of us, eu, ca, ap.</summary>
    public static Problem? RegionProblem(HttpContext http)
    {
        var region = (string)http.Request.RouteValues["region"]!;
        return EmulatorOptions.Regions.Contains(region) ? null
            : new Problem(404, $"Unknown region '{region}': use one of {string.Join(", ", EmulatorOptions.Regions)}.", []);
    }

    public static TenantState Of(HttpContext http) => (TenantState)http.Items[Item]!;

    /// <summary>Sets the tenant of a call that names it elsewhere (the Gateway's X-8x8-Tenant).</summary>
    public static void Set(HttpContext http, TenantState tenant) => http.Items[Item] = tenant;
}
