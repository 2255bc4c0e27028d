namespace ChatApi.Emulator.Auth;

/// <summary>The OAuth scopes of the Chat API V2, one per resource and access (8x8's description names them per operation).</summary>
public static class Scopes
{
    public const string Prefix = "vcc-chat.";
    public const string WebhooksRead = "vcc-chat.webhooks.read", WebhooksWrite = "vcc-chat.webhooks.write",
        ChannelsRead = "vcc-chat.channels.read", ChannelsWrite = "vcc-chat.channels.write",
        ConversationsRead = "vcc-chat.conversations.read", ConversationsWrite = "vcc-chat.conversations.write";

    public static readonly string[] All = [WebhooksRead, WebhooksWrite, ChannelsRead, ChannelsWrite, ConversationsRead, ConversationsWrite];
}
