using ChatApi.Emulator.Options;

namespace ChatApi.Emulator.Tests;

public class OptionsParserTests
{
    [Fact]
    public void NoArgumentsGivesTheDocumentedDefaults()
    {
        var o = EmulatorOptionsParser.Parse([])!;
        Assert.Equal("http://127.0.0.1:5080", o.Urls);
        Assert.Equal([new TenantOption("us", "acme")], o.Tenants);
        Assert.Equal([new ApiKeyOption("demo-key", "demo-secret")], o.ApiKeys);
        Assert.Equal(5, o.RateLimit);
        Assert.Equal(3600, o.TokenLifetimeSeconds);
        Assert.Equal(0, o.SeedLegacy);
        Assert.Equal(0, o.FailRate);
        Assert.False(o.LegacyMode);
    }

    [Fact]
    public void EveryOptionIsRead()
    {
        var o = EmulatorOptionsParser.Parse([
            "--urls", "http://127.0.0.1:0", "--tenant", "eu:globex", "--tenant", "ap:initech", "--api-key", "k1:s1", "--api-key=k2:s:2",
            "--rate-limit", "2.5", "--token-lifetime", "60", "--seed-legacy", "25", "--seed-broken", "3", "--fail-rate", "0.25",
            "--latency", "10", "--legacy-mode", "--seed", "42"])!;
        Assert.Equal("http://127.0.0.1:0", o.Urls);
        Assert.Equal([new TenantOption("eu", "globex"), new TenantOption("ap", "initech")], o.Tenants);
        Assert.Equal([new ApiKeyOption("k1", "s1"), new ApiKeyOption("k2", "s:2")], o.ApiKeys);
        Assert.Equal(2.5, o.RateLimit);
        Assert.Equal(60, o.TokenLifetimeSeconds);
        Assert.Equal(25, o.SeedLegacy);
        Assert.Equal(3, o.EffectiveSeedUris);
        Assert.Equal(3, o.SeedBroken);
        Assert.Equal(0.25, o.FailRate);
        Assert.Equal(10, o.LatencyMs);
        Assert.True(o.LegacyMode);
        Assert.Equal(42, o.RandomSeed);
    }

    [Fact]
    public void SeedUrisOverridesTheDefaultShare() =>
        Assert.Equal(7, EmulatorOptionsParser.Parse(["--seed-legacy", "30", "--seed-uris", "7"])!.EffectiveSeedUris);

    [Fact]
    public void ReadyFileAndOwnerAreRead()
    {
        var o = EmulatorOptionsParser.Parse(["--ready-file", "/tmp/emu.json", "--exit-with", "4242"])!;
        Assert.Equal("/tmp/emu.json", o.ReadyFile);
        Assert.Equal(4242, o.ExitWithPid);
        var none = EmulatorOptionsParser.Parse([])!;
        Assert.Null(none.ReadyFile);
        Assert.Null(none.ExitWithPid);
    }

    [Fact]
    public void HelpAsksForUsage() => Assert.Null(EmulatorOptionsParser.Parse(["--help"]));

