namespace ChatApi.Cmdlets;

/// <summary>
/// What an output object looks like to PowerShell: a Chat Gateway conversation carries the type name
/// <see cref="GatewayConversation"/> first, so its table shows State and Assignment (a V2
/// conversation's shows Status and StartTime). Everything else goes out as it is.
/// </summary>
internal static class OutputShape
{
    public const string GatewayConversation = "ChatApi.Conversation#Gateway";

    public static object Of(object item)
    {
        if (!(item is Conversation c) || c.Api != ChatValues.ApiGateway) return item;
        var shaped = new PSObject(c);
        shaped.TypeNames.Insert(0, GatewayConversation);
        return shaped;
    }
}
