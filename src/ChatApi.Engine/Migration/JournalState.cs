namespace ChatApi.Engine.Migration;

/// <summary>A channel move a journal recorded: from the legacy webhook to the v2.0 one.</summary>
public sealed class JournalMove
{
    public string ChannelId { get; set; }
    public string ChannelName { get; set; }
    public string From { get; set; }
    public string To { get; set; }
    /// <summary>True once the journal recorded the move as done (false: started, outcome unknown).</summary>
    public bool Done { get; set; }
}

/// <summary>What a journal says has been done: the entries folded into sets and maps.</summary>
public sealed class JournalState
{
    public MigrationStrategy? Strategy { get; private set; }
    public bool RemoveLegacyWebhook { get; private set; }
    public bool SkipVerify { get; private set; }
    /// <summary>The run's target version (v2.0 for journals written before there was a choice).</summary>
    public string TargetVersion { get; private set; }
    /// <summary>The fingerprint of the run's -UriMap; null when it had none.</summary>
    public string UriMap { get; private set; }
    /// <summary>The channel ids the first run was given; null when it took every channel.</summary>
    public IList<string> Selection { get; private set; }
    public int Runs { get; private set; }
    public bool Finished { get; private set; }
    public bool Undone { get; private set; }
    public HashSet<string> Verified { get; } = new HashSet<string>(StringComparer.Ordinal);
    public HashSet<string> CreateStarted { get; } = new HashSet<string>(StringComparer.Ordinal);
    /// <summary>URI key → webhook id this migration created.</summary>
    public Dictionary<string, string> Created { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>URI key → existing v2.0 webhook id this migration reused.</summary>
    public Dictionary<string, string> Reused { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>Channel id → its move (started or done).</summary>
    public Dictionary<string, JournalMove> Moves { get; } = new Dictionary<string, JournalMove>(StringComparer.Ordinal);
    public HashSet<string> SwitchStarted { get; } = new HashSet<string>(StringComparer.Ordinal);
    public HashSet<string> Switched { get; } = new HashSet<string>(StringComparer.Ordinal);
    public HashSet<string> LegacyRemoved { get; } = new HashSet<string>(StringComparer.Ordinal);
    public int Entries { get; private set; }

    public static JournalState From(IEnumerable<JournalEntry> entries)
    {
        var s = new JournalState();
        foreach (var e in entries)
        {
            s.Entries++;
            switch (e.Op)
            {
                case JournalOps.Run:
                    if (s.Runs++ == 0)
                    {
                        if (Enum.TryParse<MigrationStrategy>(e[JournalFields.Strategy], out var strategy)) s.Strategy = strategy;
                        s.RemoveLegacyWebhook = e[JournalFields.RemoveLegacyWebhook] == "true";
                        s.SkipVerify = e[JournalFields.SkipVerify] == "true";
                        s.TargetVersion = e[JournalFields.TargetVersion] ?? MigrationPlanner.TargetVersion;
                        s.UriMap = e[JournalFields.UriMap];
                        s.Selection = e.Channels;
                    }
                    s.Finished = false;
                    break;
                case JournalOps.RunEnd: s.Finished = true; break;
                case JournalOps.Verified: s.Verified.Add(e[JournalFields.UriKey]); break;
                case JournalOps.CreateStarted: s.CreateStarted.Add(e[JournalFields.UriKey]); break;
                case JournalOps.WebhookCreated: s.Created[e[JournalFields.UriKey]] = e[JournalFields.WebhookId]; break;
                case JournalOps.WebhookReused: s.Reused[e[JournalFields.UriKey]] = e[JournalFields.WebhookId]; break;
                case JournalOps.RepointStarted:
                case JournalOps.Repointed:
                    {
                        string id = e[JournalFields.ChannelId];
                        if (id == null) break;
                        if (!s.Moves.TryGetValue(id, out var move)) s.Moves[id] = move = new JournalMove { ChannelId = id };
                        move.ChannelName = e[JournalFields.ChannelName] ?? move.ChannelName;
                        move.From = e[JournalFields.From] ?? move.From;
                        move.To = e[JournalFields.To] ?? move.To;
                        if (e.Op == JournalOps.Repointed) move.Done = true;
                        break;
                    }
                case JournalOps.SwitchStarted: s.SwitchStarted.Add(e[JournalFields.WebhookId]); break;
                case JournalOps.Switched: s.Switched.Add(e[JournalFields.WebhookId]); break;
                case JournalOps.LegacyRemoved: s.LegacyRemoved.Add(e[JournalFields.WebhookId]); break;
                case JournalOps.Undo: s.Undone = true; break;
            }
        }
        return s;
    }
}
