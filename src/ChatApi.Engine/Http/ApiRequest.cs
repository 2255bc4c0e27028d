namespace ChatApi.Engine.Http;

/// <summary>One logical API call, before retries: what to send, not how.</summary>
internal sealed class ApiRequest(string method, string path)
{
    public string Method { get; } = method;
    /// <summary>Path relative to the base URI, without a leading slash.</summary>
    public string Path { get; } = path;
    public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();
    public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();
    public string JsonBody { get; set; }
    /// <summary>The body's media type when it is not JSON (Invoke-ChatApiRequest -ContentType); null: application/json.</summary>
    public string ContentType { get; set; }
    public List<KeyValuePair<string, string>> Form { get; } = new List<KeyValuePair<string, string>>();
    /// <summary>Send the session's bearer token (every call but the token call).</summary>
    public bool Authenticated { get; set; } = true;
    /// <summary>Log request and response bodies under -Debug (off for the token call).</summary>
    public bool LogBodies { get; set; } = true;

    /// <summary>
    /// A host that cannot be found, refuses the connection or fails the TLS handshake ends the call
    /// at once instead of being retried (Connect-ChatApi: a wrong -BaseUri is not a passing fault).
    /// </summary>
    public bool FailFastWhenUnreachable { get; set; }

    /// <summary>
    /// A create: 8x8 ignores Idempotency-Key, so an attempt whose answer may be lost (no answer, a
    /// timeout, a 5xx) is not repeated blindly here; the client finds out what happened first
    /// (ChatApiClient.CreateAsync). A refusal that did nothing (429) is still retried here.
    /// </summary>
    public bool IsCreate { get; set; }

    /// <summary>A file sent or an answer received as a stream (attachments), instead of JSON text.</summary>
    public StreamTransfer Transfer { get; set; }

    /// <summary>How long one attempt may take, when not the resilience options' (a large transfer needs longer).</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>Changing calls carry one Idempotency-Key across all their attempts.</summary>
    public bool IsChanging => Method != "GET";

    public ApiRequest WithQuery(string name, string value)
    {
        if (value != null) Query.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public string Display
    {
        get
        {
            if (Query.Count == 0) return $"{Method} /{Path}";
            var parts = new List<string>();
            foreach (var q in Query) parts.Add($"{q.Key}={q.Value}");
            return $"{Method} /{Path}?{string.Join("&", parts)}";
        }
    }
}
