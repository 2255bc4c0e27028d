using ChatApi.Engine.Configuration;

namespace ChatApi.Cmdlets;

/// <summary>
/// Applies a configuration document to the session's tenant: webhooks first, then channels on the new
/// webhook ids, then updates, then (only with -RemoveMissing) removals; a result per change, then a
/// summary. A second run changes nothing; a re-run after a stopped one does the rest. A document holding a
/// webhook 8x8 will not create (v1.0, without -WebhookVersion) is refused before its first write.
/// </summary>
[Cmdlet(VerbsData.Import, "ChatConfiguration", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConfigurationResult), typeof(ConfigurationSummary))]
public sealed class ImportChatConfigurationCommand : ConfigurationDocumentCmdlet
{
    [Parameter(ParameterSetName = "Path", Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; }

    /// <summary>The object of Export-ChatConfiguration -AsObject.</summary>
    [Parameter(ParameterSetName = "Object", Mandatory = true, ValueFromPipeline = true)]
    public ChatConfiguration InputObject { get; set; }

    /// <summary>Also remove the webhooks and channels the tenant has and the document does not.</summary>
    [Parameter]
    public SwitchParameter RemoveMissing { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        bool whatIf = MigrationHost.IsWhatIf(this);
        object input = ParameterSetName == "Path" ? (object)Path : InputObject;
        if (!TryResolve(input, ParameterSetName == "Path" ? "Path" : "InputObject", out var doc, out var map)) return;
        Run(async call =>
        {
            var host = new MigrationHost(this, call, whatIf);
            try
            {
                var summary = await new ConfigurationApplier(client, call.Context).ApplyAsync(doc, map, RemoveMissing, host, WebhookVersion).ConfigureAwait(false);
                call.Output(summary);
            }
            finally
            {
                host.Completed("Applying the configuration");
            }
        }, input);
    }
}
