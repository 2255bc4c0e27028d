using System;
using System.Collections;
using System.Management.Automation;
using ChatApi.Engine;

namespace ChatApi.Cmdlets;

/// <summary>
/// Turns Invoke-RestMethod's proxy parameters into the engine's <see cref="NetworkOptions"/>, with the
/// shell's version for the User-Agent. The one place the cmdlets read them.
/// </summary>
internal static class NetworkParameters
{
    public static NetworkOptions From(PSCmdlet cmdlet, Uri proxy, PSCredential proxyCredential, bool useDefaultCredentials, bool noProxy) => new NetworkOptions
    {
        Proxy = proxy,
        ProxyCredential = proxyCredential == null || proxyCredential == PSCredential.Empty ? null : proxyCredential.GetNetworkCredential(),
        ProxyUseDefaultCredentials = useDefaultCredentials,
        NoProxy = noProxy,
        Host = HostOf(cmdlet),
    };

    /// <summary>"PowerShell/7.4.6": $PSVersionTable.PSVersion of the runspace running the cmdlet.</summary>
    public static string HostOf(PSCmdlet cmdlet)
    {
        var table = cmdlet.SessionState?.PSVariable.GetValue("PSVersionTable") as IDictionary;
        var version = table?["PSVersion"];
        return "PowerShell/" + (version?.ToString() ?? "unknown");
    }
}
