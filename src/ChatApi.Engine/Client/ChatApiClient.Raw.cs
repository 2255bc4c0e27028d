using ChatApi.Engine.Wire;

namespace ChatApi.Engine;

/// <summary>
/// Invoke-ChatApiRequest's calls: anything the typed operations do not cover yet, through the same
/// transport (token refresh, rate limit, retries, timeouts, answer cap, redaction, error kinds).
/// </summary>
public sealed partial class ChatApiClient
{
    /// <summary>
    /// Sends one call and returns its answer; a non-2xx answer throws the same <see cref="ChatApiException"/>
    /// as any cmdlet. A POST or PATCH whose answer is lost is not repeated: it fails with
    /// <see cref="ChatErrorKind.OutcomeUnknown"/>, since nothing says how to check whether it was done.
    /// </summary>
    public async Task<ChatHttpResponse> InvokeAsync(RawRequest raw, CallContext ctx)
    {
        var request = ToApiRequest(raw);
        var response = await SendRawAsync(raw, request, ctx).ConfigureAwait(false);
        return new ChatHttpResponse
        {
            Method = request.Method,
            Path = request.Path,
            StatusCode = response.StatusCode,
            Headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase),
            Content = response.Body,
            Attempts = response.Attempts,
        };
    }

    /// <summary>
    /// A GET of a list, every page: each item's JSON goes to <paramref name="emit"/> as its page arrives.
    /// V2's {data, page} and the Gateway's HAL pages alike, as the session's wire reads them.
    /// </summary>
    public Task InvokeAllAsync(RawRequest raw, Action<string> emit, CallContext ctx)
    {
        ChatRules.Require("All", raw.Method != "GET" ? "follows the pages of a GET only" : null);
        ChatRules.Require("Query", raw.Query.Any(q => q.Key == "page" || q.Key == "size") ? "must not set page or size with -All: -All asks for the pages itself" : null);
        var request = ToApiRequest(raw);
        return ListPagesAsync(request.Path, request.Query, null, 0, e => new KeyValuePair<string, string>(IdOf(e), e.GetRawText()),
            item => item.Key, item => emit(item.Value), ctx, request.Display, headers: request.Headers);
    }

    private static string IdOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Object && id.ValueKind != JsonValueKind.Array
            ? id.ToString() : null;

    private async Task<ApiResponse> SendRawAsync(RawRequest raw, ApiRequest request, CallContext ctx)
    {
        ApiResponse response;
        try
        {
            response = await SendAsync(request, ctx).ConfigureAwait(false);
        }
        catch (ChatApiException e) when (raw.IsRepeatUnsafe && (e.Kind == ChatErrorKind.Network || e.Kind == ChatErrorKind.Timeout))
        {
            throw OutcomeUnknownRaw(request, e.Message, e);
        }
        if (response.IsSuccess) return response;
        if (raw.IsRepeatUnsafe && ResiliencePipelineFactory.IsUncertain(response.StatusCode))
            throw OutcomeUnknownRaw(request, $"the server answered {response.StatusCode}", Failure(request, response, request.Display));
        throw Failure(request, response, request.Display);
    }

    private static ChatApiException OutcomeUnknownRaw(ApiRequest request, string why, Exception inner) =>
        new ChatApiException(ChatErrorKind.OutcomeUnknown,
            Redactor.Redact($"{request.Display}: the outcome is unknown: {why}, so the server may or may not have done it. It was not repeated (a {request.Method} could be done twice); read the server (a GET) before sending it again."),
            0, request.Method, request.Path, inner: inner);

    private ApiRequest ToApiRequest(RawRequest raw)
    {
        raw.Validate();
        var (path, query) = ResolvePath(raw.Path);
        var request = new ApiRequest(raw.Method, path) { JsonBody = raw.Body, ContentType = raw.ContentType, IsCreate = raw.IsRepeatUnsafe };
        request.Query.AddRange(query);
        request.Query.AddRange(raw.Query);
        foreach (var h in raw.Headers) request.Headers[h.Key] = h.Value;
        return request;
    }

    /// <summary>
    /// The path relative to the base URI and the query it carried: a relative path hangs under the
    /// session's API root (V2: region and tenant; the Gateway: chat-gateway/v1); a full URI must be on the
    /// session's own scheme, host and port, so the credential never goes elsewhere.
    /// </summary>
    private (string Path, List<KeyValuePair<string, string>> Query) ResolvePath(string path)
    {
        string text = path.Trim();
        string relative;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https"))
        {
            var baseUri = Session.BaseUri;
            ChatRules.Require("Path", uri.Scheme != baseUri.Scheme || !string.Equals(uri.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase) || uri.Port != baseUri.Port
                ? $"must be relative to the API root, or a full URI on the session's host ({Unreachable.HostOf(baseUri)}); {Unreachable.HostOf(uri)} is another host"
                : null);
            ChatRules.Require("Path", !string.IsNullOrEmpty(uri.UserInfo) ? "must not hold a user name or password" : null);
            string basePath = baseUri.AbsolutePath.TrimEnd('/') + "/";
            ChatRules.Require("Path", !uri.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal) ? $"must lie under the session's base URI path ({basePath})" : null);
            relative = uri.AbsolutePath.Substring(basePath.Length) + uri.Query;
        }
        else
        {
            ChatRules.Require("Path", text.IndexOf("://", StringComparison.Ordinal) >= 0 ? "must be an http or https URI on the session's host, or a path relative to the API root" : null);
            relative = wire.ApiRoot(scope) + "/" + text.TrimStart('/');
        }
        string query = null;
        int mark = relative.IndexOf('?');
        if (mark >= 0)
        {
            query = relative.Substring(mark + 1);
            relative = relative.Substring(0, mark);
        }
        ChatRules.Require("Path", relative.Split('/').Any(s => s == ".." || s == ".") ? "must not hold '.' or '..' segments" : null);
        ChatRules.Require("Path", relative.IndexOf('#') >= 0 ? "must not hold a fragment (#)" : null);
        var pairs = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(query))
            foreach (var part in query.Split('&').Where(p => p.Length > 0))
            {
                int eq = part.IndexOf('=');
                string name = Uri.UnescapeDataString((eq < 0 ? part : part.Substring(0, eq)).Replace('+', ' '));
                string value = eq < 0 ? "" : Uri.UnescapeDataString(part.Substring(eq + 1).Replace('+', ' '));
                pairs.Add(new KeyValuePair<string, string>(name, value));
            }
        return (relative.TrimEnd('/'), pairs);
    }
}
