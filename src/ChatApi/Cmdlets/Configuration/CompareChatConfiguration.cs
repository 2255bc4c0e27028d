using ChatApi.Engine.Configuration;

namespace ChatApi.Cmdlets;

/// <summary>
/// What Import-ChatConfiguration would do with a document on the session's tenant: one object per
/// change (Create, Update with the fields, Remove only with -IncludeRemovals, Unchanged, Skip, and Refuse
/// for a webhook 8x8 will not create, such as v1.0 without -WebhookVersion). Changes nothing.
/// </summary>
[Cmdlet(VerbsData.Compare, "ChatConfiguration")]
[OutputType(typeof(ConfigurationChange))]
public sealed class CompareChatConfigurationCommand : ConfigurationDocumentCmdlet
{
    /// <summary>A configuration file (path or FileInfo) or the object of Export-ChatConfiguration -AsObject.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Path")]
    public object Reference { get; set; }

    /// <summary>Also list what the tenant has and the document does not (Import-ChatConfiguration -RemoveMissing would remove it).</summary>
    [Parameter]
    public SwitchParameter IncludeRemovals { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (!TryResolve(Reference, "Reference", out var doc, out var map)) return;
        Run(async call =>
        {
            var changes = await new ConfigurationApplier(client, call.Context).CompareAsync(doc, map, IncludeRemovals, WebhookVersion).ConfigureAwait(false);
            foreach (var change in changes) call.Output(change);
        }, Reference);
    }
}
