using System.Text.Json;

namespace ChatApi.Emulator.Http;

/// <summary>Reads a request body as a JSON object, and reads fields that may come under either of two names.</summary>
public static class JsonBody
{
    /// <summary>The body as an object, or a 400 problem when it is missing or not a JSON object.</summary>
    public static async Task<(JsonObject? Body, Problem? Error)> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node is JsonObject obj ? (obj, null) : (null, Problem.BadRequestMessage("The request body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problem.BadRequestMessage($"The request body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>A string field, or null when absent or JSON null. A non-string value is an error.</summary>
    public static string? String(JsonObject body, string name, List<FieldError> errors)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        errors.Add(new FieldError(name, "must be a string"));
        return null;
    }

    /// <summary>The first of the names present; reports which one was used.</summary>
    public static string? StringEither(JsonObject body, string first, string second, List<FieldError> errors) =>
        body.ContainsKey(first) && body[first] is not null ? String(body, first, errors) : String(body, second, errors);
}
