using System.Collections.Generic;
using System.Text.Json;

namespace ChatApi.Engine.Json
{
    /// <summary>
    /// Request bodies, with each field under the name 8x8's description requires and the one it
    /// defines where the two differ (version/notificationVersion, customer/user).
    /// </summary>
    internal static class RequestBodies
    {
        public static string Webhook(string name, string uri, string version) => Serialize(new Dictionary<string, object>
        {
            ["name"] = name,
            ["uri"] = uri,
            ["version"] = version,
            ["notificationVersion"] = version,
        });

        public static string Verify(string uri, string version) => Serialize(new Dictionary<string, object>
        {
            ["uri"] = uri,
            ["version"] = version,
            ["notificationVersion"] = version,
        });

        public static string Channel(string name, string webhookId, string queueId) => Serialize(new Dictionary<string, object>
        {
            ["name"] = name,
            ["webHookId"] = webhookId,
            ["routingOptions"] = new Dictionary<string, object> { ["type"] = "queue", ["id"] = queueId },
        });

        public static string Conversation(ConversationRequest request)
        {
            var body = new Dictionary<string, object>
            {
                ["channelId"] = request.ChannelId,
                ["customer"] = request.Customer,
                ["user"] = request.Customer,
            };
            if (request.History.Count > 0)
            {
                var messages = new List<object>();
                foreach (var h in request.History) messages.Add(new Dictionary<string, object> { ["text"] = h.Text, ["type"] = h.Type });
                body["history"] = new Dictionary<string, object> { ["messages"] = messages };
            }
            return Serialize(body);
        }

        public static string Message(string text, string authorType) => Serialize(new Dictionary<string, object>
        {
            ["text"] = text,
            ["authorType"] = authorType,
        });

        private static string Serialize(object value) => JsonSerializer.Serialize(value);
    }
}
