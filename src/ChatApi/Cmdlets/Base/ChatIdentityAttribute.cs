using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using ChatApi.Events;

namespace ChatApi.Cmdlets;

/// <summary>The kinds of resource an identity parameter names.</summary>
public enum IdentityKind
{
    Webhook,
    Channel,
    Conversation,
    Attachment,
}

/// <summary>
/// Binds an identity parameter to the resource the input refers to: a Channel piped to a webhook
/// cmdlet gives its WebhookId, a Conversation piped to a channel cmdlet its ChannelId, a Message
/// to a conversation cmdlet its ConversationId. Strings pass as they are, whole numbers become
/// text (ConvertFrom-Json ids), other objects give their &lt;Kind&gt;Id or Id property. An object that
/// refers to no such resource is refused with an error naming the parameter, never turned into text.
/// The identity parameters take pipeline input by value only, so this attribute sees the whole object.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ChatIdentityAttribute : ArgumentTransformationAttribute
{
    private static readonly Dictionary<IdentityKind, Dictionary<Type, Func<object, string>>> Referents = new Dictionary<IdentityKind, Dictionary<Type, Func<object, string>>>
    {
        [IdentityKind.Webhook] = new Dictionary<Type, Func<object, string>>
        {
            [typeof(Webhook)] = o => ((Webhook)o).Id,
            [typeof(Channel)] = o => ((Channel)o).WebhookId,
        },
        [IdentityKind.Channel] = new Dictionary<Type, Func<object, string>>
        {
            [typeof(Channel)] = o => ((Channel)o).Id,
            [typeof(Conversation)] = o => ((Conversation)o).ChannelId,
            [typeof(MigrationResult)] = o => ((MigrationResult)o).ChannelId,
            [typeof(MigrationStep)] = o => ((MigrationStep)o).ChannelId,
        },
        [IdentityKind.Conversation] = new Dictionary<Type, Func<object, string>>
        {
            [typeof(Conversation)] = o => ((Conversation)o).Id,
            [typeof(Message)] = o => ((Message)o).ConversationId,
            [typeof(SentMessage)] = o => ((SentMessage)o).ConversationId,
            [typeof(Participant)] = o => ((Participant)o).ConversationId,
            [typeof(Interaction)] = o => ((Interaction)o).ConversationId,
            [typeof(Card)] = o => ((Card)o).ConversationId,
            [typeof(WebhookEvent)] = o => ((WebhookEvent)o).ConversationId,
            [typeof(Attachment)] = o => ((Attachment)o).ConversationId,
        },
        [IdentityKind.Attachment] = new Dictionary<Type, Func<object, string>>
        {
            [typeof(Attachment)] = o => ((Attachment)o).Id,
        },
    };

    public ChatIdentityAttribute(IdentityKind kind)
    {
        Kind = kind;
    }

    public IdentityKind Kind { get; }

    /// <summary>A module type that another parameter of the cmdlet takes from the pipeline: handed on as it is.</summary>
    public Type PassThrough { get; set; }

    private string IdProperty => Kind + "Id";

    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = PSValues.Unwrap(inputData);
        if (value == null || value is string) return value;
        if (PassThrough != null && PassThrough.IsInstanceOfType(value)) return inputData;
        if (value is IList list && !(value is IDictionary))
        {
            var ids = new string[list.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = Resolve(list[i]);
            return ids;
        }
        return Resolve(inputData);
    }

    private string Resolve(object input)
    {
        var value = PSValues.Unwrap(input);
        if (value == null || value is string) return (string)value;
        if (IsWholeNumber(value)) return Convert.ToString(value, CultureInfo.InvariantCulture);
        var type = value.GetType();
        if (type.Assembly == typeof(Webhook).Assembly)
        {
            for (var t = type; t != null; t = t.BaseType)
                if (Referents[Kind].TryGetValue(t, out var read)) return read(value) ?? throw Refuse(type.Name, $"this {type.Name} names no {Noun}");
            throw Refuse(type.Name, $"a {type.Name} does not refer to {Article(Noun)} {Noun}");
        }
        foreach (var name in IdNames(input, value))
        {
            var found = Lookup(input, value, name);
            if (found != null) return Resolve(found);
        }
        throw Refuse(type.Name, Kind == IdentityKind.Attachment ? $"it has no {IdProperty} property, nor an Id beside a ConversationId" : $"it has no {IdProperty} or Id property");
    }

    /// <summary>
    /// The properties that name the resource on a foreign object: &lt;Kind&gt;Id, then Id. An attachment's Id
    /// counts only beside a ConversationId (an attachment row): a bare {Id} names a conversation.
    /// </summary>
    private string[] IdNames(object input, object value) =>
        Kind == IdentityKind.Attachment && Lookup(input, value, "ConversationId") == null ? new[] { IdProperty } : new[] { IdProperty, "Id" };

    private string Noun => Kind.ToString().ToLowerInvariant();

    private static object Lookup(object input, object value, string name)
    {
        if (value is IDictionary table)
        {
            foreach (DictionaryEntry e in table)
                if (string.Equals(e.Key as string, name, StringComparison.OrdinalIgnoreCase)) return Scalar(e.Value);
            return null;
        }
        var property = PSObject.AsPSObject(input).Properties[name];
        return property == null ? null : Scalar(property.Value);
    }

    /// <summary>Only text and whole numbers are ids; a nested object is not.</summary>
    private static object Scalar(object v)
    {
        var inner = PSValues.Unwrap(v);
        return inner is string || IsWholeNumber(inner) ? inner : null;
    }

    private static bool IsWholeNumber(object v) =>
        v is int || v is long || v is short || v is byte || v is uint || v is ulong || v is ushort || v is sbyte;

    private ArgumentTransformationMetadataException Refuse(string typeName, string why) =>
        new ArgumentTransformationMetadataException(
            $"A {typeName} cannot name {Article(Noun)} {Noun}: {why}. Pass the {Noun}'s id, {Article(Noun)} {Kind} object, or an object with an {IdProperty} or Id property.");

    private static string Article(string noun) => "aeiou".IndexOf(char.ToLowerInvariant(noun[0])) >= 0 ? "an" : "a";
}
