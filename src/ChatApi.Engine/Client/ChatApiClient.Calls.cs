using System.Globalization;

namespace ChatApi.Engine;

/// <summary>The generic calls every operation is made of: send, check, map.</summary>
public sealed partial class ChatApiClient
{
    private string PathOf(string family) => wire.ResourcePath(scope, family);

    private string ItemPath(string family, string id, string parameter = "Id") => $"{PathOf(family)}/{Segment(id, parameter)}";

    private static string Segment(string id, string parameter)
    {
        ChatRules.Require(parameter, ChatRules.CheckNotEmpty(id));
        return Uri.EscapeDataString(id);
    }

    /// <summary>Sends and throws a <see cref="ChatApiException"/> unless the answer is 2xx.</summary>
    private async Task<ApiResponse> SendCheckedAsync(ApiRequest request, CallContext ctx, string what)
    {
        var response = await SendAsync(request, ctx).ConfigureAwait(false);
        if (!response.IsSuccess) throw Failure(request, response, what);
        return response;
    }

    /// <summary>Sends, checks, and maps the answer's JSON.</summary>
    private async Task<T> CallAsync<T>(ApiRequest request, Func<JsonElement, ApiResponse, T> map, CallContext ctx, string what)
    {
        var response = await SendCheckedAsync(request, ctx, what).ConfigureAwait(false);
        return Map(response, map, what);
    }

    private static T Map<T>(ApiResponse response, Func<JsonElement, ApiResponse, T> map, string what)
    {
        using (var doc = WireJson.Parse(response.Body, char.ToLowerInvariant(what[0]) + what.Substring(1)))
            return map(doc.RootElement, response);
    }

    private ChatApiException Failure(ApiRequest request, ApiResponse response, string what)
    {
        var problem = wire.ReadProblem(response.Body);
        var kind = ProblemReader.KindOf(response.StatusCode);
        string text = problem.Message ?? $"HTTP {response.StatusCode}";
        string message = $"{what} failed: {text} ({response.StatusCode} {request.Method} /{request.Path})";
        if (kind == ChatErrorKind.Forbidden && !ScopeAdvice.IsAboutTenant(problem))
            message = ScopeAdvice.Describe(what, ScopeAdvice.MissingScope(problem, wire, request), request, response.StatusCode);
        if (kind == ChatErrorKind.PreconditionFailed)
            message = $"{what} failed: it changed on the server since it was read (If-Match refused, 412). Read it again and retry.";
        if (response.StatusCode >= 300 && response.StatusCode < 400)
            message = $"{what} failed: the server redirected ({response.StatusCode}) to {Redactor.Redact(response.Header("Location") ?? "(no Location)")}; redirects are not followed, so the token never goes to another address. Check -BaseUri.";
        if (response.Attempts > 1) message += $" after {response.Attempts} attempts";
        message = Redactor.Redact(message);
        return new ChatApiException(kind, message, response.StatusCode, request.Method, request.Path, Redactor.Redact(problem.Message),
            problem.Errors?.Select(Redactor.Redact).ToList(), problem.ReferenceId, response.Attempts);
    }

    private static int? ETagOf(ApiResponse response)
    {
        var etag = response.Header("ETag");
        if (string.IsNullOrEmpty(etag)) return null;
        etag = etag.Trim();
        if (etag.StartsWith("W/", StringComparison.Ordinal)) etag = etag.Substring(2);
        etag = etag.Trim('"');
        return int.TryParse(etag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? (int?)version : null;
    }

    /// <summary>
    /// Writes <paramref name="desired"/> over <paramref name="current"/> with a PUT under If-Match of the
    /// version that was read (when the server gave one); nothing is sent when they already agree. A 412
    /// after an attempt whose answer was lost is done when the server now holds what was wanted: that
    /// attempt landed and bumped the version.
    /// </summary>
    private async Task<T> ReplaceAsync<T>(T current, T desired, int? etag, ApiRequest request, Func<JsonElement, ApiResponse, T> read,
        Func<Task<T>> reread, Func<T, T, bool> same, CallContext ctx, string what, string unchanged)
    {
        if (same(desired, current))
        {
            ctx.Log.Verbose(unchanged);
            return current;
        }
        if (etag.HasValue) request.Headers["If-Match"] = etag.Value.ToString(CultureInfo.InvariantCulture);
        var response = await SendAsync(request, ctx).ConfigureAwait(false);
        if (response.IsSuccess) return Map(response, read, what);
        if (response.StatusCode == 412 && response.EarlierAttemptUncertain)
        {
            var now = await reread().ConfigureAwait(false);
            if (same(now, desired)) return now;
        }
        throw Failure(request, response, what);
    }

    /// <summary>DELETE; a 404 after an attempt that may have landed counts as done.</summary>
    private Task DeleteAsync(string path, CallContext ctx, string what) => RemoveAsync(new ApiRequest("DELETE", path), ctx, what);

    /// <summary>A call that removes something (a DELETE, the Gateway's PATCH of a leaving user); a 404 after an attempt that may have landed counts as done.</summary>
    private async Task RemoveAsync(ApiRequest request, CallContext ctx, string what)
    {
        var response = await SendAsync(request, ctx).ConfigureAwait(false);
        if (response.IsSuccess) return;
        if (response.StatusCode == 404 && response.EarlierAttemptUncertain)
        {
            ctx.Log.Verbose($"{request.Display}: 404 after an attempt whose answer was lost; it was removed by that attempt");
            return;
        }
        throw Failure(request, response, what);
    }
}
