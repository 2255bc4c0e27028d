using System;
using System.Management.Automation;
using ChatApi.Engine;
using ChatApi.Engine.Signatures;

namespace ChatApi.Cmdlets;

/// <summary>
/// What Test-ChatWebhookSignature and Receive-ChatWebhookEvent share: where the keys come from
/// (-Jwk offline, else the session's region), the time window and replay defence.
/// </summary>
public abstract class SignatureCheckingCmdlet : ChatCmdlet
{
    /// <summary>The key(s) to check with, offline: a JWK or a JWK set as JSON, or Jwk objects. Without it, the key is fetched from -Region, else from the session's region.</summary>
    [Parameter]
    public object Jwk { get; set; }

    /// <summary>The region whose public keys to fetch, without a session (8x8's key endpoint needs no authentication).</summary>
    [Parameter]
    [ValidateSet("us", "eu", "ca", "ap", IgnoreCase = true)]
    public string Region { get; set; }

    /// <summary>The API address keys are fetched from with -Region. Default https://api.8x8.com.</summary>
    [Parameter]
    [ValidateAbsoluteUri]
    public Uri BaseUri { get; set; }

    /// <summary>The proxy keys are fetched through without a session (-Region); with a session, the session's proxy is used. Without either, the environment's.</summary>
    [Parameter]
    [ValidateAbsoluteUri]
    public Uri Proxy { get; set; }

    /// <summary>The user name and password -Proxy asks for; the password is never shown.</summary>
    [Parameter]
    [Credential]
    public PSCredential ProxyCredential { get; set; }

    /// <summary>How far the transmission time may lie in the past or future (a TimeSpan, or seconds); 0 turns it off. Default 5 minutes.</summary>
    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan MaxAge { get; set; } = WebhookSignatureOptions.DefaultMaxAge;

    /// <summary>Refuse an (event id, retry) pair seen before by this process within the window.</summary>
    [Parameter]
    public SwitchParameter RejectReplay { get; set; }

    /// <summary>The verifier these parameters describe; a terminating error for a bad -Jwk or -MaxAge.</summary>
    private protected WebhookSignatureVerifier CreateVerifier() => CreateVerifier(RejectReplay.IsPresent);

    private protected WebhookSignatureVerifier CreateVerifier(bool rejectReplay)
    {
        if (MaxAge < TimeSpan.Zero)
            ThrowTerminatingError(ErrorRecords.From(new ArgumentException("Parameter 'MaxAge' cannot be negative.", nameof(MaxAge)), MaxAge));
        SigningKeyProvider keys = null;
        if (Jwk != null)
        {
            try { keys = EventInput.OfflineKeys(Jwk); }
            catch (FormatException e) { ThrowTerminatingError(EventInput.BadJwk(e, Jwk)); }
        }
        else
        {
            keys = KeysByRegion();
        }
        return new WebhookSignatureVerifier(keys, new WebhookSignatureOptions { MaxAge = MaxAge, RejectReplay = rejectReplay });
    }

    // Keys come from the region's public endpoint, never through the session's client: no token, no
    // session rate limit, no seven retries. The session only says which region and address.
    private SigningKeyProvider KeysByRegion()
    {
        Uri baseUri = BaseUri;
        string region = Region?.ToLowerInvariant();
        var endpoint = KeyEndpoint.ChatV2;
        NetworkOptions network = Proxy != null || ProxyCredential != null ? NetworkParameters.From(this, Proxy, ProxyCredential, false, false) : null;
        if (region == null)
        {
            var session = Session ?? SessionRegistry.Current;
            if (session == null)
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("Say where the signing keys come from: -Jwk (offline), -Region (fetched without a session), or Connect-ChatApi first (the session's region)."),
                    "ChatApi.NoKeySource", ErrorCategory.InvalidArgument, null));
            region = session.Region;
            // A Gateway session's keys come from the Gateway's key path, which has no region.
            if (session.Api == ChatValues.ApiGateway) endpoint = KeyEndpoint.Gateway;
            if (baseUri == null) baseUri = session.BaseUri;
            // The session's proxy serves its key fetches too, unless -Proxy says otherwise.
            if (network == null) network = SessionRegistry.ClientOf(session)?.Network;
        }
        if (network == null) network = NetworkParameters.From(this, null, null, false, false);
        try
        {
            return SigningKeyProvider.FromEndpoint(new KeyEndpointClient(baseUri ?? ChatClientOptions.DefaultBaseUri, region, endpoint, network: network));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, baseUri));
            return null;
        }
        catch (ChatApiException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, Proxy));
            return null;
        }
    }
}
