using System.Net;

namespace ChatApi.Engine;

/// <summary>
/// How a session (or a sessionless key fetch) reaches the network: the proxy, and what the client
/// says it is. Invoke-RestMethod's names: -Proxy with -ProxyCredential or -ProxyUseDefaultCredentials,
/// or -NoProxy; none of them means the environment's proxy as .NET reads it (HTTPS_PROXY, HTTP_PROXY,
/// NO_PROXY, and the system setting on Windows). The proxy's password stays in the credential.
/// </summary>
public sealed class NetworkOptions
{
    /// <summary>No proxy given: the environment's.</summary>
    public static readonly NetworkOptions Default = new NetworkOptions();

    public Uri Proxy { get; set; }
    public NetworkCredential ProxyCredential { get; set; }
    public bool ProxyUseDefaultCredentials { get; set; }
    /// <summary>Connect directly, ignoring the environment's proxy.</summary>
    public bool NoProxy { get; set; }
    /// <summary>The shell and its version for the User-Agent, such as "PowerShell/7.4.6"; null when unknown.</summary>
    public string Host { get; set; }

    /// <summary>The proxy as it may be shown: scheme, host and port, never a user or password.</summary>
    public string ProxyDisplay => NoProxy ? "none" : Proxy == null ? null : Unreachable.HostOf(Proxy);

    internal void Validate()
    {
        ChatRules.Require("Proxy", Proxy != null && (!Proxy.IsAbsoluteUri || (Proxy.Scheme != "http" && Proxy.Scheme != "https"))
            ? "must be an absolute http or https URI" : null);
        ChatRules.Require("Proxy", Proxy != null && !string.IsNullOrEmpty(Proxy.UserInfo)
            ? "must not hold a user or password: pass them as -ProxyCredential" : null);
        ChatRules.Require("NoProxy", NoProxy && Proxy != null ? "cannot be used with -Proxy" : null);
        ChatRules.Require("ProxyCredential", Proxy == null && (ProxyCredential != null || ProxyUseDefaultCredentials)
            ? "needs -Proxy (the environment's proxy takes its credentials from the environment)" : null);
        ChatRules.Require("ProxyCredential", ProxyCredential != null && ProxyUseDefaultCredentials
            ? "cannot be used with -ProxyUseDefaultCredentials" : null);
    }
}
