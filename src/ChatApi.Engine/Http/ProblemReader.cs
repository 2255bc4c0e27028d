namespace ChatApi.Engine.Http;

/// <summary>The parts of an error answer a user needs, whatever shape 8x8 used for it.</summary>
internal sealed class Problem
{
    public string Message;
    public List<string> Errors = new List<string>();
    public string ReferenceId;
}

/// <summary>
/// Reads 8x8's error shapes: problem+json {message, errors[], referenceId}, the gateway's
/// {fault:{faultstring, detail:{errorcode}}}, the token endpoint's {ErrorCode, Error}, or plain text.
/// </summary>
internal static class ProblemReader
{
    public static Problem Read(string body)
    {
        var problem = new Problem();
        if (string.IsNullOrWhiteSpace(body)) return problem;
        try
        {
            using (var doc = JsonDocument.Parse(body))
            {
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.String) { problem.Message = root.GetString(); return problem; }
                if (root.ValueKind != JsonValueKind.Object) { problem.Message = Shorten(body); return problem; }
                problem.Message = Text(root, "message") ?? Text(root, "detail") ?? Text(root, "title") ?? Text(root, "Error");
                if (root.TryGetProperty("fault", out var fault) && fault.ValueKind == JsonValueKind.Object)
                {
                    problem.Message = Text(fault, "faultstring");
                    if (fault.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object && Text(detail, "errorcode") is string code)
                        problem.Errors.Add(code);
                }
                if (Text(root, "ErrorCode") is string errorCode) problem.Errors.Add(errorCode);
                problem.ReferenceId = Text(root, "referenceId");
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                    foreach (var e in errors.EnumerateArray()) problem.Errors.Add(ErrorText(e));
            }
        }
        catch (JsonException)
        {
            problem.Message = Shorten(body);
        }
        return problem;
    }

    public static ChatErrorKind KindOf(int status)
    {
        switch (status)
        {
            case 400: case 422: return ChatErrorKind.Validation;
            case 401: return ChatErrorKind.Unauthorized;
            case 403: return ChatErrorKind.Forbidden;
            case 404: return ChatErrorKind.NotFound;
            case 409: return ChatErrorKind.Conflict;
            case 412: return ChatErrorKind.PreconditionFailed;
            case 429: return ChatErrorKind.RateLimited;
            case 408: case 504: return ChatErrorKind.Timeout;
            default: return status >= 500 ? ChatErrorKind.ServerError : ChatErrorKind.Unknown;
        }
    }

    private static string ErrorText(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String) return e.GetString();
        if (e.ValueKind != JsonValueKind.Object) return e.GetRawText();
        string field = Text(e, "field") ?? Text(e, "name") ?? Text(e, "property");
        string message = Text(e, "message") ?? Text(e, "detail") ?? e.GetRawText();
        return field != null ? $"{field}: {message}" : message;
    }

    private static string Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Null ? null : v.GetRawText()) : null;

    private static string Shorten(string body) => body.Length <= 300 ? body.Trim() : body.Substring(0, 300).Trim() + "...";
}
