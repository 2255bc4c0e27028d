namespace ChatApi.Emulator.Http;

/// <summary>Checks shared by webhooks and verify: absolute http(s) URIs and notification versions.</summary>
public static class FieldRules
{

    public static void CheckName(string? name, int max, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(name) || name.Length > max) errors.Add(new FieldError("name", $"size must be between 1 and {max}"));
    }

    public static void CheckUri(string? uri, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(uri)) errors.Add(new FieldError("uri", "must not be empty"));
        else if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            errors.Add(new FieldError("uri", "must be an absolute http or https URI"));
    }

    /// <summary>The version is one of <paramref name="allowed"/> (by default the Chat API V2's v1.0 and v2.0).</summary>
    public static void CheckVersion(string? version, List<FieldError> errors, IReadOnlyList<string>? allowed = null)
    {
        allowed ??= State.WebhookVersions.ChatApiV2;
        if (version is null) errors.Add(new FieldError("version", "must not be null (send it as version or notificationVersion)"));
        else if (!allowed.Contains(version)) errors.Add(new FieldError("version", $"must be one of {string.Join(", ", allowed)}"));
    }
}
