namespace ChatApi.Emulator.State;

/// <summary>
/// The notification versions a webhook can have, oldest first. The Chat API V2 creates and changes
/// <c>v1.0</c>/<c>v2.0</c>; the Chat Gateway only <c>Chat Gateway v1.0</c>; none goes back (see Assumptions.cs).
/// </summary>
public static class WebhookVersions
{
    public const string V1 = ChatValues.V1, V2 = ChatValues.V2, Gateway = ChatValues.Gateway;
    public static readonly string[] ChatApiV2 = [V1, V2];
    public static readonly string[] All = [V1, V2, Gateway];

    /// <summary>v2.0 and Gateway deliveries are signed; v1.0 ones are not.</summary>
    public static bool IsSigned(string version) => version is V2 or Gateway;

    /// <summary>Gateway webhooks get the Gateway's event bodies; the others V2's.</summary>
    public static bool IsGateway(string version) => version == Gateway;
}