    [Theory]
    [InlineData("--urls", "ftp://x", "--urls")]
    [InlineData("--tenant", "xx:acme", "--tenant")]
    [InlineData("--tenant", "acme", "--tenant")]
    [InlineData("--api-key", "nosecret", "--api-key")]
    [InlineData("--api-key", ":secret", "--api-key")]
    [InlineData("--rate-limit", "-1", "--rate-limit")]
    [InlineData("--rate-limit", "fast", "--rate-limit")]
    [InlineData("--token-lifetime", "0", "--token-lifetime")]
    [InlineData("--seed-legacy", "-3", "--seed-legacy")]
    [InlineData("--seed-broken", "x", "--seed-broken")]
    [InlineData("--fail-rate", "1.5", "--fail-rate")]
    [InlineData("--latency", "-5", "--latency")]
    [InlineData("--seed", "abc", "--seed")]
    [InlineData("--exit-with", "0", "--exit-with")]
    [InlineData("--exit-with", "me", "--exit-with")]
    [InlineData("--ready-file", "", "--ready-file")]
    [InlineData("--bogus", "1", "--bogus")]
    public void BadValuesNameTheOption(string option, string value, string named)
    {
        var e = Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse([option, value]));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void AMissingValueNamesTheOption() =>
        Assert.Contains("--latency", Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse(["--latency"])).Message);

    [Fact]
    public void ATenantTwiceIsRefused() =>
        Assert.Contains("--tenant", Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse(["--tenant", "us:a", "--tenant", "eu:a"])).Message);

    [Fact]
    public void SeedUrisWithoutLegacyIsRefused() =>
        Assert.Contains("--seed-uris", Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse(["--seed-uris", "2"])).Message);

    [Fact]
    public void TheFaithfulDefaults()
    {
        var o = EmulatorOptionsParser.Parse([])!;
        Assert.Equal(IdempotencyMode.Ignore, o.Idempotency);
        Assert.False(o.ETags);
        Assert.True(o.VerifyOnCreate);
        Assert.Null(o.ApiKeys.Single().Scopes);
        Assert.False(o.SharedConfiguration);
    }

    [Fact]
    public void SharedConfigurationIsAFlagInTheHelp()
    {
        Assert.True(EmulatorOptionsParser.Parse(["--shared-configuration"])!.SharedConfiguration);
        Assert.Contains("--shared-configuration", Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse(["--shared-configuration=yes"])).Message);
        Assert.Contains("--shared-configuration", EmulatorOptionsParser.Usage);
    }

    [Fact]
    public void TheKinderOptionsAreRead()
    {
        var o = EmulatorOptionsParser.Parse(["--idempotency", "honour", "--etags", "--no-verify-on-create"])!;
        Assert.Equal(IdempotencyMode.Honour, o.Idempotency);
        Assert.True(o.ETags);
        Assert.False(o.VerifyOnCreate);
        Assert.Equal(IdempotencyMode.Ignore, EmulatorOptionsParser.Parse(["--idempotency=ignore"])!.Idempotency);
        Assert.Contains("--idempotency", Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse(["--idempotency", "maybe"])).Message);
    }

    [Fact]
    public void ApiKeysTakeScopes()
    {
        var keys = EmulatorOptionsParser.Parse([
            "--api-key", "k1:s1:vcc-chat.webhooks.read,vcc-chat.channels.write", "--api-key", "k2:s:2", "--api-key", "k3:s:3:vcc-chat.conversations.read"])!.ApiKeys;
        Assert.Equal(["vcc-chat.webhooks.read", "vcc-chat.channels.write"], keys[0].Scopes);
        Assert.Equal("s1", keys[0].Secret);
        Assert.True(keys[0].Allows("vcc-chat.webhooks.read"));
        Assert.False(keys[0].Allows("vcc-chat.webhooks.write"));
        Assert.Null(keys[1].Scopes);
        Assert.True(keys[1].Allows("vcc-chat.webhooks.write"));
        Assert.Equal("s:3", keys[2].Secret);
        Assert.Equal(["vcc-chat.conversations.read"], keys[2].Scopes);
        var e = Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse(["--api-key", "k:secret:vcc-chat.webhooks.delete"]));
        Assert.Contains("vcc-chat.webhooks.delete", e.Message);
        Assert.DoesNotContain("secret", e.Message);
    }

    private static readonly System.Text.RegularExpressions.Regex OptionName = new(@"(?<![\w-])--[a-z][a-z-]+");

    [Fact]
    public void EveryOptionInTheHelpIsAccepted()
    {
        var options = OptionName.Matches(EmulatorOptionsParser.Usage).Select(m => m.Value).Distinct().ToList();
        Assert.True(options.Count >= 16, string.Join(" ", options));
        foreach (var option in options)
        {
            try { EmulatorOptionsParser.Parse([option]); }
            catch (OptionsException e) { Assert.DoesNotContain("Unknown option", e.Message); }
        }
    }

    private static string ReadmeEmulatorSection()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatApi.sln"))) dir = dir.Parent;
        var readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md"));
        var start = readme.IndexOf("## The emulator", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    [Fact]
    public void TheReadmeListsEveryOptionOfTheHelp()
    {
        var readme = ReadmeEmulatorSection();
        var missing = OptionName.Matches(EmulatorOptionsParser.Usage).Select(m => m.Value).Distinct()
            .Where(o => !OptionName.Matches(readme).Any(r => r.Value == o)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task TheHelpAndTheReadmeListEveryTestOnlyEndpoint()
    {
        await using var app = Hosting.EmulatorApp.Create(new EmulatorOptions { Urls = "http://127.0.0.1:0" });
        var routes = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/_", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(routes.Count >= 8, string.Join(" ", routes));
        var readme = ReadmeEmulatorSection();
        foreach (var route in routes)
        {
            // "/_emulator/conversations/{id}/agent-joined" is listed as ".../{id}/agent-joined|text|...".
            var last = route.Split('/')[^1];
            var stem = route[..(route.Length - last.Length)];
            Assert.True(EmulatorOptionsParser.Usage.Contains(stem + last) || (EmulatorOptionsParser.Usage.Contains(stem) && EmulatorOptionsParser.Usage.Contains(last)), $"--help lacks {route}");
            Assert.True(readme.Contains(stem + last) || (readme.Contains(stem) && readme.Contains(last)), $"README lacks {route}");
        }
    }
}
