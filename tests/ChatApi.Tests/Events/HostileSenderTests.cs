using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using ChatApi.Engine.Events;
using ChatApi.Engine.Signatures;
using ChatApi.Events;
using ChatApi.Tests.Signatures;

namespace ChatApi.Tests.Events;

/// <summary>What a receiver does when the sender is hostile: forgeries, replays, senders that hold the line.</summary>
public class HostileSenderTests
{
    private static WebhookReceiver Start(TimeSpan? requestTimeout = null, SigningKeyProvider keys = null, bool includeRefused = false) =>
        WebhookReceiverTests.Start(path: "/", includeRefused: includeRefused, keys: keys, requestTimeout: requestTimeout);

    private static Task<HttpStatusCode> Post(string url, TestSigner.Event e) => WebhookReceiverTests.Post(url, e);

    [Fact]
    public async Task AForgedPostDoesNotEndACountOneReceiverNorReachTheScript()
    {
        using var receiver = Start();
        var got = new List<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Add, 1, TimeSpan.FromSeconds(20), CancellationToken.None);
        var forged = TestSigner.SignWithJose(key: TestSigner.KeyB, eid: "forged");
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(receiver.Url, forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(receiver.Url, new TestSigner.Event { Body = Encoding.UTF8.GetBytes("{\"eventType\":\"TEXT\"}"), Headers = new() }));
        Assert.False(run.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose(eid: "genuine")));
        Assert.Equal(1, await run);
        var only = Assert.Single(got);
        Assert.Equal("genuine", only.Signature.EventId);
        Assert.False(only.Refused);
    }

    [Fact]
    public async Task AReplayIsRefusedByDefaultAndNotCounted()
    {
        using var receiver = Start(includeRefused: true);
        var got = new List<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Add, 2, TimeSpan.FromSeconds(20), CancellationToken.None);
        var e = TestSigner.SignWithJose(eid: "once");
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, e));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(receiver.Url, e));
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose(eid: "once", retry: 1))); // a genuine retry
        Assert.Equal(2, await run);
        Assert.Equal(3, got.Count);
        Assert.True(got[1].Refused);
        Assert.Equal(SignatureCheckReason.Replayed, got[1].Signature.ReasonCode);
    }

    [Fact]
    public async Task ASenderHoldingAHalfSentBodyDoesNotDelayAGenuineDelivery()
    {
        using var receiver = Start(requestTimeout: TimeSpan.FromSeconds(2));
        var port = new Uri(receiver.Prefix).Port;
        var got = new List<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Add, 1, TimeSpan.FromSeconds(30), CancellationToken.None);

        // Twenty slow senders: full headers, a body announced as 1000 bytes, ten sent, then silence.
        var slow = new List<TcpClient>();
        for (int i = 0; i < 20; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var head = Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"eventTyp");
            await client.GetStream().WriteAsync(head);
            slow.Add(client);
        }
        // And fifty that never finish their headers.
        for (int i = 0; i < 50; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Le"));
            slow.Add(client);
        }
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose(eid: "genuine")));
            Assert.Equal(1, await run);
            Assert.Equal("genuine", Assert.Single(got).Signature.EventId);
            // The slow body senders are cut off after the request timeout (their read ends).
            var buffer = new byte[256];
            using var cut = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            int n;
            try { n = await slow[0].GetStream().ReadAsync(buffer, cut.Token); }
            catch (IOException) { n = 0; }
            Assert.False(cut.IsCancellationRequested, "the held connection was not cut");
        }
        finally
        {
            foreach (var c in slow) c.Dispose();
        }
    }

    [Fact]
    public async Task AnEventWhoseKeySourceFailsIsAnswered503WithRetryAfterAndNotHandedOn()
    {
        var cache = new SigningKeyCache();
        var keys = SigningKeyProvider.FromFetch("key-source-down", (kid, ct) => throw new KeyFetchException("GET /jwk/key/public answered 502", 502), cache);
        using var receiver = Start(keys: keys);
        var got = new List<ReceivedWebhookEvent>();
        using var stop = new CancellationTokenSource();
        var run = receiver.RunAsync(got.Add, 1, null, stop.Token);
        foreach (var eid in new[] { "genuine", "genuine-again" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url);
            var e = TestSigner.SignWithJose(eid: eid);
            request.Content = new ByteArrayContent(e.Body);
            foreach (var h in e.Headers) request.Headers.TryAddWithoutValidation(h.Key, h.Value);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var answer = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.InRange(answer.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), cache.UnavailableLifetime);
        }
        Assert.Equal(1, cache.FetchCount); // the failure is remembered: the second event did not ask again
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(got); // not written as a refused event without IncludeRefused
    }

    [Fact]
    public async Task AKeyFetchInProgressDoesNotBlockEventsWhoseKeyIsCached()
    {
        var release = new TaskCompletionSource<ChatApi.Jwk>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowFetchStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = new SigningKeyCache();
        var keys = SigningKeyProvider.FromFetch("hostile-test", (kid, ct) =>
        {
            if (kid == TestSigner.KidA) return Task.FromResult(TestSigner.JwkModel(TestSigner.KeyA, TestSigner.KidA));
            slowFetchStarted.TrySetResult();
            return release.Task;
        }, cache);
        using var receiver = Start(keys: keys);
        var got = new List<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Add, 2, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose(eid: "first"))); // caches kid A
        var hanging = Post(receiver.Url, TestSigner.SignWithJose(key: TestSigner.KeyB, kid: "slow-kid"));
        await slowFetchStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, await Post(receiver.Url, TestSigner.SignWithJose(eid: "second")));
        Assert.False(hanging.IsCompleted);
        release.SetResult(null);
        Assert.Equal(HttpStatusCode.Unauthorized, await hanging);
        Assert.Equal(2, await run);
    }
}
