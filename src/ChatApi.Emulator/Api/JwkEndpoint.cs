using ChatApi.Emulator.Events;
using ChatApi.Emulator.Http;

namespace ChatApi.Emulator.Api;

/// <summary><c>GET /vcc/{region}/chat/v2/jwk/{kid}/public</c>: the public half of a signing key. Like 8x8's, it needs no token.</summary>
public static class JwkEndpoint
{
    /// <summary>True for /vcc/{region}/chat/v2/jwk/{kid}/public, which the bearer check leaves alone.</summary>
    public static bool IsKeyPath(PathString path)
    {
        var parts = (path.Value ?? "").Trim('/').Split('/');
        return parts.Length == 7 && parts[0] == "vcc" && parts[2] == "chat" && parts[3] == "v2" && parts[4] == "jwk" && parts[6] == "public";
    }

    public static void Map(WebApplication app) => app.MapGet("/vcc/{region}/chat/v2/jwk/{kid}/public", (HttpContext http, string kid, SigningKeys keys) =>
    {
        if (TenantScope.RegionProblem(http) is { } problem) return (IResult)problem;
        return keys.Find(kid) is { } key ? Results.Json(SigningKeys.PublicJwk(key)) : Problem.NotFound("JWK", kid);
    });
}
