using System;
using System.Globalization;
using System.Text.Json;

namespace ChatApi.Engine.Json
{
    /// <summary>Tolerant reads from answers: the first of several names, strings or numbers alike.</summary>
    internal static class JsonRead
    {
        public static string Str(JsonElement obj, params string[] names)
        {
            if (obj.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in names)
            {
                if (!obj.TryGetProperty(name, out var v)) continue;
                switch (v.ValueKind)
                {
                    case JsonValueKind.String: return v.GetString();
                    case JsonValueKind.Number: return v.GetRawText();
                    case JsonValueKind.True: return "true";
                    case JsonValueKind.False: return "false";
                }
            }
            return null;
        }

        public static JsonElement? Obj(JsonElement obj, params string[] names)
        {
            if (obj.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in names)
                if (obj.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.Object || v.ValueKind == JsonValueKind.Array)) return v;
            return null;
        }

        public static int? Int(JsonElement obj, string name)
        {
            var text = Str(obj, name);
            // NaN, infinities and numbers outside int are no number (a hostile or broken answer must not wrap around).
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= int.MinValue && d <= int.MaxValue ? (int?)(int)d : null;
        }

        /// <summary>ISO 8601 text or epoch milliseconds.</summary>
        public static DateTimeOffset? Time(JsonElement obj, params string[] names)
        {
            var text = Str(obj, names);
            if (string.IsNullOrEmpty(text)) return null;
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
                return ms >= -62135596800000L && ms <= 253402300799999L ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        }

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
    }
}
