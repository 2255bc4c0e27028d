using System;
using System.Collections.Generic;

namespace ChatApi;

/// <summary>A chat conversation (8x8 calls it a transaction).</summary>
public sealed class Conversation
{
    public string Id { get; set; }
    public string ChannelId { get; set; }
    /// <summary>Chat API V2's status (created, pending, handling, deleted); empty on the Chat Gateway, which gives <see cref="State"/>.</summary>
    public string Status { get; set; }
    /// <summary>The Chat Gateway's state (created, active, idle); empty on Chat API V2.</summary>
    public string State { get; set; }
    /// <summary>Where the Chat Gateway routes the conversation: queue or script (empty on Chat API V2).</summary>
    public string AssignmentType { get; set; }
    /// <summary>The queue's or script's id.</summary>
    public string AssignmentId { get; set; }
    /// <summary>The assignment as one word pair: "queue 50", "script s-9".</summary>
    public string Assignment => string.IsNullOrEmpty(AssignmentId) ? AssignmentType : string.IsNullOrEmpty(AssignmentType) ? AssignmentId : AssignmentType + " " + AssignmentId;
    public DateTimeOffset? StartTime { get; set; }
    public string CustomerName { get; set; }
    public string Email { get; set; }
    public string CustomerId { get; set; }
    public string Company { get; set; }
    public string CaseId { get; set; }
    public string Language { get; set; }
    /// <summary>Every customer property the server returned, standard and custom.</summary>
    public IDictionary<string, string> Customer { get; set; } = new Dictionary<string, string>();
    public IList<Interaction> Interactions { get; set; } = new List<Interaction>();
    /// <summary>Creation time the server returned with the conversation id, when this object came from New-ChatConversation.</summary>
    public DateTimeOffset? Created { get; set; }
    public string Region { get; set; }
    public string TenantId { get; set; }
    /// <summary>The API the conversation was read through (V2 or Gateway).</summary>
    public string Api { get; set; }

    public override string ToString() => Id;
}

/// <summary>One interaction (a queue-to-agent episode) of a conversation.</summary>
public sealed class Interaction
{
    public string ConversationId { get; set; }
    public string Id { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }

    public override string ToString() => Id;
}
