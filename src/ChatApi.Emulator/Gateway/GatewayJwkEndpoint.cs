using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// <c>GET /chat-gateway/v1/jwk/{kid}/public</c>: the same signing keys as the V2 path, without authentication;
/// an unknown kid is the Gateway's ResourceNotFoundProblem.
/// </summary>
public static class GatewayJwkEndpoint
{
    public static void Map(WebApplication app) => app.MapGet("/" + ChatValues.GatewayKeyPathTemplate, (string kid, SigningKeys keys) =>
        keys.Find(kid) is { } key ? Results.Json(SigningKeys.PublicJwk(key)) : (IResult)GatewayProblems.KeyNotFound(kid));
}
