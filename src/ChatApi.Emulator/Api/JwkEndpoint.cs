using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.Api;

/// <summary>
/// <c>GET /vcc/{region}/chat/v2/jwk/{kid}/public</c>: the public half of a signing key. No authentication
/// (the operation has no security requirement); an unknown kid answers the RFC 7807 404 of 8x8's description.
/// </summary>
public static class JwkEndpoint
{
    /// <summary>The key path, which needs no token: <c>/vcc/{region}/chat/v2/jwk/...</c>.</summary>
    public static bool IsKeyPath(PathString path) =>
        path.Value is { } p && p.Split('/') is [_, "vcc", _, "chat", "v2", "jwk", ..];

    public static void Map(WebApplication app) => app.MapGet("/" + ChatValues.V2KeyPathTemplate, (HttpContext http, string kid, SigningKeys keys) =>
    {
        if (TenantScope.RegionProblem(http) is { } problem) return (IResult)problem;
        return keys.Find(kid) is { } key ? Results.Json(SigningKeys.PublicJwk(key)) : Problem.KeyNotFound(kid);
    });
}
