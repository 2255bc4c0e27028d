#nullable enable
using System.Net.Http.Headers;
using ChatApi.Emulator.Options;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

/// <summary>Idempotency-Key, rate limiting and injected faults: what a retrying client relies on.</summary>
public class ResilienceTests
{
    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task ARepeatedIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothing()
    {
        await using var emu = await TestEmulator.StartAsync(o => { o.Idempotency = IdempotencyMode.Honour; o.ETags = true; });
        var key = Guid.NewGuid().ToString();
        var path = $"{emu.TenantPath}/web-hooks";
        using var first = await emu.PostAsync(path, new { name = "one", uri = "https://127.0.0.1:9", version = "v2.0" }, Key(key));
        using var second = await emu.PostAsync(path, new { name = "two", uri = "https://127.0.0.1:9/y", version = "v2.0" }, Key(key));
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var list = await Json.ObjectAsync(await emu.GetAsync(path));
        Assert.Equal(["one"], list["data"]!.AsArray().Select(h => h!.Str("name")));

        using var other = await emu.PostAsync(path, new { name = "three", uri = "https://127.0.0.1:9/z", version = "v2.0" }, Key(Guid.NewGuid().ToString()));
        Assert.Equal("three", (await Json.ObjectAsync(other)).Str("name"));
    }

