namespace ChatApi.Engine;

/// <summary>
/// A call the cmdlets do not make (Invoke-ChatApiRequest): method, a path relative to the session's
/// API root (or a full URI on the session's own host), query, extra headers and a body.
/// </summary>
public sealed class RawRequest
{
    public static readonly IReadOnlyList<string> Methods = new[] { "GET", "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>Headers the session sets itself: a caller cannot replace the credential, the tenant or the framing.</summary>
    public static readonly IReadOnlyList<string> SessionHeaders = new[]
    {
        "Authorization", "x-api-key", "X-8x8-Tenant", "Proxy-Authorization", "Host", "Content-Length", "Content-Type", "Accept", "User-Agent", "Idempotency-Key",
    };

    public string Method { get; set; } = "GET";
    public string Path { get; set; }
    public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();
    public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    /// <summary>The body as text (JSON unless <see cref="ContentType"/> says otherwise); null for none.</summary>
    public string Body { get; set; }
    /// <summary>The body's media type; default application/json.</summary>
    public string ContentType { get; set; }

    /// <summary>Whether repeating it after a lost answer could do it twice: POST and PATCH.</summary>
    public bool IsRepeatUnsafe => Method == "POST" || Method == "PATCH";

    internal void Validate()
    {
        ChatRules.Require("Method", Methods.Contains(Method) ? null : $"must be one of {string.Join(", ", Methods)}");
        ChatRules.Require("Path", string.IsNullOrWhiteSpace(Path) ? "must not be empty" : null);
        foreach (var name in Headers.Keys)
            ChatRules.Require("Headers", SessionHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? $"must not set '{name}': the session sets it (use -ContentType for the body's type)" : null);
        ChatRules.Require("Body", Body != null && Method == "GET" ? "cannot be sent with GET" : null);
    }
}
