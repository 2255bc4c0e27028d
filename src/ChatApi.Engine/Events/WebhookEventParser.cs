using System.Globalization;
using System.Text;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Engine.Events;

/// <summary>The body is not a JSON object, so it is no webhook event.</summary>
public sealed class WebhookEventFormatException : FormatException
{
    public WebhookEventFormatException(string message, Exception inner = null) : base(message, inner) { }
}

/// <summary>Turns a webhook body (and its headers, when known) into one typed event object.</summary>
public static class WebhookEventParser
{
    public const string Version1 = ChatValues.V1;
    public const string Version2 = ChatValues.V2;
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    public static WebhookEvent Parse(string body, WebhookHeaders headers = null) =>
        Parse(body == null ? null : Encoding.UTF8.GetBytes(body), headers, body);

    public static WebhookEvent Parse(byte[] body, WebhookHeaders headers = null) => Parse(body, headers, null);

    private static WebhookEvent Parse(byte[] body, WebhookHeaders headers, string text)
    {
        if (body == null || body.Length == 0) throw new WebhookEventFormatException("The event body is empty.");
        if (body.Length > MaxBodyBytes) throw new WebhookEventFormatException("The event body is larger than 16 MB.");
        headers = headers ?? WebhookHeaders.Empty;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new WebhookEventFormatException($"The event body is not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).", ex);
        }
        using (document)
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new WebhookEventFormatException($"The event body must be a JSON object, not {Describe(root.ValueKind)}.");

            var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in root.EnumerateObject())
                if (!fields.ContainsKey(property.Name)) fields[property.Name] = property.Value;

            string eventType = Text(fields, "eventType");
            bool gateway = GatewayEventReader.IsGateway(fields, eventType);
            WebhookEvent result;
            if (gateway) result = GatewayEventReader.Read(eventType, fields);
            else switch (eventType)
            {
                case "QUEUED":
                    result = new QueuedEvent { QueueId = Text(fields, "queueId"), QueueName = Text(fields, "queueName") };
                    break;
                case "AGENT_JOINED":
                    result = new AgentJoinedEvent { AgentId = Text(fields, "agentId"), AgentName = Text(fields, "agentName") };
                    break;
                case "AGENT_LEFT":
                    result = new AgentLeftEvent { AgentId = Text(fields, "agentId"), AgentName = Text(fields, "agentName") };
                    break;
                case "TRANSFER":
                    result = new TransferEvent
                    {
                        QueueId = Text(fields, "queueId"), QueueName = Text(fields, "queueName"),
                        AgentId = Text(fields, "agentId"), AgentName = Text(fields, "agentName"),
                    };
                    break;
                case "TEXT":
                    result = new TextEvent
                    {
                        AgentId = Text(fields, "agentId"), AgentName = Text(fields, "agentName"),
                        Message = Text(fields, "message") ?? Text(fields, "text"),
                    };
                    break;
                case "WEB_HOOK_VERIFY":
                    result = new WebhookVerifyEvent();
                    break;
                default:
                    result = new UnknownEvent();
                    break;
            }

            result.EventType = eventType;
            result.ConversationId = Text(fields, "conversationId");
            result.MessageType = Text(fields, "messageType");
            result.Timestamp = Time(fields, "timestamp");
            result.RawJson = text ?? Encoding.UTF8.GetString(body);

            bool signed = headers.Contains(WebhookHeaders.Signature);
            result.Api = gateway ? ChatValues.ApiGateway : ChatValues.ApiV2;
            result.NotificationVersion = gateway ? ChatValues.Gateway : signed ? Version2 : Version1;
            if (result is WebhookVerifyEvent)
                result.NotificationVersion = Text(fields, "notificationVersion") ?? Text(fields, "version") ?? result.NotificationVersion;

            result.EventId = headers.Get(WebhookHeaders.EventId);
            result.TenantId = headers.Get(WebhookHeaders.TenantId);
            result.CustomerId = headers.Get(WebhookHeaders.CustomerId);
            if (int.TryParse(headers.Get(WebhookHeaders.Retry), NumberStyles.None, CultureInfo.InvariantCulture, out var retry)) result.Retry = retry;
            if (long.TryParse(headers.Get(WebhookHeaders.TransmissionTime), NumberStyles.None, CultureInfo.InvariantCulture, out var tt) && tt <= 253402300799999L)
                result.TransmissionTime = DateTimeOffset.FromUnixTimeMilliseconds(tt);
            return result;
        }
        catch (InvalidOperationException ex)
        {
            // Text that is not valid Unicode: bytes that are not UTF-8, or an escaped lone surrogate (\ud800).
            throw new WebhookEventFormatException("The event body holds text that is not valid Unicode.", ex);
        }
    }

    private static string Text(Dictionary<string, JsonElement> fields, string name) => TextOf(fields, name);

    internal static string TextOf(IReadOnlyDictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) ? TextOf(value) : null;

    /// <summary>A field's value as text: strings as they are, numbers and booleans as written, objects and arrays as JSON.</summary>
    internal static string TextOf(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String: return value.GetString();
            case JsonValueKind.Number: return value.GetRawText();
            case JsonValueKind.True: return "true";
            case JsonValueKind.False: return "false";
            case JsonValueKind.Null:
            case JsonValueKind.Undefined: return null;
            default: return value.GetRawText();
        }
    }

    private static DateTimeOffset? Time(Dictionary<string, JsonElement> fields, string name)
    {
        if (!fields.TryGetValue(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var ms)) return FromMs(ms);
            if (value.TryGetDouble(out var d) && d >= long.MinValue && d <= long.MaxValue) return FromMs((long)d);
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            var s = value.GetString();
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)) return FromMs(ms);
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
        }
        return null;
    }

    private static DateTimeOffset? FromMs(long ms) =>
        ms >= -62135596800000L && ms <= 253402300799999L ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;

    private static string Describe(JsonValueKind kind)
    {
        switch (kind)
        {
            case JsonValueKind.Array: return "an array";
            case JsonValueKind.String: return "a string";
            case JsonValueKind.Number: return "a number";
            case JsonValueKind.Null: return "null";
            default: return "true or false";
        }
    }
}
