using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using ChatApi.Completers;
using ChatApi.Engine;

namespace ChatApi.Cmdlets;

/// <summary>
/// Any call of the session's API that the cmdlets do not make yet, like Invoke-MgGraphRequest: the
/// path is relative to the session's API root (V2: region and tenant filled in; the Gateway:
/// x-api-key and X-8x8-Tenant sent), through the same client as every cmdlet: token refresh, rate
/// limit, retries, timeouts, answer cap, redaction, ChatApi.* error ids. A POST or PATCH whose answer
/// is lost is not repeated (ChatApi.OutcomeUnknown). -All follows the pages of a list.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "ChatApiRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(string), typeof(ChatHttpResponse))]
public sealed class InvokeChatApiRequestCommand : ChatCmdlet
{
    public const string AsPSObject = "PSObject";
    public const string AsJson = "Json";
    public const string AsHttpResponse = "HttpResponse";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
    public string Method { get; set; }

    /// <summary>Relative to the session's API root (web-hooks, conversations/42/messages), or a full URI on the session's host.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ApiPathCompleter))]
    public string Path { get; set; }

    /// <summary>The body: a string is sent as it is; a hashtable, object or array is written as JSON.</summary>
    [Parameter]
    public object Body { get; set; }

    [Parameter]
    public Hashtable Query { get; set; }

    [Parameter]
    public Hashtable Headers { get; set; }

    /// <summary>The body's media type; default application/json.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ContentType { get; set; }

    /// <summary>Follows the pages of a list (GET) and writes its items as each page arrives.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    [Parameter]
    [ValidateSet(AsPSObject, AsJson, AsHttpResponse, IgnoreCase = true)]
    public string OutputType { get; set; } = AsPSObject;

    protected override void ProcessRecord()
    {
        var raw = Build();
        if (raw == null) return;
        var client = Client;
        string target = $"{raw.Method} {Path}";
        if (raw.Method != "GET" && !ShouldProcess(Redactor.Redact(Path), raw.Method)) return;
        if (All)
        {
            Run(call => client.InvokeAllAsync(raw, json => call.Output(Shape(json)), call.Context), target);
            return;
        }
        Run(async call =>
        {
            var response = await client.InvokeAsync(raw, call.Context).ConfigureAwait(false);
            if (string.Equals(OutputType, AsHttpResponse, StringComparison.OrdinalIgnoreCase)) { call.Output(response); return; }
            if (string.IsNullOrEmpty(response.Content)) return;
            var shaped = Shape(response.Content);
            if (shaped is object[] items) foreach (var item in items) call.Output(item);
            else call.Output(shaped);
        }, target);
    }

    /// <summary>The request these parameters describe; a terminating error for a rule they break.</summary>
    private RawRequest Build()
    {
        string method = Method.ToUpperInvariant();
        if (All && string.Equals(OutputType, AsHttpResponse, StringComparison.OrdinalIgnoreCase))
            Refuse("OutputType", "cannot be HttpResponse with -All (it writes the items of every page)");
        var raw = new RawRequest { Method = method, Path = Path, ContentType = ContentType };
        try
        {
            if (Body != null)
            {
                bool text = PSValues.Unwrap(Body) is string;
                if (!text && ContentType != null && ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
                    Refuse("Body", $"must be a string when -ContentType is {ContentType} (only a JSON body is written from an object)");
                raw.Body = JsonArgument.Read(Body, "Body");
            }
            if (Query != null)
                foreach (DictionaryEntry e in Query) raw.Query.Add(new System.Collections.Generic.KeyValuePair<string, string>(e.Key?.ToString(), Text(e.Value)));
            if (Headers != null)
                foreach (DictionaryEntry e in Headers) raw.Headers[e.Key?.ToString() ?? ""] = Text(e.Value);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, Path));
        }
        return raw;
    }

    private static string Text(object value) => Convert.ToString(PSValues.Unwrap(value), System.Globalization.CultureInfo.InvariantCulture);

    private void Refuse(string parameter, string rule) =>
        ThrowTerminatingError(ErrorRecords.From(new ArgumentException($"Parameter '{parameter}' {rule}.", parameter), Path));

    /// <summary>JSON text as the output type asks: the text itself, or PSObjects (arrays as object[]).</summary>
    private object Shape(string json)
    {
        if (string.Equals(OutputType, AsJson, StringComparison.OrdinalIgnoreCase)) return json;
        return ToPSObject(JsonOutput.ToPlain(json));
    }

    private static object ToPSObject(object plain)
    {
        switch (plain)
        {
            case OrderedDictionary fields:
                var o = new PSObject();
                foreach (DictionaryEntry e in fields) o.Properties.Add(new PSNoteProperty((string)e.Key, ToPSObject(e.Value)));
                return o;
            case object[] items:
                for (int i = 0; i < items.Length; i++) items[i] = ToPSObject(items[i]);
                return items;
            default:
                return plain;
        }
    }
}
