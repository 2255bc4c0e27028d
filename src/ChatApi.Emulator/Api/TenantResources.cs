using ChatApi.Emulator.Auth;

namespace ChatApi.Emulator.Api;

/// <summary>
/// What the tenant's stored resources (webhooks, channels) do alike on the Chat API V2 and the Chat
/// Gateway paths: the five routes, and reads and changes under the tenant's lock, where an id that
/// names none is a 404 and a change is first checked against If-Match.
/// </summary>
public static class TenantResources
{
    /// <summary>List and create on the group, get, replace and delete by id; each with its scope when given (V2).</summary>
    public static void MapResource(this RouteGroupBuilder group, Delegate list, Delegate create, Delegate get, Delegate replace, Delegate delete,
        string? readScope = null, string? writeScope = null)
    {
        Scoped(group.MapGet("", list), readScope);
        Scoped(group.MapPost("", create), writeScope);
        Scoped(group.MapGet("/{id}", get), readScope);
        Scoped(group.MapPut("/{id}", replace), writeScope);
        Scoped(group.MapDelete("/{id}", delete), writeScope);
    }

    private static void Scoped(RouteHandlerBuilder route, string? scope)
    {
        if (scope is not null) route.RequireScope(scope);
    }

    /// <summary>Runs <paramref name="work"/> on the call's tenant, under its lock.</summary>
    public static IResult Locked(HttpContext http, Func<TenantState, IResult> work)
    {
        var tenant = TenantScope.Of(http);
        lock (tenant.Lock)
        {
            return work(tenant);
        }
    }

    /// <summary>The resource <paramref name="id"/> names, answered; or a 404 naming <paramref name="type"/>.</summary>
    public static IResult Read<T>(HttpContext http, string type, string id, Func<TenantState, string, T?> find, Func<HttpContext, T, IResult> answer)
        where T : class =>
        Locked(http, tenant => find(tenant, id) is { } found ? answer(http, found) : Problem.NotFound(type, id));

    /// <summary>
    /// A change of the resource <paramref name="id"/> names: a 404 naming <paramref name="type"/> when there is none,
    /// the If-Match problem (shaped by <paramref name="adapt"/>) when the request's version is not the current one,
    /// else what <paramref name="change"/> answers for the current resource.
    /// </summary>
    public static IResult Change<T>(HttpContext http, string type, string id, Func<TenantState, string, T?> find, Func<TenantState, T, IResult> change,
        Func<Problem, Problem>? adapt = null) where T : class, IRevisioned =>
        Locked(http, tenant =>
        {
            if (find(tenant, id) is not { } current) return Problem.NotFound(type, id);
            if (ETags.Check(http.Request, current.Revision) is { } stale) return adapt is null ? stale : adapt(stale);
            return change(tenant, current);
        });
}
