using System.IO;
using System.Text;
using ChatApi.Engine.Configuration;

namespace ChatApi.Cmdlets;

/// <summary>
/// Writes the session's webhooks and channels as one JSON document (stable order, no secrets, ids only
/// with -IncludeIds), with the API, region and tenant it came from; -AsObject writes it to the pipeline.
/// </summary>
[Cmdlet(VerbsData.Export, "ChatConfiguration", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ChatConfiguration), ParameterSetName = new[] { "AsObject" })]
[OutputType(typeof(FileInfo), ParameterSetName = new[] { "Path" })]
public sealed class ExportChatConfigurationCommand : ChatCmdlet
{
    [Parameter(ParameterSetName = "Path", Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; }

    [Parameter(ParameterSetName = "AsObject", Mandatory = true)]
    public SwitchParameter AsObject { get; set; }

    /// <summary>Also write each item's id in this tenant (for reference only: ids are never used to match).</summary>
    [Parameter]
    public SwitchParameter IncludeIds { get; set; }

    /// <summary>Replace an existing file.</summary>
    [Parameter(ParameterSetName = "Path")]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the file's FileInfo.</summary>
    [Parameter(ParameterSetName = "Path")]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        string full = AsObject ? null : GetUnresolvedProviderPathFromPSPath(Path);
        if (full != null && File.Exists(full) && !Force)
        {
            WriteError(ErrorRecords.From(ChatApiException.InvalidArgument("Path", $"'{full}' already exists (use -Force to replace it)"), full));
            return;
        }
        Run(async call =>
        {
            var doc = await ConfigurationExporter.ExportAsync(client, IncludeIds, call.Context).ConfigureAwait(false);
            if (AsObject) { call.Output(doc); return; }
            bool write = await call.AskAsync(() => ShouldProcess(full, $"Write {doc.Webhooks.Count} webhook(s) and {doc.Channels.Count} channel(s)")).ConfigureAwait(false);
            if (!write) return;
            File.WriteAllText(full, ConfigurationFile.Write(doc), new UTF8Encoding(false));
            call.Verbose($"Wrote {doc}");
            if (PassThru) call.Output(new FileInfo(full));
        }, full);
    }
}
