using System;
using System.Management.Automation;
using System.Security;
using ChatApi.Engine;

namespace ChatApi.Cmdlets
{
    /// <summary>
    /// Connects to one tenant in one region: fetches a token and reads the tenant once, so a wrong
    /// key, region, tenant or base URI fails here. Missing values come from CHATAPI_REGION,
    /// CHATAPI_TENANT, CHATAPI_KEY, CHATAPI_SECRET and CHATAPI_BASEURI.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ChatApi", DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(ChatSession))]
    public sealed class ConnectChatApiCommand : ChatCmdletBase
    {
        private const string CredentialSet = "Credential";
        private const string KeySet = "ApiKey";

        [Parameter(Position = 0)]
        [ValidateSet(ChatValues.Us, ChatValues.Eu, ChatValues.Ca, ChatValues.Ap, IgnoreCase = true)]
        public string Region { get; set; }

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string TenantId { get; set; }

        [Parameter(ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter(ParameterSetName = KeySet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ApiKey { get; set; }

        [Parameter(ParameterSetName = KeySet, Mandatory = true)]
        public SecureString ApiSecret { get; set; }

        [Parameter]
        [ValidateAbsoluteUri]
        public Uri BaseUri { get; set; }

        [Parameter]
        [ValidateRange(0.0, 1000.0)]
        public double RequestsPerSecond { get; set; } = 5;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Allow an http:// -BaseUri to a host other than this machine (the secret and tokens travel in clear).</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedHttp { get; set; }

        protected override void EndProcessing()
        {
            var options = new ChatClientOptions
            {
                Region = (Region ?? Env("CHATAPI_REGION"))?.ToLowerInvariant(),
                TenantId = TenantId ?? Env("CHATAPI_TENANT"),
                BaseUri = BaseUri ?? EnvUri("CHATAPI_BASEURI") ?? ChatClientOptions.DefaultBaseUri,
                RequestsPerSecond = RequestsPerSecond,
                AllowUnencryptedHttp = AllowUnencryptedHttp,
            };
            if (ParameterSetName == KeySet)
            {
                options.ApiKey = ApiKey;
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
            if (!connected || client == null) return;
            SessionRegistry.Add(client);
            WriteVerbose($"Connected to tenant {options.TenantId} in region {options.Region} at {options.BaseUri}; token valid until {client.Session.TokenExpiresAt}");
            if (PassThru) WriteObject(client.Session);
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
}
