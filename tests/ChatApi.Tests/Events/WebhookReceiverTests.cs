using System.Net;
using System.Net.Http;
using System.Text;
using ChatApi.Engine.Events;
using ChatApi.Engine.Signatures;
using ChatApi.Events;
using ChatApi.Tests.Signatures;

namespace ChatApi.Tests.Events;

public class WebhookReceiverTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    internal static WebhookReceiver Start(bool verify = true, string path = "/hook", bool includeRefused = false,
        SigningKeyProvider keys = null, TimeSpan? requestTimeout = null, bool rejectReplay = true)
    {
        var receiver = new WebhookReceiver(new WebhookReceiverOptions
        {
            Port = 0,
            Path = path,
            IncludeRefused = includeRefused,
            RequestTimeout = requestTimeout ?? WebhookReceiverOptions.DefaultRequestTimeout,
            Verifier = verify
                ? new WebhookSignatureVerifier(keys ?? SigningKeyProvider.FromJwkJson(TestSigner.Jwk(TestSigner.KeyA, TestSigner.KidA)),
                    new WebhookSignatureOptions { ReplayCache = new ReplayCache(), RejectReplay = rejectReplay })
                : null,
        });
        receiver.Start();
        return receiver;
    }

    internal static async Task<HttpStatusCode> Post(string url, TestSigner.Event e)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(e.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var h in e.Headers) request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task ValidEventIsAnswered200AndHandedOnWithEverything()
    {
        using var receiver = Start(includeRefused: true);
        Assert.StartsWith("http://127.0.0.1:", receiver.Prefix);
        var got = new List<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Add, 2, TimeSpan.FromSeconds(20), CancellationToken.None);

        var good = TestSigner.SignWithJose(eid: "evt-ok");
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, good));
        var bad = good.With("x-8x8-retry", "5");
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(receiver.Url, bad));
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose(eid: "evt-ok-2")));
        Assert.Equal(2, await run); // the refused one is handed on (IncludeRefused) but not counted
        Assert.Equal(3, got.Count);
        Assert.False(got[0].Refused);
        Assert.True(got[1].Refused);

        Assert.Equal(200, got[0].StatusCode);
        Assert.True(got[0].IsValid);
        Assert.True(got[0].Signature.IsValid);
        Assert.Equal("evt-ok", got[0].Signature.EventId);
        var queued = Assert.IsType<QueuedEvent>(got[0].Event);
        Assert.Equal("v2.0", queued.NotificationVersion);
        Assert.Equal("Sales", queued.QueueName);
        Assert.Equal(good.BodyText, got[0].Body);
        Assert.Equal("evt-ok", got[0].Headers["X-8X8-EVENT-ID"]);
        Assert.Equal("/hook", got[0].Path);

        Assert.Equal(401, got[1].StatusCode);
        Assert.False(got[1].IsValid);
        Assert.Equal(SignatureCheckReason.BadSignature, got[1].Signature.ReasonCode);

        // What the receiver hands on can be checked again from its Body and Headers.
        var again = new WebhookSignatureVerifier(SigningKeyProvider.FromJwkJson(TestSigner.Jwk(TestSigner.KeyA, TestSigner.KidA)),
            new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        Assert.True(again.Verify(got[0].Body, WebhookHeaders.From((System.Collections.IDictionary)got[0].Headers)).IsValid);
    }

    [Fact]
    public async Task UnsignedEventIsRefusedUnlessTheCheckIsSkipped()
    {
        var unsigned = new TestSigner.Event { Body = Encoding.UTF8.GetBytes("{\"eventType\":\"AGENT_JOINED\",\"agentName\":\"Ann\"}"), Headers = new() };
        using (var receiver = Start(includeRefused: true))
        {
            var got = new List<ReceivedWebhookEvent>();
            var run = receiver.RunAsync(got.Add, 1, TimeSpan.FromSeconds(20), CancellationToken.None);
            Assert.Equal(HttpStatusCode.Unauthorized, await Post(receiver.Url, unsigned));
            Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose()));
            await run;
            Assert.Equal("MissingHeader: x-8x8-signature", got[0].Signature.Reason);
        }
        using (var receiver = Start(verify: false, includeRefused: true))
        {
            var got = new List<ReceivedWebhookEvent>();
            var run = receiver.RunAsync(got.Add, 1, TimeSpan.FromSeconds(20), CancellationToken.None);
            Assert.Equal(HttpStatusCode.BadRequest, await Post(receiver.Url, new TestSigner.Event { Body = Encoding.UTF8.GetBytes("nope"), Headers = new() }));
            Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, unsigned));
            await run;
            Assert.Null(got[1].Signature);
            Assert.Equal("v1.0", Assert.IsType<AgentJoinedEvent>(got[1].Event).NotificationVersion);
            Assert.Equal(400, got[0].StatusCode);
            Assert.Null(got[0].Event);
        }
    }

    [Fact]
    public async Task OtherPathsAndMethodsAreNotEvents()
    {
        using var receiver = Start();
        var got = new List<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Add, 1, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, await Post(receiver.Prefix + "elsewhere", TestSigner.SignWithJose()));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Http.GetAsync(receiver.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose()));
        Assert.Equal(1, await run);
        Assert.Single(got);
    }

    [Fact]
    public async Task TimeoutAndCancellationEndTheRun()
    {
        using (var receiver = Start())
        {
            var started = DateTime.UtcNow;
            Assert.Equal(0, await receiver.RunAsync(_ => { }, 0, TimeSpan.FromMilliseconds(300), CancellationToken.None));
            Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 0.2, 5);
        }
        using (var receiver = Start())
        {
            using var cts = new CancellationTokenSource(300);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.RunAsync(_ => { }, 0, null, cts.Token));
        }
    }

    [Fact]
    public void TakenPortGivesAClearError()
    {
        using var first = Start();
        var port = new Uri(first.Prefix).Port;
        using var second = new WebhookReceiver(new WebhookReceiverOptions { Port = port });
        var ex = Assert.Throws<InvalidOperationException>(second.Start);
        Assert.Contains(port.ToString(), ex.Message);
    }
}
