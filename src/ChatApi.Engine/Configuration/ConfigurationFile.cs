using System.IO;
using System.Text;

namespace ChatApi.Engine.Configuration;

/// <summary>
/// A <see cref="ChatConfiguration"/> as JSON: written in a stable order (webhooks by key, channels
/// by name, fields always in the same order), read back with every rule checked before any call.
/// A refused document names the place in the file ($.channels[3].webhook) and the rule.
/// </summary>
public static class ConfigurationFile
{
    public static string Write(ChatConfiguration document)
    {
        using (var stream = new MemoryStream())
        {
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("schema", document.Schema);
                w.WriteNumber("schemaVersion", document.SchemaVersion);
                w.WriteString("api", document.Api);
                w.WriteString("region", document.Region);
                w.WriteString("tenantId", document.TenantId);
                WriteArray(w, "webhooks", document.Webhooks, h =>
                {
                    w.WriteString("key", h.Key);
                    w.WriteString("name", h.Name);
                    w.WriteString("uri", h.Uri);
                    w.WriteString("version", h.Version);
                    if (h.Id != null) w.WriteString("id", h.Id);
                });
                WriteArray(w, "channels", document.Channels, c =>
                {
                    w.WriteString("name", c.Name);
                    w.WriteString("webhook", c.Webhook);
                    w.WriteString("queueId", c.QueueId);
                    if (c.Type != null) w.WriteString("type", c.Type);
                    if (c.Id != null) w.WriteString("id", c.Id);
                });
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }

    /// <summary>An array <paramref name="name"/> of one object per item, its fields written by <paramref name="fields"/>.</summary>
    private static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> fields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            fields(item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Reads and checks a document; <paramref name="source"/> (the file) is named in every refusal.</summary>
    public static ChatConfiguration Read(string json, string source)
    {
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(json); }
        catch (JsonException e) { throw Refuse(source, $"line {(e.LineNumber ?? 0) + 1}", "is not valid JSON: " + e.Message); }
        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Refuse(source, "$", "must be a JSON object");
            var doc = new ChatConfiguration
            {
                Schema = Text(root, "schema", "$", source, required: true),
                Api = Text(root, "api", "$", source, required: true),
                Region = Text(root, "region", "$", source),
                TenantId = Text(root, "tenantId", "$", source),
            };
            if (doc.Schema != ChatConfiguration.SchemaName)
                throw Refuse(source, "$.schema", $"must be '{ChatConfiguration.SchemaName}' (got '{doc.Schema}')");
            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v))
                throw Refuse(source, "$.schemaVersion", "must be a number");
            if (v != ChatConfiguration.CurrentSchemaVersion)
                throw Refuse(source, "$.schemaVersion", $"version {v} is not known to this module (it reads version {ChatConfiguration.CurrentSchemaVersion})");
            doc.SchemaVersion = v;
            if (!ConfigurationApis.IsKnown(doc.Api)) throw Refuse(source, "$.api", $"must be one of {string.Join(", ", ChatValues.Apis)} (got '{doc.Api}')");

            foreach (var (e, place) in Items(root, "webhooks", source))
                doc.Webhooks.Add(new ConfigurationWebhook
                {
                    Key = Text(e, "key", place, source, required: true),
                    Name = Text(e, "name", place, source, required: true),
                    Uri = Text(e, "uri", place, source, required: true),
                    Version = Text(e, "version", place, source, required: true),
                    Id = Text(e, "id", place, source),
                });
            foreach (var (e, place) in Items(root, "channels", source))
                doc.Channels.Add(new ConfigurationChannel
                {
                    Name = Text(e, "name", place, source, required: true),
                    Webhook = Text(e, "webhook", place, source, required: true),
                    QueueId = Text(e, "queueId", place, source, required: true),
                    Type = Text(e, "type", place, source),
                    Id = Text(e, "id", place, source),
                });
            Check(doc, source);
            return doc;
        }
    }

    /// <summary>The rules of a document's content; also run on documents handed over as objects.</summary>
    public static void Check(ChatConfiguration doc, string source)
    {
        if (doc.Schema != ChatConfiguration.SchemaName) throw Refuse(source, "$.schema", $"must be '{ChatConfiguration.SchemaName}'");
        if (doc.SchemaVersion != ChatConfiguration.CurrentSchemaVersion)
            throw Refuse(source, "$.schemaVersion", $"version {doc.SchemaVersion} is not known to this module");
        if (!ConfigurationApis.IsKnown(doc.Api)) throw Refuse(source, "$.api", $"must be one of {string.Join(", ", ChatValues.Apis)}");
        var versions = ConfigurationApis.VersionsOf(doc.Api);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < doc.Webhooks.Count; i++)
        {
            var h = doc.Webhooks[i];
            string place = $"$.webhooks[{i}]";
            if (string.IsNullOrWhiteSpace(h.Key)) throw Refuse(source, place + ".key", "must not be empty");
            if (!keys.Add(h.Key)) throw Refuse(source, place + ".key", $"'{h.Key}' is already the key of another webhook");
            if (ChatRules.CheckName(h.Name, ChatRules.MaxWebhookNameLength) is string name) throw Refuse(source, place + ".name", name);
            if (ChatRules.CheckAbsoluteUri(h.Uri) is string uri) throw Refuse(source, place + ".uri", uri);
            if (!versions.Contains(h.Version))
                throw Refuse(source, place + ".version", $"'{h.Version}' is not a {doc.Api} webhook version (must be one of {string.Join(", ", versions)})");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < doc.Channels.Count; i++)
        {
            var c = doc.Channels[i];
            string place = $"$.channels[{i}]";
            if (ChatRules.CheckName(c.Name, ChatRules.MaxChannelNameLength) is string name) throw Refuse(source, place + ".name", name);
            if (!names.Add(c.Name)) throw Refuse(source, place + ".name", $"'{c.Name}' names another channel too (channels match by name)");
            if (c.Webhook == null || !keys.Contains(c.Webhook)) throw Refuse(source, place + ".webhook", $"names webhook '{c.Webhook}', which is not in the document");
            if (ChatRules.CheckNotEmpty(c.QueueId) is string queue) throw Refuse(source, place + ".queueId", queue);
        }
    }

    private static IEnumerable<(JsonElement, string)> Items(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var list)) yield break;
        if (list.ValueKind != JsonValueKind.Array) throw Refuse(source, "$." + name, "must be an array");
        int i = 0;
        foreach (var e in list.EnumerateArray())
        {
            string place = $"$.{name}[{i++}]";
            if (e.ValueKind != JsonValueKind.Object) throw Refuse(source, place, "must be an object");
            yield return (e, place);
        }
    }

    private static string Text(JsonElement e, string name, string place, string source, bool required = false)
    {
        if (e.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            if (value.ValueKind == JsonValueKind.Number) return value.GetRawText();
            if (value.ValueKind != JsonValueKind.Null) throw Refuse(source, $"{place}.{name}", "must be a string");
        }
        if (required) throw Refuse(source, $"{place}.{name}", "is required");
        return null;
    }

    private static ChatApiException Refuse(string source, string place, string rule) =>
        new ChatApiException(ChatErrorKind.InvalidArgument, $"Configuration document {source ?? "(object)"} refused at {place}: {rule}. Nothing was changed.");
}
