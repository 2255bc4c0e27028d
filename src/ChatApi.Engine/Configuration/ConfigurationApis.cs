namespace ChatApi.Engine.Configuration;

/// <summary>
/// The one place that knows what each API holds: which webhook versions map onto which across APIs
/// (v2.0 ↔ Chat Gateway v1.0), and which channel types a target can take.
/// </summary>
public static class ConfigurationApis
{
    public static bool IsKnown(string api) => ChatValues.Apis.Contains(api);

    /// <summary>The versions a webhook may have in a document of <paramref name="api"/>.</summary>
    public static IReadOnlyList<string> VersionsOf(string api) =>
        api == ChatValues.ApiGateway ? new[] { ChatValues.Gateway } : (IReadOnlyList<string>)ChatValues.Versions;

    /// <summary>
    /// The version a webhook of <paramref name="version"/> in <paramref name="from"/> gets in <paramref name="to"/>,
    /// or null with the reason when the target cannot hold it.
    /// </summary>
    public static (string Version, string Reason) MapVersion(string version, string from, string to)
    {
        if (from == to) return (version, null);
        if (from == ChatValues.ApiV2 && to == ChatValues.ApiGateway)
            return version == ChatValues.V2 ? (ChatValues.Gateway, null)
                : (null, $"the Chat Gateway holds only {ChatValues.Gateway} webhooks; a {version} webhook has no counterpart (migrate it to {ChatValues.V2} first)");
        if (from == ChatValues.ApiGateway && to == ChatValues.ApiV2)
            return version == ChatValues.Gateway ? (ChatValues.V2, null) : (null, $"'{version}' is not a Chat Gateway webhook version");
        return (null, $"no version mapping from {from} to {to}");
    }

    /// <summary>The versions a session of <paramref name="api"/> creates webhooks at (-WebhookVersion): never v1.0.</summary>
    public static IReadOnlyList<string> CreatableVersions(string api) => VersionsOf(api).Where(v => v != ChatValues.V1).ToList();

    /// <summary>
    /// Null when a webhook of <paramref name="version"/> can be created on <paramref name="api"/>; else the rule, naming
    /// the way out. 8x8 creates no new v1.0 webhooks (it answers 400 Constraint Violation).
    /// </summary>
    public static string CheckCreate(string version, string api) => version != ChatValues.V1 ? null
        : $"8x8 creates no new {ChatValues.V1} webhooks; -WebhookVersion '{CreatableVersions(api).Last()}' creates it at that version and points its channels at it";

    /// <summary>Null when <paramref name="api"/> holds channels of <paramref name="type"/>, else the reason.</summary>
    public static string CheckChannelType(string type, string api)
    {
        if (api == ChatValues.ApiGateway || type == null || type == ChatValues.ChatApiChannel) return null;
        return $"a {type} channel cannot be held by {ChatValues.ApiTitle(api)} (only {ChatValues.ChatApiChannel} channels)";
    }
}
