using System;
using System.Management.Automation;
using ChatApi.Engine.Signatures;

namespace ChatApi.Cmdlets;

/// <summary>
/// Checks the x-8x8-signature of a v2.0 webhook event against its exact body and x-8x8 headers.
/// Returns $true or $false; -Detailed returns a SignatureCheckResult with the reason.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ChatWebhookSignature")]
[OutputType(typeof(bool))]
[OutputType(typeof(SignatureCheckResult))]
public sealed class TestChatWebhookSignatureCommand : SignatureCheckingCmdlet
{
    /// <summary>The raw body: a string (UTF-8) or the exact bytes.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Content", "RawBody")]
    [AllowEmptyString]
    public object Body { get; set; }

    /// <summary>The request headers (names in any case).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object Headers { get; set; }

    /// <summary>Return the whole result instead of $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    private WebhookSignatureVerifier verifier;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        verifier = CreateVerifier();
    }

    protected override void ProcessRecord()
    {
        byte[] body;
        WebhookHeaders headers;
        try
        {
            body = EventInput.Body(Body);
            headers = EventInput.Headers(Headers);
        }
        catch (ArgumentException e)
        {
            WriteError(ErrorRecords.From(e, Body));
            return;
        }

        // Nearly always the key is at hand (offline, or cached): no thread hop per event.
        if (verifier.TryVerifyWithoutFetch(body, headers, out var result))
        {
            Write(result);
            return;
        }
        Run(async call =>
        {
            var r = await verifier.VerifyAsync(body, headers, call.Context.Cancellation).ConfigureAwait(false);
            if (!r.IsValid && !Detailed) call.Warning(Refused(r));
            else if (!r.IsValid) call.Verbose(Refused(r));
            call.Output(Detailed ? (object)r : r.IsValid);
        }, Body);
    }

    private void Write(SignatureCheckResult result)
    {
        // Without -Detailed a bare $false would hide why (a stale capture looks like a forgery): the reason is a warning.
        if (!result.IsValid && !Detailed) WriteWarning(Refused(result));
        else if (!result.IsValid) WriteVerbose(Refused(result));
        WriteObject(Detailed ? (object)result : result.IsValid);
    }

    private static string Refused(SignatureCheckResult result) => "Signature refused: " + result.Reason;
}
