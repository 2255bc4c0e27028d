using System.Globalization;
using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.Gateway;

/// <summary>
/// The Gateway's attachments: <c>conversations/{id}/attachments</c> (HAL list, multipart upload with the
/// parts <c>attachment</c> and <c>authorType</c>), <c>.../{attachmentId}</c> and <c>.../{attachmentId}/content</c>.
/// The description's AttachmentResult requires <c>filename, size, type</c> but defines <c>filename,
/// sizeInBytes</c>: read either size, and the name as <c>filename</c> or <c>fileName</c>.
/// </summary>
internal sealed class GatewayAttachmentContract : IAttachmentContract
{
    public string Path(string conversationPath) => conversationPath + "/attachments";

    public string ContentPath(string attachmentPath) => attachmentPath + "/content";

    public string FilePart => "attachment";

    public IEnumerable<KeyValuePair<string, string>> UploadFields(string authorType)
    {
        yield return new KeyValuePair<string, string>("authorType", authorType);
    }

    public Attachment Read(JsonElement e, string conversationId, string tenant)
    {
        var a = WireJson.Read<AttachmentBody>(e);
        return new Attachment
        {
            ConversationId = conversationId,
            Id = a.Id,
            FileName = a.Filename ?? a.FileName,
            Size = Bytes(a.SizeInBytes) ?? Bytes(a.Size),
            ContentType = a.Type,
            Created = a.CreatedAt,
            TenantId = tenant,
        };
    }

    private static long? Bytes(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= long.MaxValue ? (long?)d : null;

    /// <summary>A message's <c>id</c> and <c>attachments: [{id}]</c>; anything of another shape names none.</summary>
    public (string Id, IReadOnlyList<string> AttachmentIds) ReadMessageRefs(JsonElement message)
    {
        var refs = WireJson.Read<IdField>(message);
        var ids = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("attachments", out var list)
            ? WireJson.ReadList<IdField>(list).Select(a => a.Id).Where(id => !string.IsNullOrEmpty(id)).ToList()
            : new List<string>();
        return (refs.Id, ids);
    }

    private sealed class AttachmentBody
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("filename")] public string Filename { get; set; }
        [JsonPropertyName("fileName")] public string FileName { get; set; }
        [JsonPropertyName("sizeInBytes")] public string SizeInBytes { get; set; }
        [JsonPropertyName("size")] public string Size { get; set; }
        [JsonPropertyName("type")] public string Type { get; set; }
        [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    }
}
