namespace ChatApi.Engine.Http;

/// <summary>What came back for one attempt, reduced to what the client reads.</summary>
internal sealed class ApiResponse
{
    public ApiResponse(int statusCode, string body, IDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        Body = body ?? string.Empty;
        Headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
    }

    public int StatusCode { get; }
    public string Body { get; }
    public IDictionary<string, string> Headers { get; }
    public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
    /// <summary>How many attempts the call took.</summary>
    public int Attempts { get; set; }
    /// <summary>An earlier attempt may have reached the server without its answer reaching us (cut connection, timeout, 5xx).</summary>
    public bool EarlierAttemptUncertain { get; set; }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
