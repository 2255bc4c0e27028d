using ChatApi.Emulator.Events;
using ChatApi.Emulator.Http;

namespace ChatApi.Emulator.Api;

/// <summary><c>GET /vcc/{region}/chat/v2/jwk/{kid}/public</c>: the public half of a signing key.</summary>
public static class JwkEndpoint
{
    public static void Map(WebApplication app) => app.MapGet("/vcc/{region}/chat/v2/jwk/{kid}/public", (HttpContext http, string kid, SigningKeys keys) =>
    {
        if (TenantScope.RegionProblem(http) is { } problem) return (IResult)problem;
        return keys.Find(kid) is { } key ? Results.Json(SigningKeys.PublicJwk(key)) : Problem.NotFound("JWK", kid);
    });
}
