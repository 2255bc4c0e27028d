namespace ChatApi.Emulator.Http;

/// <summary>Checks shared by webhooks and verify: absolute http(s) URIs and notification versions.</summary>
public static class FieldRules
{
    public static readonly string[] Versions = ChatValues.Versions;

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

    public static void CheckVersion(string? version, List<FieldError> errors)
    {
        if (version is null) errors.Add(new FieldError("version", "must not be null (send it as version or notificationVersion)"));
        else if (!Versions.Contains(version)) errors.Add(new FieldError("version", $"must be one of {string.Join(", ", Versions)}"));
    }
}