    [Fact]
    public async Task ConcurrentRepeatsOfAKeyCreateOneResource()
    {
        await using var emu = await TestEmulator.StartAsync(o => { o.LatencyMs = 100; o.Idempotency = IdempotencyMode.Honour; });
        var hook = (await emu.CreateWebhookAsync()).Str("id");
        var channel = (await emu.CreateChannelAsync(hook)).Str("id");
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var r = await emu.PostAsync($"{emu.TenantPath}/conversations", new { channelId = channel, customer = new { name = "Jo" } }, Key(key));
            return ((int)r.StatusCode, await r.Content.ReadAsStringAsync());
        }));
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(202, answers[0].Item1);
        var list = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations"));
        Assert.Equal(1, list["page"]!["elementCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task IdempotencyKeysBelongToTheirApiKey()
    {
        await using var emu = await TestEmulator.StartAsync(o => { o.ApiKeys = [new("k1", "s1"), new("k2", "s2")]; o.Idempotency = IdempotencyMode.Honour; });
        var t1 = await emu.TokenAsync("k1", "s1");
        var t2 = await emu.TokenAsync("k2", "s2");
        var path = $"{emu.TenantPath}/web-hooks";
        await emu.SendAsync(HttpMethod.Post, path, new { name = "a", uri = "https://127.0.0.1:9", version = "v2.0" }, t1, Key("same"));
        await emu.SendAsync(HttpMethod.Post, path, new { name = "b", uri = "https://127.0.0.1:9", version = "v2.0" }, t2, Key("same"));
        var list = await Json.ObjectAsync(await emu.SendAsync(HttpMethod.Get, path, token: t1));
        Assert.Equal(["a", "b"], list["data"]!.AsArray().Select(h => h!.Str("name")));
    }

    [Fact]
    public async Task AnEmptyBucketIs429WithRetryAfter()
    {
        // The bucket refills only when the test moves the clock, however slow the machine is.
        var time = new ManualTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var emu = await TestEmulator.StartAsync(o => o.RateLimit = 3, time);
        var token = await emu.TokenAsync();
        var statuses = new List<int>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var r = await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks", token: token);
            statuses.Add((int)r.StatusCode);
            if ((int)r.StatusCode == 429) limited ??= r;
        }
        Assert.Equal([200, 200, 200, 429, 429, 429], statuses);
        Assert.NotNull(limited);
        await Json.ProblemAsync(limited!, 429);
        Assert.True(int.Parse(limited!.Headers.GetValues("Retry-After").Single()) >= 1);

        time.Advance(TimeSpan.FromSeconds(int.Parse(limited.Headers.GetValues("Retry-After").Single())));
        Assert.Equal(200, (int)(await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks", token: token)).StatusCode);
    }

    [Fact]
    public async Task TheTokenEndpointIsNotRateLimited()
    {
        // A frozen clock: five calls against a bucket of one, however slow the machine.
        await using var emu = await TestEmulator.StartAsync(o => o.RateLimit = 1, new ManualTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z")));
        for (var i = 0; i < 5; i++) Assert.Equal(200, (int)(await emu.RequestTokenAsync()).StatusCode);
    }

    [Fact]
    public async Task FailRateOneAlternates503AndCutConnections()
    {
        await using var emu = await TestEmulator.StartAsync(o => { o.FailRate = 1; o.RandomSeed = 7; });
        var results = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var r = await TryAsync(() => emu.RequestTokenAsync());
            if (r is not null && (int)r.StatusCode == 503) await Json.ProblemAsync(r, 503);
            results.Add(r is null ? "cut" : ((int)r.StatusCode).ToString());
        }
        Assert.Equal(["503", "cut", "503", "cut"], results);
    }

    [Fact]
    public async Task ACutOffCreateDidTheWorkAndAnIdempotentRetryGetsItsAnswer()
    {
        await using var emu = await TestEmulator.StartAsync(o => { o.FailRate = 0.5; o.RandomSeed = 3; o.Idempotency = IdempotencyMode.Honour; });
        string? token = null;
        while (token is null)
        {
            using var r = await TryAsync(() => emu.RequestTokenAsync());
            if (r is { IsSuccessStatusCode: true }) token = (await Json.ObjectAsync(r)).Str("access_token");
        }
        var path = $"{emu.TenantPath}/web-hooks";
        Task<HttpResponseMessage> Create(string name, string key) =>
            emu.SendAsync(HttpMethod.Post, path, new { name, uri = "https://127.0.0.1:9", version = "v2.0" }, token, Key(key));

        // Create with fresh keys until one call is cut off after doing its work.
        var created = 0;
        string? cutKey = null, cutName = null;
        for (var i = 0; i < 60 && cutKey is null; i++)
        {
            var (name, key) = ($"n{i}", Guid.NewGuid().ToString());
            using var r = await TryAsync(() => Create(name, key));
            if (r is null) (cutKey, cutName) = (key, name);
            else if (r.IsSuccessStatusCode) created++;
        }
        Assert.NotNull(cutKey);

        // Retrying the cut call's key (with another body) gets the first answer once a retry gets through.
        HttpResponseMessage? answer = null;
        for (var i = 0; i < 60 && answer is null; i++)
        {
            var r = await TryAsync(() => Create("retry", cutKey!));
            if (r is not null && (int)r.StatusCode != 503) answer = r;
        }
        Assert.NotNull(answer);
        Assert.Equal(200, (int)answer!.StatusCode);
        Assert.Equal(cutName, (await Json.ObjectAsync(answer)).Str("name"));

        for (var i = 0; i < 60; i++)
        {
            var r = await TryAsync(() => emu.SendAsync(HttpMethod.Get, path + "?size=1000", token: token));
            if (r is not { StatusCode: System.Net.HttpStatusCode.OK }) continue;
            var names = (await Json.ObjectAsync(r))["data"]!.AsArray().Select(h => h!.Str("name")).ToList();
            Assert.Equal(created + 1, names.Count);
            Assert.Contains(cutName, names);
            Assert.DoesNotContain("retry", names);
            return;
        }
        Assert.Fail("no list call got through");
    }

    [Fact]
    public async Task LatencyIsAdded()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.LatencyMs = 300);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await emu.RequestTokenAsync();
        Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
    }

    /// <summary>The answer, or null when the connection was cut.</summary>
    private static async Task<HttpResponseMessage?> TryAsync(Func<Task<HttpResponseMessage>> call)
    {
        try { return await call(); }
        catch (HttpRequestException) { return null; }
    }
}
