namespace ChatApi.Cmdlets;

/// <summary>
/// The V1 to V2 migration plan: one step per action (VerifyUri, CreateWebhook or ReuseWebhook,
/// RepointChannel, UpdateWebhookInPlace, RemoveLegacyWebhook; None for a channel that needs nothing),
/// for the piped channels or every channel of the session. Changes nothing; ready for Export-Csv.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ChatMigrationPlan")]
[OutputType(typeof(MigrationStep))]
public sealed class GetChatMigrationPlanCommand : MigrationSelectionCmdlet
{
    protected override void EndProcessing()
    {
        var client = Client;
        var source = SourceClient;
        var selection = Selection();
        if (selection != null && selection.Count == 0) { WriteVerbose("No channel came through the pipeline: nothing to plan."); return; }
        var options = Options();
        Run(async call =>
        {
            var runner = new MigrationRunner(client, new MigrationHost(this, call, false), call.Context) { Source = source };
            var plan = await runner.PlanAsync(selection, options).ConfigureAwait(false);
            call.Context.Log.Verbose($"{plan.Channels.Count} channel(s): {plan.MigratableChannels} to migrate over {plan.Groups.Count} receiver URI(s), {plan.AlreadyOnV2.Count} already on v2.0");
            foreach (var step in plan.ToSteps()) call.Output(step);
        }, null);
    }
}
