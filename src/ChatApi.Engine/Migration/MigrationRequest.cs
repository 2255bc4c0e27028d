using System.IO;

namespace ChatApi.Engine.Migration;

/// <summary>What to migrate and how: the input of <see cref="MigrationRunner.RunAsync"/>.</summary>
public sealed class MigrationRequest
{
    /// <summary>The channels to migrate; null for every channel (or, with Resume, the journal's selection).</summary>
    public IReadOnlyList<string> ChannelIds { get; set; }
    public MigrationOptions Options { get; set; } = new MigrationOptions();
    /// <summary>True when the caller chose the strategy (on resume it must then match the journal's).</summary>
    public bool StrategyGiven { get; set; }
    /// <summary>Where the journal goes; null for none (WhatIf, or a caller that wants none).</summary>
    public string JournalPath { get; set; }
    /// <summary>Finish the migration recorded in <see cref="JournalPath"/>.</summary>
    public bool Resume { get; set; }
    /// <summary>Describe, change nothing, write no journal.</summary>
    public bool WhatIf { get; set; }

    /// <summary>Whether this run writes a journal.</summary>
    internal bool Journals => !WhatIf && !string.IsNullOrWhiteSpace(JournalPath);

    /// <summary>
    /// Checks the journal path before the journal is opened (and so created): on resume it must
    /// exist; otherwise it must hold no migration yet, and the options must be sound.
    /// </summary>
    internal void CheckPath()
    {
        if (Resume)
        {
            if (string.IsNullOrWhiteSpace(JournalPath))
                throw ChatApiException.InvalidArgument("JournalPath", "-Resume needs the journal of the run to finish");
            if (!File.Exists(JournalPath)) throw ChatApiException.InvalidArgument("JournalPath", $"'{JournalPath}' does not exist");
            return;
        }
        if (Journals && File.Exists(JournalPath) && new FileInfo(JournalPath).Length > 0)
            throw ChatApiException.InvalidArgument("JournalPath", $"'{JournalPath}' already holds a migration; add -Resume to finish it, or give another path");
        (Options ?? new MigrationOptions()).Validate();
    }

    /// <summary>
    /// Settles what the run does: on resume the journal's strategy, flags and selection, read
    /// through <paramref name="held"/> (the journal this run holds; null under -WhatIf).
    /// </summary>
    internal (MigrationOptions Options, JournalState State, IReadOnlyList<string> ChannelIds) Resolve(MigrationJournal held, System.Action<string> warning)
    {
        var options = Options ?? new MigrationOptions();
        var state = new JournalState();
        var ids = ChannelIds;
        if (Resume)
        {
            state = JournalState.From(held != null ? held.ReadEntries(warning) : MigrationJournal.Read(JournalPath, warning));
            if (state.Runs == 0 || state.Strategy == null)
                throw ChatApiException.InvalidArgument("JournalPath", $"'{JournalPath}' holds no migration run to resume");
            if (state.Undone)
                throw ChatApiException.InvalidArgument("Resume", $"the migration in '{JournalPath}' was undone (Undo-ChatMigration); start a new one with another -JournalPath");
            if (StrategyGiven && options.Strategy != state.Strategy.Value)
                throw ChatApiException.InvalidArgument("Strategy", $"must match the journal being resumed ({state.Strategy.Value}), or be left out");
            options.Strategy = state.Strategy.Value;
            if (options.TargetVersion != null && options.TargetVersion != state.TargetVersion)
                throw ChatApiException.InvalidArgument("TargetVersion", $"must match the journal being resumed ({state.TargetVersion}), or be left out");
            options.TargetVersion = state.TargetVersion;
            if (options.MapFingerprint() != state.UriMap)
                throw ChatApiException.InvalidArgument("UriMap", state.UriMap == null
                    ? "the run being resumed had no -UriMap; leave it out"
                    : "must be the same map as the run being resumed (its old and new URIs); give it again with -Resume");
            options.RemoveLegacyWebhook |= state.RemoveLegacyWebhook;
            options.SkipVerify |= state.SkipVerify;
            if (ids == null && state.Selection != null) ids = state.Selection.ToList();
        }
        options.Validate();
        return (options, state, ids);
    }
}
