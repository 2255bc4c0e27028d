namespace ChatApi.Emulator.Gateway;

/// <summary>Where the Chat Gateway lives: <c>/chat-gateway/v1/...</c>, no region; its key needs no authentication.</summary>
public static class GatewayPaths
{
    public const string Root = "/" + ChatValues.GatewayRoot;

    public static bool IsGateway(PathString path) => path.StartsWithSegments(Root);

    public static bool IsKeyPath(PathString path) => path.StartsWithSegments(Root + "/jwk");

    /// <summary>The card actions live outside the root: <c>/api/v1/tenant/{tenantId}/conversations/...</c>, same key.</summary>
    public static bool IsCardAction(PathString path) => path.StartsWithSegments(GatewayCardEndpoints.ActionRoot);
}
