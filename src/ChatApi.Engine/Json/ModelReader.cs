using System.Collections.Generic;
using System.Text.Json;

namespace ChatApi.Engine.Json
{
    /// <summary>Turns answers into model objects, reading each field under every name 8x8 uses for it.</summary>
    internal static class ModelReader
    {
        private static readonly HashSet<string> StandardCustomerKeys = new HashSet<string> { "name", "customerId", "email", "company", "caseId", "language" };

        public static Webhook Webhook(JsonElement e, string region, string tenant, int? etag = null) => new Webhook
        {
            Id = JsonRead.Str(e, "id", "webHookId", "webhookId"),
            Name = JsonRead.Str(e, "name"),
            Uri = JsonRead.Str(e, "uri", "url"),
            Version = JsonRead.Str(e, "version", "notificationVersion") ?? ChatRules.DefaultVersion,
            ETag = etag,
            Region = region,
            TenantId = tenant,
        };

        public static Channel Channel(JsonElement e, string region, string tenant, int? etag = null)
        {
            var routing = JsonRead.Obj(e, "routingOptions");
            return new Channel
            {
                Id = JsonRead.Str(e, "id", "channelId"),
                Name = JsonRead.Str(e, "name"),
                WebhookId = JsonRead.Str(e, "webHookId", "webhookId"),
                RoutingType = routing.HasValue ? JsonRead.Str(routing.Value, "type") : null,
                QueueId = routing.HasValue ? JsonRead.Str(routing.Value, "id") : null,
                ETag = etag,
                Region = region,
                TenantId = tenant,
            };
        }

        public static Conversation Conversation(JsonElement e, string region, string tenant)
        {
            var c = new Conversation
            {
                Id = JsonRead.Str(e, "id", "conversationId"),
                ChannelId = JsonRead.Str(e, "channelId"),
                Status = JsonRead.Str(e, "status"),
                StartTime = JsonRead.Time(e, "startTime"),
                Region = region,
                TenantId = tenant,
            };
            var customer = JsonRead.Obj(e, "customer", "user");
            if (customer.HasValue && customer.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in customer.Value.EnumerateObject())
                {
                    var text = JsonRead.Str(customer.Value, p.Name);
                    if (text != null) c.Customer[p.Name] = text;
                }
                c.CustomerName = Get(c.Customer, "name");
                c.Email = Get(c.Customer, "email");
                c.CustomerId = Get(c.Customer, "customerId");
                c.Company = Get(c.Customer, "company");
                c.CaseId = Get(c.Customer, "caseId");
                c.Language = Get(c.Customer, "language");
            }
            var interactions = JsonRead.Obj(e, "interactions");
            if (interactions.HasValue && interactions.Value.ValueKind == JsonValueKind.Array)
                foreach (var i in interactions.Value.EnumerateArray())
                    c.Interactions.Add(new Interaction { Id = JsonRead.Str(i, "id"), StartTime = JsonRead.Time(i, "startTime"), EndTime = JsonRead.Time(i, "endTime") });
            return c;
        }

        public static bool IsStandardCustomerKey(string key) => StandardCustomerKeys.Contains(key);

        public static Message Message(JsonElement e, string conversationId) => new Message
        {
            ConversationId = conversationId,
            InteractionId = JsonRead.Str(e, "interactionId"),
            AuthorType = JsonRead.Str(e, "authorType", "type"),
            ParticipantId = JsonRead.Str(e, "participantId", "senderId"),
            OriginalText = JsonRead.Str(e, "originalText", "text"),
            TranslatedText = JsonRead.Str(e, "translatedText"),
        };

        public static Participant Participant(JsonElement e, string conversationId) => new Participant
        {
            ConversationId = conversationId,
            Id = JsonRead.Str(e, "id"),
            Type = JsonRead.Str(e, "type"),
            Language = JsonRead.Str(e, "language"),
        };

        public static Jwk Jwk(JsonElement e, string region) => new Jwk
        {
            KeyId = JsonRead.Str(e, "kid"),
            KeyType = JsonRead.Str(e, "kty"),
            Algorithm = JsonRead.Str(e, "alg"),
            Use = JsonRead.Str(e, "use"),
            N = JsonRead.Str(e, "n"),
            E = JsonRead.Str(e, "e"),
            Region = region,
        };

        /// <summary>Items of a list answer: {data:[...]}, or {key:[...]}, or {key:{...}} (one item), or a bare array.</summary>
        public static IEnumerable<JsonElement> Items(JsonElement root, string key)
        {
            JsonElement list;
            if (root.ValueKind == JsonValueKind.Array) list = root;
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var found)) list = found;
            else yield break;
            if (list.ValueKind == JsonValueKind.Object) { yield return list; yield break; }
            if (list.ValueKind != JsonValueKind.Array) yield break;
            foreach (var item in list.EnumerateArray()) yield return item;
        }

        private static string Get(IDictionary<string, string> d, string key) => d.TryGetValue(key, out var v) ? v : null;
    }
}
