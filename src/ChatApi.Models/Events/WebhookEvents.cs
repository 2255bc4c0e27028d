using System;
using System.Collections.Generic;

namespace ChatApi.Events;

/// <summary>
/// One event that 8x8 posts to a webhook. The concrete type tells the event type apart
/// (V2: QueuedEvent, AgentJoinedEvent, AgentLeftEvent, TransferEvent, TextEvent; the Gateway:
/// ConversationUpdateEvent, QueuedEvent, MembersChangedEvent, TransferEvent, MessageEvent,
/// ActivityEvent; both: WebhookVerifyEvent, UnknownEvent); RawJson always keeps the body as received.
/// </summary>
public abstract class WebhookEvent
{
    /// <summary>The eventType of the body, such as QUEUED or TEXT.</summary>
    public string EventType { get; set; }
    public string ConversationId { get; set; }
    /// <summary>The body's timestamp (epoch milliseconds) as a point in time; null when the body has none.</summary>
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>SYSTEM for system events, AGENT for agent text.</summary>
    public string MessageType { get; set; }
    /// <summary>
    /// v2.0 when a V2 event came with signature headers, v1.0 when it did not; Chat Gateway v1.0 for the
    /// Gateway's envelope (WEB_HOOK_VERIFY: the body's notificationVersion).
    /// </summary>
    public string NotificationVersion { get; set; }
    /// <summary>Which API's event format the body is in: V2 or Gateway.</summary>
    public string Api { get; set; }
    /// <summary>x-8x8-event-id, when headers were given.</summary>
    public string EventId { get; set; }
    /// <summary>x-8x8-retry, when headers were given.</summary>
    public int? Retry { get; set; }
    public string TenantId { get; set; }
    public string CustomerId { get; set; }
    /// <summary>x-8x8-transmission-time, when headers were given.</summary>
    public DateTimeOffset? TransmissionTime { get; set; }
    /// <summary>The body exactly as received.</summary>
    public string RawJson { get; set; }

    public override string ToString() => $"{EventType} {ConversationId}".Trim();
}

/// <summary>QUEUED: the conversation waits in a queue.</summary>
public sealed class QueuedEvent : WebhookEvent
{
    public string QueueId { get; set; }
    public string QueueName { get; set; }

    public override string ToString() => $"QUEUED {ConversationId} queue {QueueName ?? QueueId}";
}

/// <summary>AGENT_JOINED: an agent took the conversation.</summary>
public sealed class AgentJoinedEvent : WebhookEvent
{
    public string AgentId { get; set; }
    public string AgentName { get; set; }

    public override string ToString() => $"AGENT_JOINED {ConversationId} agent {AgentName ?? AgentId}";
}

/// <summary>AGENT_LEFT: the agent left the conversation.</summary>
public sealed class AgentLeftEvent : WebhookEvent
{
    public string AgentId { get; set; }
    public string AgentName { get; set; }

    public override string ToString() => $"AGENT_LEFT {ConversationId} agent {AgentName ?? AgentId}";
}

/// <summary>TRANSFER: the conversation moves to another queue or agent.</summary>
public sealed class TransferEvent : WebhookEvent
{
    public string QueueId { get; set; }
    public string QueueName { get; set; }
    public string AgentId { get; set; }
    public string AgentName { get; set; }

    public override string ToString() => $"TRANSFER {ConversationId}";
}

/// <summary>TEXT: an agent wrote to the customer (messageType AGENT).</summary>
public sealed class TextEvent : WebhookEvent
{
    public string AgentId { get; set; }
    public string AgentName { get; set; }
    public string Message { get; set; }

    public override string ToString() => $"TEXT {ConversationId} {AgentName ?? AgentId}: {Message}";
}

/// <summary>WEB_HOOK_VERIFY: 8x8 checks that the webhook URI answers (POST web-hooks/verify, Test-ChatWebhook).</summary>
public sealed class WebhookVerifyEvent : WebhookEvent
{
    public override string ToString() => $"WEB_HOOK_VERIFY {NotificationVersion}";
}

/// <summary>Any event type or shape this module does not know yet; RawJson keeps all of it.</summary>
public sealed class UnknownEvent : WebhookEvent
{
    public override string ToString() => $"{EventType ?? "(no eventType)"} (unknown) {ConversationId}".Trim();
}

/// <summary>One request that Receive-ChatWebhookEvent took: the parsed event, the signature check, the raw body and headers.</summary>
public sealed class ReceivedWebhookEvent
{
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The HTTP method and path the request came to.</summary>
    public string Method { get; set; }
    public string Path { get; set; }
    public string RemoteAddress { get; set; }
    /// <summary>What the receiver answered (200 valid, 401 refused signature, 503 signature not checked because its key was out of reach, 400 not JSON).</summary>
    public int StatusCode { get; set; }
    /// <summary>True when the request was not taken as an event (bad or missing signature, stale, replayed, signature not checked, not JSON). Only Receive-ChatWebhookEvent -IncludeRefused writes these.</summary>
    public bool Refused { get; set; }
    /// <summary>True when the signature was checked and is valid, or when the check was skipped.</summary>
    public bool IsValid { get; set; }
    /// <summary>The parsed event; null when the body is not a JSON object.</summary>
    public WebhookEvent Event { get; set; }
    /// <summary>The signature check; null under -SkipSignatureCheck.</summary>
    public SignatureCheckResult Signature { get; set; }
    /// <summary>The body as received (UTF-8 text). Pipe this object into Test-ChatWebhookSignature to check it again.</summary>
    public string Body { get; set; }
    /// <summary>The request headers; names compare case-insensitively.</summary>
    public IDictionary<string, string> Headers { get; set; }

    public override string ToString() => $"{StatusCode} {Event?.ToString() ?? "(unparsed)"}";
}
