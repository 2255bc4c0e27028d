using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ChatApi.Engine;

namespace ChatApi.Cmdlets;

/// <summary>
/// Connects to one tenant: through Chat API V2 in one region (the default; a token is fetched), or
/// through the Chat Gateway (-Api Gateway: the API key is the only credential, sent as x-api-key,
/// the tenant as X-8x8-Tenant, no region). The tenant is read once, so a wrong key, region, tenant
/// or base URI fails here. Missing values come from CHATAPI_API, CHATAPI_REGION, CHATAPI_TENANT,
/// CHATAPI_KEY, CHATAPI_SECRET and CHATAPI_BASEURI.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "ChatApi", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(ChatSession))]
public sealed class ConnectChatApiCommand : ChatCmdletBase
{
    private const string CredentialSet = "Credential";
    private const string KeySet = "ApiKey";

    /// <summary>V2 (Chat API V2, the default) or Gateway (the Chat Gateway).</summary>
    [Parameter]
    [ValidateSet(ChatValues.ApiV2, ChatValues.ApiGateway, IgnoreCase = true)]
    public string Api { get; set; }

    [Parameter(Position = 0)]
    [ValidateSet(ChatValues.Us, ChatValues.Eu, ChatValues.Ca, ChatValues.Ap, IgnoreCase = true)]
    public string Region { get; set; }

    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string TenantId { get; set; }

