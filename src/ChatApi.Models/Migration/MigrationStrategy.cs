namespace ChatApi;

/// <summary>How a V1-era channel gets onto a v2.0 (signed) webhook.</summary>
public enum MigrationStrategy
{
    /// <summary>8x8's recommendation: one new (or existing) v2.0 webhook per receiver URI, channels repointed to it.</summary>
    NewWebhook,
    /// <summary>The v1.0 webhooks themselves are switched to v2.0 (cannot be undone: 8x8 refuses downgrades).</summary>
    InPlace,
}
