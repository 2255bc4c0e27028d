using System;
using System.Collections.Generic;

namespace ChatApi.Events;

// The events a Chat Gateway v1.0 webhook receives, in the envelope {eventType, conversationId,
// timestamp, data}. QUEUED, TRANSFER and WEB_HOOK_VERIFY read into the same types as V2's
// (QueuedEvent, TransferEvent, WebhookVerifyEvent) with Api = Gateway; the rest are below.

/// <summary>CONVERSATION_UPDATE: the conversation's state (created, active, idle) and where it is assigned.</summary>
public sealed class ConversationUpdateEvent : WebhookEvent
{
    public string State { get; set; }
    /// <summary>agent, queue or script.</summary>
    public string AssignmentType { get; set; }
    public string AssignmentId { get; set; }
    /// <summary>With an agent assignment: the queue it came through, when given.</summary>
    public string AssignmentResourceId { get; set; }
    /// <summary>The user's fields as sent (name, email, ... and the additionalProperties keys).</summary>
    public IDictionary<string, string> User { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public string Msisdn { get; set; }
    public string Channel { get; set; }

    public override string ToString() => $"CONVERSATION_UPDATE {ConversationId} {State} ({AssignmentType} {AssignmentId})";
}

/// <summary>MEMBERS_CHANGED: a user or an agent joined or left.</summary>
public sealed class MembersChangedEvent : WebhookEvent
{
    /// <summary>user or agent.</summary>
    public string MemberType { get; set; }
    /// <summary>joined or left.</summary>
    public string Change { get; set; }
    public string MemberId { get; set; }

    public override string ToString() => $"MEMBERS_CHANGED {ConversationId} {MemberType} {MemberId} {Change}";
}

/// <summary>MESSAGE: a message in the conversation, with its sender, text, attachments and cards.</summary>
public sealed class MessageEvent : WebhookEvent
{
    public bool? IsEcho { get; set; }
    public string SenderId { get; set; }
    /// <summary>agent, bot, user or system.</summary>
    public string SenderType { get; set; }
    public string Text { get; set; }
    public IList<EventAttachment> Attachments { get; set; } = new List<EventAttachment>();
    public IList<EventCard> Cards { get; set; } = new List<EventCard>();

    public override string ToString() => $"MESSAGE {ConversationId} {SenderType} {SenderId}: {Text}";
}

/// <summary>A file of a MESSAGE event; PreSignedUrl downloads it for a while.</summary>
public sealed class EventAttachment
{
    public string Id { get; set; }
    public string Type { get; set; }
    public string FileName { get; set; }
    public string PreSignedUrl { get; set; }

    public override string ToString() => FileName ?? Id;
}

/// <summary>A card of a MESSAGE event: its content type and its content as JSON text.</summary>
public sealed class EventCard
{
    /// <summary>The card's id when the event names one (the card actions refer to it).</summary>
    public string Id { get; set; }
    public string ContentType { get; set; }
    public string ContentJson { get; set; }

    public override string ToString() => ContentType;
}

/// <summary>
/// ACTIVITY: what data.name says: typing (Users: who types, none = stopped), adaptiveCard/action,
/// quickReply/action, read-receipts, or a channel's own name (WhatsApp, RCS, Viber), kept as it came.
/// </summary>
public sealed class ActivityEvent : WebhookEvent
{
    public string Name { get; set; }
    /// <summary>typing: the ids in value.users (empty when typing stopped); empty for other names.</summary>
    public string[] Users { get; set; } = new string[0];
    /// <summary>data.value as JSON text, whatever the name.</summary>
    public string ValueJson { get; set; }

    public bool IsTyping => Name == "typing";

    public override string ToString() => $"ACTIVITY {ConversationId} {Name}";
}