    [Parameter(ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential Credential { get; set; }

    /// <summary>The API key: V2's public half (with -ApiSecret), or the Gateway's key, as a string or a SecureString.</summary>
    [Parameter(ParameterSetName = KeySet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public object ApiKey { get; set; }

    /// <summary>V2 only: the secret of the API key.</summary>
    [Parameter(ParameterSetName = KeySet)]
    public SecureString ApiSecret { get; set; }

    [Parameter]
    [ValidateAbsoluteUri]
    public Uri BaseUri { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1000.0)]
    public double RequestsPerSecond { get; set; } = 5;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The proxy every call of the session goes through (API, token, transfers, key fetches). Without it (and without -NoProxy), the environment's: HTTPS_PROXY, HTTP_PROXY, NO_PROXY, the system setting on Windows.</summary>
    [Parameter]
    [ValidateAbsoluteUri]
    public Uri Proxy { get; set; }

    /// <summary>The user name and password the proxy asks for (Basic, NTLM, Negotiate); the password is never shown.</summary>
    [Parameter]
    [Credential]
    public PSCredential ProxyCredential { get; set; }

    /// <summary>Authenticate to -Proxy as the signed-in account.</summary>
    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Connect directly, ignoring the environment's proxy.</summary>
    [Parameter]
    public SwitchParameter NoProxy { get; set; }

    /// <summary>Allow an http:// -BaseUri to a host other than this machine (the secret and tokens travel in clear).</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedHttp { get; set; }

    protected override void EndProcessing()
    {
        string api = Api ?? Env("CHATAPI_API") ?? ChatValues.ApiV2;
        Require("Api", ChatValues.Apis.Contains(api, StringComparer.OrdinalIgnoreCase) ? null : $"from CHATAPI_API must be one of {string.Join(", ", ChatValues.Apis)}");
        if (string.Equals(api, ChatValues.ApiGateway, StringComparison.OrdinalIgnoreCase))
        {
            ConnectGateway();
            return;
        }
        var options = new ChatClientOptions
        {
            Region = (Region ?? Env("CHATAPI_REGION"))?.ToLowerInvariant(),
            TenantId = TenantId ?? Env("CHATAPI_TENANT"),
            BaseUri = BaseUri ?? EnvUri("CHATAPI_BASEURI") ?? ChatClientOptions.DefaultBaseUri,
            RequestsPerSecond = RequestsPerSecond,
            AllowUnencryptedHttp = AllowUnencryptedHttp,
            Network = Network(),
        };
        if (ParameterSetName == KeySet)
        {
            Require("ApiKey", KeyText(ApiKey) == null ? "must be a string or a SecureString" : null);
            Require("ApiSecret", ApiSecret == null ? "is required with -ApiKey on a V2 session (the Chat Gateway, -Api Gateway, needs the key only)" : null);
            options.ApiKey = KeyText(ApiKey);
            options.ApiSecret = ApiSecret;
        }
        else if (Credential != null)
        {
            options.ApiKey = Credential.UserName;
            options.ApiSecret = Credential.Password;
        }
        else
        {
            options.ApiKey = Env("CHATAPI_KEY");
            options.ApiSecret = ToSecure(Env("CHATAPI_SECRET"));
        }
        Require("Region", options.Region == null ? "is required (or set CHATAPI_REGION): one of us, eu, ca, ap" : ChatRules.CheckRegion(options.Region));
        Require("TenantId", string.IsNullOrEmpty(options.TenantId) ? "is required (or set CHATAPI_TENANT)" : null);
        Require("BaseUri", ChatRules.CheckBaseUri(options.BaseUri, AllowUnencryptedHttp));
        Require("Credential", string.IsNullOrEmpty(options.ApiKey) || options.ApiSecret == null ? "is required: pass -Credential (user name = API key, password = secret), -ApiKey with -ApiSecret, or set CHATAPI_KEY and CHATAPI_SECRET" : null);

        var client = Connect(options);
        if (client == null) return;
        WriteVerbose($"Connected to tenant {options.TenantId} in region {options.Region} at {options.BaseUri}; token valid until {client.Session.TokenExpiresAt}");
        if (PassThru) WriteObject(client.Session);
    }

    /// <summary>
    /// The Chat Gateway: the key (from -ApiKey, the password of -Credential, or CHATAPI_KEY) is the only
    /// credential; -TenantId (or CHATAPI_TENANT) becomes X-8x8-Tenant; there is no region.
    /// </summary>
    private void ConnectGateway()
    {
        Require("Region", Region != null ? "does not apply to the Chat Gateway (-Api Gateway): its paths hold no region" : null);
        Require("ApiSecret", ApiSecret != null ? "does not apply to the Chat Gateway (-Api Gateway): its API key is the only credential" : null);
        SecureString key;
        if (ParameterSetName == KeySet)
        {
            key = (ApiKey is PSObject ps ? ps.BaseObject : ApiKey) is SecureString secure ? secure : ToSecure(KeyText(ApiKey));
            Require("ApiKey", key == null ? "must be a string or a SecureString" : null);
        }
        else key = Credential != null ? Credential.Password : ToSecure(Env("CHATAPI_KEY"));
        Require("ApiKey", key == null || key.Length == 0
            ? "is required for the Chat Gateway: pass -ApiKey (a string or SecureString), -Credential (the password is the key), or set CHATAPI_KEY" : null);
        var options = new ChatClientOptions
        {
            Api = ChatValues.ApiGateway,
            TenantId = TenantId ?? Env("CHATAPI_TENANT"),
            BaseUri = BaseUri ?? EnvUri("CHATAPI_BASEURI") ?? ChatClientOptions.DefaultBaseUri,
            GatewayKey = key,
            RequestsPerSecond = RequestsPerSecond,
            AllowUnencryptedHttp = AllowUnencryptedHttp,
            Network = Network(),
        };
        var client = Connect(options);
        if (client == null) return;
        WriteVerbose($"Connected to the Chat Gateway at {options.BaseUri}" + (options.TenantId != null ? $" for tenant {options.TenantId}" : " for the key's tenant"));
        if (PassThru) WriteObject(client.Session);
    }

    private NetworkOptions Network() => NetworkParameters.From(this, Proxy, ProxyCredential, ProxyUseDefaultCredentials, NoProxy);

    /// <summary>Connects and reads the tenant once; the client is registered as the current session, or null when it failed (reported).</summary>
    private ChatApiClient Connect(ChatClientOptions options)
    {
        ChatApiClient client = null;
        bool connected = Run(async call =>
        {
            var connecting = await ChatApiClient.ConnectAsync(options, call.Context).ConfigureAwait(false);
            try
            {
                await connecting.VerifyTenantAsync(call.Context).ConfigureAwait(false);
            }
            catch
            {
                connecting.Dispose();
                throw;
            }
            client = connecting;
        }, options.BaseUri);
        if (!connected || client == null) return null;
        SessionRegistry.Add(client);
        return client;
    }

    /// <summary>The key as text: a string, or a SecureString's content; null for anything else.</summary>
    private static string KeyText(object value)
    {
        var o = value is PSObject ps ? ps.BaseObject : value;
        if (o is string text) return text;
        if (o is SecureString secure) return new System.Net.NetworkCredential(string.Empty, secure).Password;
        return null;
    }

    private void Require(string parameter, string problem)
    {
        if (problem == null) return;
        ThrowTerminatingError(ErrorRecords.From(new ArgumentException($"Parameter '{parameter}' {problem}.", parameter), null));
    }

    private static string Env(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private Uri EnvUri(string name)
    {
        var text = Env(name);
        if (text == null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri)) return uri;
        Require("BaseUri", $"from {name} must be an absolute http or https URI");
        return null;
    }

    private static SecureString ToSecure(string text)
    {
        if (text == null) return null;
        var secure = new SecureString();
        foreach (char c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
