namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    private Jwk WithApi(Jwk jwk)
    {
        jwk.Api = wire.Api;
        return jwk;
    }

    /// <summary>The public key 8x8 signs v2.0 and Gateway events with, by key id (the JWS header's kid).</summary>
    public Task<Jwk> GetJwkAsync(string keyId, CallContext ctx)
    {
        ChatRules.Require("KeyId", ChatRules.CheckNotEmpty(keyId));
        // The wire's key path escapes the id, as the session-less key fetch of signature checks does.
        return CallAsync(new ApiRequest("GET", wire.KeyPath(scope, keyId)), (e, r) => WithApi(wire.Keys.Read(e, keyId, region)), ctx, $"Reading public key {keyId}");
    }
}
