namespace ChatApi.Engine.Http;

/// <summary>What an attempt reports on Verbose and Debug, one wording for every way a call is sent (tests read these lines).</summary>
internal static class AttemptLog
{
    public static void NoAnswer(IChatLog log, ApiRequest request, int attempt, long ms, string why) =>
        log.Verbose(Redactor.Redact($"{request.Display} -> no answer (attempt {attempt}, {ms} ms): {why}"));

    public static void Answer(IChatLog log, ApiRequest request, int status, int attempt, long ms, string body)
    {
        log.Verbose(Redactor.Redact($"{request.Display} -> {status} (attempt {attempt}, {ms} ms)"));
        if (request.LogBodies && !string.IsNullOrEmpty(body)) log.Debug(Redactor.Redact($"{request.Display} answer: {Truncate(body)}"));
    }

    /// <summary>A turn at the session's rate limit that had to be waited for (Debug: under a bulk run nearly every call waits).</summary>
    public static void RateLimitWait(IChatLog log, ApiRequest request, int attempt, long ms)
    {
        if (ms >= 1) log.Debug(Redactor.Redact($"{request.Display}: waited {ms} ms for the session's rate limit (attempt {attempt})"));
    }

    private static string Truncate(string text) => text.Length <= 4096 ? text : text.Substring(0, 4096) + "...";
}
