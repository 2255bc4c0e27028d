using System.IO;
using System.Text;

namespace ChatApi.Engine.Migration
{
    /// <summary>One line of a migration journal: an operation and its string fields.</summary>
    public sealed class JournalEntry
    {
        public JournalEntry(string op) { Op = op; At = DateTimeOffset.UtcNow; }

        public string Op { get; }
        public DateTimeOffset At { get; internal set; }
        public IDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        /// <summary>A list field (the selected channel ids of a run).</summary>
        public IList<string> Channels { get; set; }

        public string this[string name]
        {
            get => Fields.TryGetValue(name, out var v) ? v : null;
            set { if (value != null) Fields[name] = value; }
        }

        public JournalEntry With(string name, string value) { this[name] = value; return this; }

        public override string ToString() => Op + " " + string.Join(" ", Fields.Select(f => f.Key + "=" + f.Value));
    }

    /// <summary>The operations a journal records.</summary>
    public static class JournalOps
    {
        public const string Run = "run";
        public const string RunEnd = "run-end";
        public const string Verified = "verified";
        public const string VerifyFailed = "verify-failed";
        public const string CreateStarted = "create-started";
        public const string WebhookCreated = "webhook-created";
        public const string WebhookReused = "webhook-reused";
        public const string RepointStarted = "repoint-started";
        public const string Repointed = "repointed";
        public const string RepointFailed = "repoint-failed";
        public const string SwitchStarted = "switch-started";
        public const string Switched = "switched";
        public const string LegacyRemoveStarted = "legacy-remove-started";
        public const string LegacyRemoved = "legacy-removed";
        public const string Undo = "undo";
        public const string UndoRestored = "undo-restored";
        public const string UndoRemoved = "undo-removed";
        public const string UndoEnd = "undo-end";
    }

    /// <summary>
    /// An append-only JSON-lines file: one object per step outcome, each written and flushed to the
    /// disk (fsync) before the step after it starts. Reading tolerates a torn last line (a kill in the
    /// middle of a write). Thread-safe. Holds ids, keys and redacted URIs only; never a secret.
    /// </summary>
    public sealed class MigrationJournal : IDisposable
    {
        private readonly FileStream stream;
        private readonly object gate = new object();

        private MigrationJournal(string path, FileStream stream)
        {
            Path = path;
            this.stream = stream;
        }

        public string Path { get; }

        /// <summary>Opens (creating when needed) for appending; a torn last line is closed with a newline first.</summary>
        public static MigrationJournal Open(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw ChatApiException.InvalidArgument("JournalPath", "must not be empty");
            var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
                throw ChatApiException.InvalidArgument("JournalPath", $"its folder '{dir}' does not exist");
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.WriteThrough);
            try
            {
                if (stream.Length > 0)
                {
                    stream.Seek(-1, SeekOrigin.End);
                    int last = stream.ReadByte();
                    stream.Seek(0, SeekOrigin.End);
                    if (last != '\n') { stream.WriteByte((byte)'\n'); stream.Flush(true); }
                }
                return new MigrationJournal(path, stream);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        public void Append(JournalEntry entry)
        {
            var bytes = Encoding.UTF8.GetBytes(Serialize(entry) + "\n");
            lock (gate)
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(true);
            }
        }

        public void Dispose()
        {
            lock (gate) stream.Dispose();
        }

        public static string Serialize(JournalEntry entry)
        {
            using (var buffer = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    w.WriteString("at", entry.At.ToString("o"));
                    w.WriteString("op", entry.Op);
                    foreach (var f in entry.Fields) w.WriteString(f.Key, f.Value);
                    if (entry.Channels != null)
                    {
                        w.WriteStartArray("channels");
                        foreach (var c in entry.Channels) w.WriteStringValue(c);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        /// <summary>
        /// Reads every entry. A last line that does not parse is a torn write and is dropped (reported
        /// through <paramref name="tornLine"/>); a bad line elsewhere means the file is not a journal.
        /// </summary>
        public static List<JournalEntry> Read(string path, Action<string> tornLine = null)
        {
            if (!File.Exists(path)) throw ChatApiException.InvalidArgument("JournalPath", $"'{path}' does not exist");
            string text;
            using (var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var r = new StreamReader(s, Encoding.UTF8))
                text = r.ReadToEnd();
            return ReadText(text, path, tornLine);
        }

        /// <summary>The entries of a journal's text (<see cref="Read"/> without the file); <paramref name="path"/> names it in errors.</summary>
        public static List<JournalEntry> ReadText(string text, string path, Action<string> tornLine = null)
        {
            var lines = (text ?? "").Split('\n');
            var entries = new List<JournalEntry>();
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0) continue;
                var entry = TryParse(line);
                if (entry != null) { entries.Add(entry); continue; }
                bool isLast = lines.Skip(i + 1).All(l => l.Trim().Length == 0);
                // A torn write is the last line, or a line closed by the newline Open adds before appending.
                if (isLast || !line.EndsWith("}", StringComparison.Ordinal)) { tornLine?.Invoke($"line {i + 1} of the journal is incomplete (an interrupted write) and was ignored"); continue; }
                throw ChatApiException.InvalidArgument("JournalPath", $"'{path}' is not a migration journal: line {i + 1} is not a journal entry");
            }
            return entries;
        }

        private static JournalEntry TryParse(string line)
        {
            try
            {
                using (var doc = JsonDocument.Parse(line))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String) return null;
                    var entry = new JournalEntry(op.GetString());
                    foreach (var p in root.EnumerateObject())
                    {
                        if (p.Name == "op") continue;
                        if (p.Name == "at" && p.Value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(p.Value.GetString(), out var at)) { entry.At = at; continue; }
                        if (p.Name == "channels" && p.Value.ValueKind == JsonValueKind.Array)
                        {
                            // Only strings are channel ids: a line with anything else in the list is not an entry.
                            if (p.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String)) return null;
                            entry.Channels = p.Value.EnumerateArray().Select(e => e.GetString()).ToList();
                            continue;
                        }
                        if (p.Value.ValueKind == JsonValueKind.String) entry.Fields[p.Name] = p.Value.GetString();
                        else entry.Fields[p.Name] = p.Value.GetRawText();
                    }
                    return entry;
                }
            }
            catch (JsonException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null; // text that is not valid Unicode (an escaped lone surrogate): not an entry
            }
        }
    }

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
}
