using System;
using System.Management.Automation;
using ChatApi.Engine.Events;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Cmdlets;

/// <summary>
/// Listens on 127.0.0.1 (or a given prefix) for webhook events and writes each valid one to the
/// pipeline as it arrives, with its parsed event, signature check, raw body and headers. Valid
/// events are answered 200; refused ones (bad or missing signature, stale, replayed) 401, those whose
/// key was out of reach 503 with Retry-After (8x8 delivers them again), and they are neither counted
/// nor written unless -IncludeRefused. Replays are refused unless -AllowReplay.
/// Runs until -Count events, -Timeout or Ctrl+C.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "ChatWebhookEvent", DefaultParameterSetName = "Port")]
[OutputType(typeof(ReceivedWebhookEvent))]
public sealed class ReceiveChatWebhookEventCommand : SignatureCheckingCmdlet
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (its URL is shown).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Port")]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>An HttpListener prefix such as http://127.0.0.1:8080/ or http://+:8080/.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Prefix")]
    [ValidatePattern("^https?://")]
    public string Prefix { get; set; }

    /// <summary>The path events are posted to (others answer 404). Default: every path.</summary>
    [Parameter]
    public string Path { get; set; } = "/";

    /// <summary>Stop after this many events (0: no limit).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>Stop after this long (a TimeSpan, or seconds).</summary>
    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan Timeout { get; set; }

    /// <summary>Accept every JSON body without checking signatures (v1.0 webhooks, rehearsals).</summary>
    [Parameter]
    public SwitchParameter SkipSignatureCheck { get; set; }

    /// <summary>Write refused requests too (Refused = $true); they still do not count towards -Count.</summary>
    [Parameter]
    public SwitchParameter IncludeRefused { get; set; }

    /// <summary>Take a second sighting of the same (event id, retry); by default the receiver refuses it (401).</summary>
    [Parameter]
    public SwitchParameter AllowReplay { get; set; }

    protected override void EndProcessing()
    {
        if (AllowReplay && RejectReplay)
            ThrowTerminatingError(ErrorRecords.From(new ArgumentException("Parameters 'AllowReplay' and 'RejectReplay' contradict each other: the receiver refuses replays unless -AllowReplay.", nameof(AllowReplay)), null));
        var verifier = SkipSignatureCheck ? null : CreateVerifier(rejectReplay: !AllowReplay);

        using (var receiver = new WebhookReceiver(new WebhookReceiverOptions
        {
            Port = Port,
            Prefix = ParameterSetName == "Prefix" ? Prefix : null,
            Path = Path,
            Verifier = verifier,
            IncludeRefused = true, // for Verbose; only -IncludeRefused writes them
        }))
        {
            try
            {
                receiver.Start();
            }
            catch (InvalidOperationException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ChatApi.ListenFailed", ErrorCategory.ResourceUnavailable, Prefix ?? (object)Port));
            }
            WriteVerbose($"Listening for webhook events on {receiver.Url}");
            if (ParameterSetName == "Port" && Port == 0)
                WriteInformation(new HostInformationMessage { Message = $"Listening on {receiver.Url}" }, new[] { "PSHOST" });

            TimeSpan? timeout = Timeout > TimeSpan.Zero ? Timeout : (TimeSpan?)null;
            Run(async call =>
            {
                int received = await receiver.RunAsync(e =>
                {
                    if (e.Refused) call.Verbose($"Refused ({e.StatusCode}): {(e.StatusCode == 400 ? "the body is not a JSON event" : e.Signature?.Reason)}");
                    if (!e.Refused || IncludeRefused) call.Output(e);
                }, Count, timeout, call.Context.Cancellation).ConfigureAwait(false);
                call.Verbose($"Stopped after {received} event(s).");
            }, receiver.Url);
        }
    }
}
