using System;
using System.Collections.Generic;
using System.Management.Automation;
using ChatApi.Engine.Migration;

namespace ChatApi.Cmdlets
{
    /// <summary>
    /// The V1 to V2 migration plan: one step per action (VerifyUri, CreateWebhook or ReuseWebhook,
    /// RepointChannel, UpdateWebhookInPlace, RemoveLegacyWebhook; None for a channel that needs nothing),
    /// for the piped channels or every channel of the session. Changes nothing; ready for Export-Csv.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ChatMigrationPlan")]
    [OutputType(typeof(MigrationStep))]
    public sealed class GetChatMigrationPlanCommand : ChatCmdlet
    {
        private readonly List<string> ids = new List<string>();

        /// <summary>A channel to plan for (binds Id or ChannelId from the pipeline); without any, every channel.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId")]
        [AllowEmptyString, AllowNull]
        public string Id { get; set; }

        [Parameter]
        public MigrationStrategy Strategy { get; set; } = MigrationStrategy.NewWebhook;

        [Parameter]
        public SwitchParameter RemoveLegacyWebhook { get; set; }

        [Parameter]
        public SwitchParameter SkipVerify { get; set; }

        protected override void ProcessRecord() => MigrationInput.Collect(Id, ids);

        protected override void EndProcessing()
        {
            var client = Client;
            var selection = MigrationInput.Selection(this, ids);
            if (selection != null && selection.Count == 0) { WriteVerbose("No channel came through the pipeline: nothing to plan."); return; }
            var options = new MigrationOptions { Strategy = Strategy, RemoveLegacyWebhook = RemoveLegacyWebhook, SkipVerify = SkipVerify };
            Run(async ctx =>
            {
                var runner = new MigrationRunner(client, new MigrationHost(this, Pump, false), ctx);
                var plan = await runner.PlanAsync(selection, options).ConfigureAwait(false);
                ctx.Log.Verbose($"{plan.Channels.Count} channel(s): {plan.MigratableChannels} to migrate over {plan.Groups.Count} receiver URI(s), {plan.AlreadyOnV2.Count} already on v2.0");
                foreach (var step in plan.ToSteps()) Pump.Output(step);
            }, null);
        }
    }

    /// <summary>How the migration cmdlets take channels from the pipeline.</summary>
    internal static class MigrationInput
    {
        /// <summary>Adds a piped id; plan steps about a URI carry none, in-place steps carry several (comma-separated).</summary>
        public static void Collect(string id, List<string> ids)
        {
            if (string.IsNullOrWhiteSpace(id)) return;
            foreach (var part in id.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0 && !ids.Contains(trimmed)) ids.Add(trimmed);
            }
        }

        /// <summary>The ids to act on: null (every channel) when nothing was piped or given, else the list (maybe empty).</summary>
        public static IReadOnlyList<string> Selection(PSCmdlet cmdlet, List<string> ids)
        {
            if (ids.Count > 0) return ids;
            bool given = cmdlet.MyInvocation.BoundParameters.ContainsKey("Id");
            return cmdlet.MyInvocation.ExpectingInput || given ? ids : null;
        }
    }
}
