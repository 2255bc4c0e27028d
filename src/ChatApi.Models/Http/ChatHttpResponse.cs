using System;
using System.Collections.Generic;

namespace ChatApi;

/// <summary>
/// An answer as Invoke-ChatApiRequest -OutputType HttpResponse shows it: status, headers and body
/// text. Never a request header (the credential stays in the engine).
/// </summary>
public sealed class ChatHttpResponse
{
    public string Method { get; set; }
    /// <summary>The path relative to the base URI, as sent (without the query).</summary>
    public string Path { get; set; }
    public int StatusCode { get; set; }
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    /// <summary>The answer's body as text (JSON for the APIs' answers).</summary>
    public string Content { get; set; }
    /// <summary>How many attempts the call took (retries after 429, 5xx or a lost answer).</summary>
    public int Attempts { get; set; }

    public override string ToString() => $"{StatusCode} {Method} /{Path}";
}
