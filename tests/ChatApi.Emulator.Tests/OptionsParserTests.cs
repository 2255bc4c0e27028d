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
}
