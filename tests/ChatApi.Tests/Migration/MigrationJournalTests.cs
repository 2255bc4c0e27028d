using System.Text;
using ChatApi.Engine;
using ChatApi.Engine.Migration;

namespace ChatApi.Tests.Migration;

public sealed class MigrationJournalTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"chatapi-journal-{Guid.NewGuid():N}.jsonl");

    public void Dispose() { if (File.Exists(path)) File.Delete(path); }

    [Fact]
    public void EntriesRoundTripAndFoldIntoState()
    {
        using (var j = MigrationJournal.Open(path))
        {
            j.Append(new JournalEntry(JournalOps.Run) { Channels = new[] { "1", "2" } }.With("strategy", "NewWebhook").With("removeLegacyWebhook", "true").With("skipVerify", "false"));
            j.Append(new JournalEntry(JournalOps.Verified).With("uriKey", "k1"));
            j.Append(new JournalEntry(JournalOps.CreateStarted).With("uriKey", "k1"));
            j.Append(new JournalEntry(JournalOps.WebhookCreated).With("uriKey", "k1").With("webhookId", "50"));
            j.Append(new JournalEntry(JournalOps.RepointStarted).With("channelId", "1").With("channelName", "one \"quoted\"").With("from", "3").With("to", "50"));
            j.Append(new JournalEntry(JournalOps.Repointed).With("channelId", "1").With("from", "3").With("to", "50"));
            j.Append(new JournalEntry(JournalOps.RepointStarted).With("channelId", "2").With("from", "4").With("to", "50"));
        }
        var entries = MigrationJournal.Read(path);
        Assert.Equal(7, entries.Count);
        Assert.Equal(7, File.ReadAllLines(path).Length);
        var s = JournalState.From(entries);
        Assert.Equal(MigrationStrategy.NewWebhook, s.Strategy);
        Assert.True(s.RemoveLegacyWebhook);
        Assert.Equal(new[] { "1", "2" }, s.Selection);
        Assert.Contains("k1", s.Verified);
        Assert.Equal("50", s.Created["k1"]);
        Assert.True(s.Moves["1"].Done);
        Assert.Equal("one \"quoted\"", s.Moves["1"].ChannelName);
        Assert.False(s.Moves["2"].Done);
        Assert.Equal("4", s.Moves["2"].From);
        Assert.False(s.Finished);
    }

    [Fact]
    public void ATornLastLineIsIgnoredAndTheNextAppendStartsOnANewLine()
    {
        using (var j = MigrationJournal.Open(path))
        {
            j.Append(new JournalEntry(JournalOps.Run).With("strategy", "NewWebhook"));
            j.Append(new JournalEntry(JournalOps.RepointStarted).With("channelId", "1").With("from", "3").With("to", "50"));
        }
        File.AppendAllText(path, "{\"at\":\"2026-01-01T00:00:00Z\",\"op\":\"repoin", Encoding.UTF8); // killed mid-write
        var warnings = new List<string>();
        var entries = MigrationJournal.Read(path, warnings.Add);
        Assert.Equal(2, entries.Count);
        Assert.Single(warnings);

        using (var j = MigrationJournal.Open(path)) j.Append(new JournalEntry(JournalOps.Repointed).With("channelId", "1").With("from", "3").With("to", "50"));
        warnings.Clear();
        entries = MigrationJournal.Read(path, warnings.Add);
        Assert.Equal(3, entries.Count);
        Assert.Single(warnings); // the torn line is now in the middle, closed by a newline: still ignored
        Assert.True(JournalState.From(entries).Moves["1"].Done);
    }

    [Fact]
    public void AFileThatIsNotAJournalIsRefusedWithTheParameterName()
    {
        File.WriteAllText(path, "{\"op\":\"run\"}\nthis is not json}\n{\"op\":\"run-end\"}\n");
        var e = Assert.Throws<ChatApiException>(() => MigrationJournal.Read(path));
        Assert.Contains("'JournalPath'", e.Message);
        var missing = Assert.Throws<ChatApiException>(() => MigrationJournal.Read(path + ".nope"));
        Assert.Contains("does not exist", missing.Message);
    }

    [Fact]
    public void EveryAppendIsOnDiskAtOnce()
    {
        using var j = MigrationJournal.Open(path);
        j.Append(new JournalEntry(JournalOps.Run).With("strategy", "InPlace"));
        // Read by another handle while the journal is still open.
        Assert.Single(MigrationJournal.Read(path));
        j.Append(new JournalEntry(JournalOps.Switched).With("webhookId", "9"));
        Assert.Equal(2, MigrationJournal.Read(path).Count);
    }
}

