using System;
using System.Management.Automation;
using ChatApi.Engine.Events;
using ChatApi.Events;

namespace ChatApi.Cmdlets;

/// <summary>
/// Turns a webhook event body (and its headers, when known) into a typed event: QueuedEvent,
/// AgentJoinedEvent, AgentLeftEvent, TransferEvent, TextEvent, WebhookVerifyEvent or UnknownEvent.
/// It does not check the signature (Test-ChatWebhookSignature does).
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "ChatWebhookEvent")]
[OutputType(typeof(WebhookEvent))]
public sealed class ConvertFromChatWebhookEventCommand : ChatCmdletBase
{
    /// <summary>The body as a string or bytes; or an object with Body and Headers (what Receive-ChatWebhookEvent writes).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Content", "RawBody", "RawJson")]
    public object Body { get; set; }

    /// <summary>The request headers, to tell v2.0 (signed) from v1.0 and fill EventId, Retry, TenantId, CustomerId.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object Headers { get; set; }

    protected override void ProcessRecord()
    {
        object body = Body;
        object headers = Headers;
        var value = PSValues.Unwrap(body);
        if (!(value is string) && !(value is byte[]) && !(value is object[]) && value != null)
        {
            // A whole record came by value (a receiver capture): take its Body and Headers.
            var ps = PSObject.AsPSObject(body);
            var bodyProperty = ps.Properties["Body"] ?? ps.Properties["Content"];
            if (bodyProperty != null)
            {
                body = bodyProperty.Value;
                if (headers == null || ReferenceEquals(PSValues.Unwrap(headers), value)) headers = ps.Properties["Headers"]?.Value;
            }
        }

        try
        {
            WriteObject(WebhookEventParser.Parse(EventInput.Body(body), EventInput.Headers(headers)));
        }
        catch (WebhookEventFormatException e)
        {
            WriteError(new ErrorRecord(e, "ChatApi.InvalidEvent", ErrorCategory.InvalidData, Body));
        }
        catch (ArgumentException e)
        {
            WriteError(ErrorRecords.From(e, Body));
        }
    }
}
