using System.Globalization;
using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire;

/// <summary>
/// System.Text.Json set up for 8x8's answers, shared by every API's contracts: a string field
/// also takes a number or a boolean (as its text), a time takes ISO 8601 text or epoch
/// milliseconds, a count takes a number or its text, and a field of the wrong shape reads as absent.
/// </summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new LenientString());
        options.Converters.Add(new LenientTime());
        options.Converters.Add(new LenientInt());
        return options;
    }

    /// <summary>The same, for a body of optional fields: a field left null is not sent at all.</summary>
    private static readonly JsonSerializerOptions GivenOptions = new JsonSerializerOptions(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Write<T>(T body) => JsonSerializer.Serialize(body, Options);

    /// <summary>A body of optional fields (a create, a PATCH, a message, an indicator): only the fields given are written.</summary>
    public static string WriteGiven<T>(T body) => JsonSerializer.Serialize(body, GivenOptions);

    /// <summary>Parses an answer; an empty body reads as {}.</summary>
    public static JsonDocument Parse(string body, string what)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException e)
        {
            throw new ChatApiException(ChatErrorKind.InvalidResponse, $"The server's answer to {what} is not JSON: {e.Message}", inner: e);
        }
    }

    /// <summary>One wire object; anything but a JSON object reads as an empty one.</summary>
    public static T Read<T>(JsonElement element) where T : new() =>
        element.ValueKind == JsonValueKind.Object ? element.Deserialize<T>(Options) ?? new T() : new T();

    /// <summary>An optional nested wire object: null unless it is a JSON object.</summary>
    public static T ReadOrNull<T>(JsonElement? element) where T : class, new() =>
        element.HasValue && element.Value.ValueKind == JsonValueKind.Object ? Read<T>(element.Value) : null;

    /// <summary>Items of a list answer: {key:[...]}, {key:{...}} (one item), or a bare array.</summary>
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

    /// <summary>The items of a nested list field, each read as <typeparamref name="T"/>.</summary>
    public static List<T> ReadList<T>(JsonElement? element) where T : new()
    {
        var list = new List<T>();
        if (element.HasValue && element.Value.ValueKind == JsonValueKind.Array)
            foreach (var item in element.Value.EnumerateArray()) list.Add(Read<T>(item));
        return list;
    }

    /// <summary>A JSON object's scalar fields as text (objects, arrays and nulls left out).</summary>
    public static void CopyScalars(JsonElement obj, IDictionary<string, string> into)
    {
        if (obj.ValueKind != JsonValueKind.Object) return;
        foreach (var p in obj.EnumerateObject())
        {
            var text = Scalar(p.Value);
            if (text != null) into[p.Name] = text;
        }
    }

    private static string Scalar(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String: return v.GetString();
            case JsonValueKind.Number: return v.GetRawText();
            case JsonValueKind.True: return "true";
            case JsonValueKind.False: return "false";
            default: return null;
        }
    }

    private static string ReadScalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number:
                using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray: reader.Skip(); return null;
            default: return null;
        }
    }

    private sealed class LenientString : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadScalar(ref reader);
        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class LenientTime : JsonConverter<DateTimeOffset?>
    {
        private const long MinEpochMs = -62135596800000L;
        private const long MaxEpochMs = 253402300799999L;

        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = ReadScalar(ref reader);
            if (string.IsNullOrEmpty(text)) return null;
            // Epoch milliseconds outside DateTimeOffset's range are no time (a hostile or broken answer must not throw).
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
                return ms >= MinEpochMs && ms <= MaxEpochMs ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteStringValue(value.Value.ToString("o", CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }

    private sealed class LenientInt : JsonConverter<int?>
    {
        public override bool HandleNull => true;

        // NaN, infinities and numbers outside int are no number (a hostile or broken answer must not wrap around).
        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            double.TryParse(ReadScalar(ref reader), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= int.MinValue && d <= int.MaxValue
                ? (int?)(int)d : null;

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteNumberValue(value.Value);
            else writer.WriteNullValue();
        }
    }
}