/// <summary>One journal, one run: exclusive, append-only, owner-only, never through a link, torn lines survived.</summary>
public sealed class MigrationJournalSafetyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("chatapi-journal-").FullName;
    private string PathOf(string name) => System.IO.Path.Combine(dir, name);

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void ASecondOpenFailsAtOnceNamingTheJournalAndTheProcessThatHoldsIt()
    {
        var path = PathOf("j.jsonl");
        using (var first = MigrationJournal.Open(path))
        {
            first.Append(new JournalEntry(JournalOps.Run).With("strategy", "NewWebhook"));
            var e = Assert.Throws<ChatApiException>(() => MigrationJournal.Open(path));
            Assert.Equal(ChatErrorKind.Conflict, e.Kind);
            Assert.Contains(path, e.Message);
            Assert.Contains($"process {Environment.ProcessId} ", e.Message);
            Assert.Single(MigrationJournal.Read(path)); // readers are not blocked
        }
        using (var again = MigrationJournal.Open(path)) again.Append(new JournalEntry(JournalOps.RunEnd));
        Assert.Equal(2, MigrationJournal.Read(path).Count);
    }

    [Fact]
    public void AJournalIsCreatedOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = PathOf("perm.jsonl");
        using (var j = MigrationJournal.Open(path)) j.Append(new JournalEntry(JournalOps.Run));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + ".lock"));
    }

    [Fact]
    public void AJournalIsWrittenInAppendMode()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = PathOf("append.jsonl");
        using var file = JournalFile.Open(path);
        var fd = file.Stream.SafeFileHandle.DangerousGetHandle();
        var flags = File.ReadAllLines($"/proc/self/fdinfo/{fd}").Single(l => l.StartsWith("flags:"));
        var value = Convert.ToInt32(flags.Split(':')[1].Trim(), 8);
        Assert.NotEqual(0, value & 0x400); // O_APPEND
    }

    [Fact]
    public void AJournalIsNeverFollowedThroughASymbolicLink()
    {
        if (OperatingSystem.IsWindows()) return;
        var target = PathOf("target.jsonl");
        File.WriteAllText(target, "precious\n");
        var link = PathOf("link.jsonl");
        File.CreateSymbolicLink(link, target);
        var e = Assert.Throws<ChatApiException>(() => MigrationJournal.Open(link));
        Assert.Contains("'JournalPath'", e.Message);
        Assert.Contains("symbolic link", e.Message);
        Assert.Throws<ChatApiException>(() => MigrationJournal.Read(link));

        var dangling = PathOf("dangling.jsonl");
        File.CreateSymbolicLink(dangling, PathOf("nowhere.jsonl"));
        Assert.Throws<ChatApiException>(() => MigrationJournal.Open(dangling));
        Assert.False(File.Exists(PathOf("nowhere.jsonl")));
        Assert.Equal("precious\n", File.ReadAllText(target));
    }

    [Fact]
    public void ATornLineThatEndsInABraceDoesNotStopAResume()
    {
        var path = PathOf("torn.jsonl");
        using (var j = MigrationJournal.Open(path))
        {
            j.Append(new JournalEntry(JournalOps.Run).With("strategy", "NewWebhook"));
            j.Append(new JournalEntry(JournalOps.RepointStarted).With("channelId", "1").With("from", "3").With("to", "50"));
        }
        File.AppendAllText(path, "{\"at\":\"2026-01-01T00:00:00Z\",\"op\":\"repointed\",\"channelName\":\"odd}", Encoding.UTF8); // killed mid-write
        using (var j = MigrationJournal.Open(path))
        {
            var warned = new List<string>();
            Assert.Equal(2, j.ReadEntries(warned.Add).Count);
            Assert.Single(warned);
            j.Append(new JournalEntry(JournalOps.Repointed).With("channelId", "1").With("from", "3").With("to", "50"));
        }
        var warnings = new List<string>();
        var entries = MigrationJournal.Read(path, warnings.Add);
        Assert.Equal(3, entries.Count);
        Assert.Single(warnings);
        Assert.Contains("line 3", warnings[0]);
        Assert.True(JournalState.From(entries).Moves["1"].Done);
    }
}
