using System.Net.Http;

namespace ChatApi.Engine.Http;

/// <summary>
/// A proxy that wants credentials (407) ends the call at once, on every kind of call: no retry can
/// help, and the error names the parameter that does. Over http the 407 is an answer; over https it
/// comes as the failed CONNECT of the tunnel (an HttpRequestException carrying the status).
/// </summary>
internal static class ProxyRefusal
{
    public const int Status = 407;

    public const string Advice = "The proxy asked for authentication (407 Proxy Authentication Required): pass -ProxyCredential "
        + "(or -ProxyUseDefaultCredentials for the signed-in account) with -Proxy (Connect-ChatApi, or the cmdlet fetching keys without a session), or check the credential given";

    public static void ThrowIfRefused(int status, ApiRequest request, int attempt)
    {
        if (status != Status) return;
        throw new ChatApiException(ChatErrorKind.ProxyAuthentication, $"{Redactor.Redact(request.Display)} failed. {Advice}.",
            Status, request.Method, request.Path, attempts: attempt);
    }

    /// <summary>The status a failed proxy tunnel carries (HttpRequestException.StatusCode, .NET 5 and later), else 0.</summary>
    public static int StatusOf(Exception e)
    {
        for (var x = e; x != null; x = x.InnerException)
        {
            if (!(x is HttpRequestException)) continue;
            if (x.GetType().GetProperty("StatusCode")?.GetValue(x) is object code) return Convert.ToInt32(code);
            if ((x.Message ?? "").Contains("'407'")) return Status;
        }
        return 0;
    }
}
