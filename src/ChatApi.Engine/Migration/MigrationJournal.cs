using System.IO;
using System.Text;

namespace ChatApi.Engine.Migration;

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
    /// <summary>Written by Open after closing a torn last line: the line before it is an interrupted write.</summary>
    public const string TornLine = "torn-line";
}

/// <summary>
/// An append-only JSON-lines file: one object per step outcome, each written and flushed to the
/// disk (fsync) before the step after it starts. Reading tolerates a torn last line (a kill in the
/// middle of a write). Thread-safe. Holds ids, keys and redacted URIs only; never a secret.
/// </summary>
public sealed class MigrationJournal : IDisposable
{
    private readonly JournalFile file;
    private readonly FileStream stream;
    private readonly object gate = new object();
    private bool disposed;

    private MigrationJournal(string path, JournalFile file)
    {
        Path = path;
        this.file = file;
        stream = file.Stream;
    }

    public string Path { get; }

    /// <summary>
    /// Opens (creating when needed) for appending, held exclusively by this run until disposed (see
    /// <see cref="JournalFile"/>). A torn last line (a kill in the middle of a write) is closed with a
    /// newline and marked by a <see cref="JournalOps.TornLine"/> entry, so a reader knows it for what it is.
    /// </summary>
    public static MigrationJournal Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw ChatApiException.InvalidArgument("JournalPath", "must not be empty");
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
            throw ChatApiException.InvalidArgument("JournalPath", $"its folder '{dir}' does not exist");
        var journal = new MigrationJournal(path, JournalFile.Open(path));
        var stream = journal.stream;
        try
        {
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                int last = stream.ReadByte();
                stream.Seek(0, SeekOrigin.End);
                if (last != '\n')
                {
                    stream.WriteByte((byte)'\n');
                    journal.Append(new JournalEntry(JournalOps.TornLine));
                }
            }
            return journal;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>Every entry so far, read through the held journal (what this run is about to continue).</summary>
    public List<JournalEntry> ReadEntries(Action<string> tornLine = null)
    {
        string text;
        lock (gate)
        {
            stream.Seek(0, SeekOrigin.Begin);
            var bytes = new byte[stream.Length];
            int read = 0;
            while (read < bytes.Length)
            {
                int n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0) break;
                read += n;
            }
            stream.Seek(0, SeekOrigin.End);
            text = Encoding.UTF8.GetString(bytes, 0, read);
        }
        return ReadText(text, Path, tornLine);
    }

    public void Append(JournalEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(Serialize(entry) + "\n");
        lock (gate)
        {
            stream.Seek(0, SeekOrigin.End);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(true);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            file.Dispose();
        }
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
    /// Reads every entry without holding the journal (-WhatIf, tests). A line that does not parse is a
    /// torn write when it is the last one, or when the next run marked it (<see cref="JournalOps.TornLine"/>);
    /// it is dropped and reported through <paramref name="tornLine"/>. A bad line anywhere else means the
    /// file is not a journal.
    /// </summary>
    public static List<JournalEntry> Read(string path, Action<string> tornLine = null)
    {
        if (!File.Exists(path)) throw ChatApiException.InvalidArgument("JournalPath", $"'{path}' does not exist");
        JournalFile.RefuseLink(path);
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
        int? pending = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var entry = TryParse(line);
            if (pending.HasValue && (entry == null || entry.Op != JournalOps.TornLine))
                throw ChatApiException.InvalidArgument("JournalPath", $"'{path}' is not a migration journal: line {pending.Value + 1} is not a journal entry");
            if (entry != null && entry.Op == JournalOps.TornLine)
            {
                if (pending.HasValue) tornLine?.Invoke($"line {pending.Value + 1} of the journal is incomplete (an interrupted write) and was ignored");
                pending = null;
                continue;
            }
            if (entry != null) { entries.Add(entry); continue; }
            pending = i;
        }
        // A torn write at the very end: the run was killed while writing its last line.
        if (pending.HasValue) tornLine?.Invoke($"line {pending.Value + 1} of the journal is incomplete (an interrupted write) and was ignored");
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
