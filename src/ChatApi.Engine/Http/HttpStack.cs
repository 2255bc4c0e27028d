using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ChatApi.Engine.Http;

/// <summary>
/// The one place the client's HTTP is built: every API call, token call, file transfer and key fetch
/// goes through a handler made here. Decided once for all of them:
/// <list type="bullet">
/// <item>proxy: <see cref="NetworkOptions"/> (given, none, or the environment's as .NET reads it);</item>
/// <item>TLS: the operating system's protocols and certificate checks, never relaxed;</item>
/// <item>redirects are not followed (a credential header never travels to another address), no cookies;</item>
/// <item>at most <see cref="MaxConnectionsPerServer"/> connections to one server;</item>
/// <item>no HttpClient timeout: the resilience pipeline times each attempt, key fetches their own;</item>
/// <item>the User-Agent <c>ChatApi/&lt;module version&gt; PowerShell/&lt;version&gt; &lt;OS&gt;</c>.</item>
/// </list>
/// </summary>
internal static class HttpStack
{
    /// <summary>Enough for -ThrottleLimit windows and a transfer beside them; far below any server's patience.</summary>
    public const int MaxConnectionsPerServer = 32;

    /// <summary>The module's version as it is published (three parts).</summary>
    public static string ModuleVersion => typeof(HttpStack).Assembly.GetName().Version.ToString(3);

    public static string UserAgent(NetworkOptions network) =>
        $"ChatApi/{ModuleVersion} {(string.IsNullOrEmpty(network?.Host) ? "PowerShell" : network.Host)} {OperatingSystem}";

    /// <summary>The platform's name, one token: Windows, Linux, macOS, FreeBSD.</summary>
    public static string OperatingSystem =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "Windows"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macOS"
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "Linux"
        : "FreeBSD";

    /// <summary>A new handler: one per session (its connections are the session's), shared by its API calls and transfers.</summary>
    public static HttpClientHandler CreateHandler(NetworkOptions network)
    {
        network = network ?? NetworkOptions.Default;
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = MaxConnectionsPerServer,
        };
        if (network.NoProxy)
        {
            handler.UseProxy = false;
        }
        else if (network.Proxy != null)
        {
            handler.UseProxy = true;
            // WebProxy.UseDefaultCredentials = false clears Credentials: set one or the other, never both.
            var proxy = new WebProxy(network.Proxy);
            if (network.ProxyUseDefaultCredentials) proxy.UseDefaultCredentials = true;
            else proxy.Credentials = network.ProxyCredential;
            handler.Proxy = proxy;
        }
        // else: Proxy stays null and UseProxy true, which is .NET's environment proxy.
        return handler;
    }

    /// <summary>An HttpClient over a handler of this stack, with the User-Agent and no timeout of its own.</summary>
    public static HttpClient CreateClient(HttpMessageHandler handler, NetworkOptions network, bool disposeHandler = true)
    {
        var client = new HttpClient(handler, disposeHandler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent(network));
        return client;
    }

    private static readonly Dictionary<string, HttpClient> Sessionless = new Dictionary<string, HttpClient>(StringComparer.Ordinal);

    /// <summary>
    /// The client of sessionless key fetches with these network options: one per proxy setting for the
    /// process (a function app verifying events must not open a connection pool per event).
    /// </summary>
    public static HttpClient SessionlessClient(NetworkOptions network)
    {
        network = network ?? NetworkOptions.Default;
        string key = CacheKey(network);
        lock (Sessionless)
        {
            if (!Sessionless.TryGetValue(key, out var client))
                Sessionless[key] = client = CreateClient(CreateHandler(network), network);
            return client;
        }
    }

    /// <summary>What tells two settings apart; the password only as a hash, so a new password gets a new client.</summary>
    private static string CacheKey(NetworkOptions n)
    {
        string password = n.ProxyCredential?.Password ?? "";
        string hash;
        using (var sha = SHA256.Create()) hash = Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(password)));
        return string.Join("|", n.NoProxy, n.Proxy?.AbsoluteUri, n.ProxyUseDefaultCredentials, n.ProxyCredential?.Domain, n.ProxyCredential?.UserName, hash, n.Host);
    }
}
