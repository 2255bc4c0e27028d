namespace ChatApi.Engine.Wire;

/// <summary>
/// A conversation's attachments (the Chat Gateway's): list, upload as multipart/form-data, read one,
/// download its content; and which attachments a listed message refers to. Null on a wire that has
/// none (Chat API V2), which the client turns into a clear error before any call.
/// </summary>
internal interface IAttachmentContract
{
    /// <summary>The attachments of the conversation at <paramref name="conversationPath"/>.</summary>
    string Path(string conversationPath);
    /// <summary>The bytes of the attachment at <paramref name="attachmentPath"/>.</summary>
    string ContentPath(string attachmentPath);
    /// <summary>The multipart part that carries the file.</summary>
    string FilePart { get; }
    /// <summary>The text parts of an upload beside the file.</summary>
    IEnumerable<KeyValuePair<string, string>> UploadFields(string authorType);
    Attachment Read(JsonElement e, string conversationId, string tenant);
    /// <summary>A message of a conversation's message list: its id and the attachments it refers to.</summary>
    (string Id, IReadOnlyList<string> AttachmentIds) ReadMessageRefs(JsonElement message);
}
