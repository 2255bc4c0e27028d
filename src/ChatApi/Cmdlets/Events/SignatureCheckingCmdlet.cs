using System;
using System.Management.Automation;
using ChatApi.Engine.Signatures;

namespace ChatApi.Cmdlets
{
    /// <summary>
    /// What Test-ChatWebhookSignature and Receive-ChatWebhookEvent share: where the keys come from
    /// (-Jwk offline, else the session's region), the time window and replay defence.
    /// </summary>
    public abstract class SignatureCheckingCmdlet : ChatCmdlet
    {
        /// <summary>The key(s) to check with, offline: a JWK or a JWK set as JSON, or Jwk objects. Without it, the key is fetched from the session's region.</summary>
        [Parameter]
        public object Jwk { get; set; }

        /// <summary>How far the transmission time may lie in the past or future (a TimeSpan, or seconds); 0 turns it off. Default 5 minutes.</summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan MaxAge { get; set; } = WebhookSignatureOptions.DefaultMaxAge;

        /// <summary>Refuse an (event id, retry) pair seen before by this process within the window.</summary>
        [Parameter]
        public SwitchParameter RejectReplay { get; set; }

        /// <summary>The verifier these parameters describe; a terminating error for a bad -Jwk or -MaxAge.</summary>
        private protected WebhookSignatureVerifier CreateVerifier()
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
                keys = EventInput.SessionKeys(Client);
            }
            return new WebhookSignatureVerifier(keys, new WebhookSignatureOptions { MaxAge = MaxAge, RejectReplay = RejectReplay.IsPresent });
        }
    }
}
