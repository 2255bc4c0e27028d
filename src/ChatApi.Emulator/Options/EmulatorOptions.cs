namespace ChatApi.Emulator.Options;

/// <summary>A tenant and the one region it lives in.</summary>
public sealed record TenantOption(string Region, string Tenant);

/// <summary>An API key pair the token endpoint accepts; <see cref="Scopes"/> null means every scope.</summary>
public sealed record ApiKeyOption(string Key, string Secret, IReadOnlyList<string>? Scopes = null)
{
    public bool Allows(string scope) => Scopes is null || Scopes.Contains(scope);
}

/// <summary>A Chat Gateway API key (header <c>x-api-key</c>) and the tenants it serves; null means every tenant.</summary>
public sealed record GatewayKeyOption(string Key, IReadOnlyList<string>? Tenants = null)
{
    public bool Serves(string tenant) => Tenants is null || Tenants.Contains(tenant);
}

/// <summary>What the emulator does with an <c>Idempotency-Key</c> header.</summary>
public enum IdempotencyMode { Ignore, Honour }

/// <summary>Everything the emulator can be told at start. Defaults match the command line's.</summary>
public sealed class EmulatorOptions
{
    public static readonly IReadOnlyList<string> Regions = ChatValues.Regions;

    public string Urls { get; set; } = "http://127.0.0.1:5080";
    public List<TenantOption> Tenants { get; set; } = [new(ChatValues.Us, "acme")];
    public List<ApiKeyOption> ApiKeys { get; set; } = [new("demo-key", "demo-secret")];
    public List<GatewayKeyOption> GatewayKeys { get; set; } = [new("demo-gateway-key")];
    /// <summary>Requests per second per API key on /vcc calls; 0 turns the limit off.</summary>
    public double RateLimit { get; set; } = 5;
    public int TokenLifetimeSeconds { get; set; } = 3600;
    public int SeedLegacy { get; set; }
    /// <summary>Distinct receiver URIs the legacy webhooks share; null means max(1, ceil(SeedLegacy / 10)).</summary>
    public int? SeedUris { get; set; }
    public int SeedBroken { get; set; }
    /// <summary>Channels of the other Gateway types (SMS, Facebook, ...), which the API lists but cannot create.</summary>
    public int SeedOtherChannels { get; set; }
    public double FailRate { get; set; }
    public int LatencyMs { get; set; }
    public bool LegacyMode { get; set; }
    public int? RandomSeed { get; set; }
    /// <summary>Ignore (8x8: the header is used by no operation) or honour (replay the first answer).</summary>
    public IdempotencyMode Idempotency { get; set; } = IdempotencyMode.Ignore;
    /// <summary>V2's participants as an array of everyone who joined; by default one object (the customer), as 8x8's description types it.</summary>
    public bool ParticipantList { get; set; }
    /// <summary>Send <c>ETag</c> on answers (8x8 documents none); If-Match is honoured either way.</summary>
    public bool ETags { get; set; }
    /// <summary>Send WEB_HOOK_VERIFY to a webhook when it is created, as 8x8 does; <c>--no-verify-on-create</c> turns it off.</summary>
    public bool VerifyOnCreate { get; set; } = true;
    /// <summary>Echo messages sent through the API to Gateway webhooks as MESSAGE isEcho (8x8 defines the flag, not when it is set).</summary>
    public bool EchoMessages { get; set; }

    /// <summary>
    /// One tenant configuration seen through both APIs: the V2 and the Gateway paths list every webhook of the
    /// tenant. Off (the contracts' view): each lists the versions its contract defines (<see cref="WebhookViews"/>).
    /// </summary>
    public bool SharedConfiguration { get; set; }

    /// <summary>Pauses before each delivery retry (not a command-line option; tests shorten them).</summary>
    public TimeSpan[] RetryDelays { get; set; } =
        [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>How long one delivery attempt (and a verify call) may take.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file to write <c>{baseUri, pid}</c> to, whole, once the emulator listens (<c>--ready-file</c>).</summary>
    public string? ReadyFile { get; set; }
    /// <summary>The process whose end stops the emulator (<c>--exit-with</c>); null: none.</summary>
    public int? ExitWithPid { get; set; }

    public int EffectiveSeedUris => SeedUris ?? Math.Max(1, (int)Math.Ceiling(SeedLegacy / 10.0));
}
