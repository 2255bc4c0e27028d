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
