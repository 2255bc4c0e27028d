namespace ChatApi.Emulator.Gateway;

/// <summary>Where the Chat Gateway lives: <c>/chat-gateway/v1/...</c>, no region; its key needs no authentication.</summary>
public static class GatewayPaths
{
    public const string Root = "/chat-gateway/v1";

    public static bool IsGateway(PathString path) => path.StartsWithSegments(Root);

    public static bool IsKeyPath(PathString path) => path.StartsWithSegments(Root + "/jwk");
}
