using System.Text;
using ChatApi.Engine;
using ChatApi.Engine.Events;
using ChatApi.Engine.Migration;
using ChatApi.Engine.Signatures;
using ChatApi.Fuzz;

namespace ChatApi.Tests.Fuzz;

/// <summary>A short run of each fuzz target (bench/fuzz runs a million inputs), and the crashes fuzzing found, as regression tests.</summary>
public class FuzzTests
{
    private const long ShortRun = 20_000;

    [Fact] public void SignatureHeaderParserShortRun() => new SignatureHeaderTarget().Check(ShortRun);
    [Fact] public void JwsChecksShortRun() => new JwsTarget().Check(ShortRun / 2);
    [Fact] public void WebhookEventParserShortRun() => new EventParserTarget().Check(ShortRun);
    [Fact] public void JournalReaderShortRun() => new JournalTarget().Check(ShortRun);

    [Fact]
    public void TheShortRunsCountWhatTheyTried()
    {
        var report = new JwsTarget().Run(2_000);
        Assert.Equal(2_000, report.Inputs);
        Assert.Equal(report.Inputs, report.Taken + report.Refused + report.Crashes + report.FalseAccepts);
        Assert.True(report.Taken > 0, "no genuine event got through: the target fuzzes nothing but refusals");
        Assert.True(report.Clean, report.FirstProblem);
    }

    // Found by fuzzing: a protected header whose JSON holds bytes that are not UTF-8, or an escaped lone surrogate.
    [Theory]
    [InlineData(new byte[] { 0x7b, 0x22, 0x61, 0x6c, 0x67, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d })] // {"alg":"\xff\xfe"}
    [InlineData(new byte[] { 0x7b, 0x22, 0xc3, 0x22, 0x3a, 0x31, 0x7d })]                               // {"\xc3":1}
    public void AProtectedHeaderThatIsNotUtf8IsMalformedNotACrash(byte[] headerJson)
    {
        var jws = Base64Url.Encode(headerJson) + ".." + Base64Url.Encode(new byte[256]);
        Assert.False(JwsSignatureHeader.TryParse(jws, out _, out var reason, out _));
        Assert.Equal(SignatureCheckReason.MalformedSignature, reason);
    }

    [Fact]
    public void AProtectedHeaderWithALoneSurrogateIsMalformedNotACrash()
    {
        var jws = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"RS256\\ud800\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\"}")) + ".." + Base64Url.Encode(new byte[256]);
        Assert.False(JwsSignatureHeader.TryParse(jws, out _, out var reason, out _));
        Assert.Equal(SignatureCheckReason.MalformedSignature, reason);
    }

    [Theory]
    [InlineData("{\"eventType\":\"TEXT\",\"text\":\"\\udc00\"}")]
    [InlineData("{\"eventType\\ud800\":\"TEXT\"}")]
    public void AnEventWithALoneSurrogateIsAFormatErrorNotACrash(string body) =>
        Assert.Throws<WebhookEventFormatException>(() => WebhookEventParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void AnEventThatIsNotUtf8IsAFormatErrorNotACrash() =>
        Assert.Throws<WebhookEventFormatException>(() => WebhookEventParser.Parse(new byte[] { 0x7b, 0x22, 0x65, 0x76, 0x65, 0x6e, 0x74, 0x54, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d }));

    [Theory]
    [InlineData("{\"op\":\"repointed\",\"channels\":[1,2]}\n{\"op\":\"run-end\"}\n")]
    [InlineData("{\"op\":\"repointed\",\"channel\":\"\\ud800\"}\n{\"op\":\"run-end\"}\n")]
    public void AJournalLineThatIsNotAnEntryIsRefusedNotACrash(string text)
    {
        var ex = Assert.Throws<ChatApiException>(() => MigrationJournal.ReadText(text, "j.journal"));
        Assert.Equal(ChatErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains("line 1", ex.Message);
    }
}
