namespace ChatApi.Emulator.Options;

/// <summary>A tenant and the one region it lives in.</summary>
public sealed record TenantOption(string Region, string Tenant);

/// <summary>An API key pair the token endpoint accepts.</summary>
public sealed record ApiKeyOption(string Key, string Secret);

/// <summary>Everything the emulator can be told at start. Defaults match the command line's.</summary>
public sealed class EmulatorOptions
{
    public static readonly IReadOnlyList<string> Regions = ChatValues.Regions;

    public string Urls { get; set; } = "http://127.0.0.1:5080";
    public List<TenantOption> Tenants { get; set; } = [new(ChatValues.Us, "acme")];
    public List<ApiKeyOption> ApiKeys { get; set; } = [new("demo-key", "demo-secret")];
    /// <summary>Requests per second per API key on /vcc calls; 0 turns the limit off.</summary>
    public double RateLimit { get; set; } = 5;
    public int TokenLifetimeSeconds { get; set; } = 3600;
    public int SeedLegacy { get; set; }
    /// <summary>Distinct receiver URIs the legacy webhooks share; null means max(1, ceil(SeedLegacy / 10)).</summary>
    public int? SeedUris { get; set; }
    public int SeedBroken { get; set; }
    public double FailRate { get; set; }
    public int LatencyMs { get; set; }
    public bool LegacyMode { get; set; }
    public int? RandomSeed { get; set; }

    /// <summary>Pauses before each delivery retry (not a command-line option; tests shorten them).</summary>
    public TimeSpan[] RetryDelays { get; set; } =
        [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>How long one delivery attempt (and a verify call) may take.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int EffectiveSeedUris => SeedUris ?? Math.Max(1, (int)Math.Ceiling(SeedLegacy / 10.0));
}
