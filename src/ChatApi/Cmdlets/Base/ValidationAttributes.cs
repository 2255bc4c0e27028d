namespace ChatApi.Cmdlets;

/// <summary>Parameter is an absolute http or https URI (8x8's rule for webhook URIs).</summary>
public sealed class ValidateAbsoluteUriAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = PSValues.Unwrap(arguments)?.ToString();
        var problem = ChatRules.CheckAbsoluteUri(text);
        if (problem != null) throw new ValidationMetadataException($"'{Redactor.Redact(text)}' {problem}.");
    }
}

/// <summary>
/// One of the notification versions (v1.0, v2.0, Chat Gateway v1.0); which of them the session's API
/// writes is checked by the engine, and <see cref="Completers.WebhookVersionCompleter"/> offers only those.
/// </summary>
public sealed class ValidateWebhookVersionAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = PSValues.Unwrap(arguments)?.ToString();
        if (Array.IndexOf(ChatValues.AllVersions, text) < 0)
            throw new ValidationMetadataException($"'{text}' is not a notification version: use {"'" + string.Join("', '", ChatValues.AllVersions) + "'"}.");
    }
}

/// <summary>A hashtable of at most 30 entries (8x8's limit on customer properties).</summary>
public sealed class ValidateCustomerPropertiesAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var table = PSValues.Unwrap(arguments) as IDictionary;
        var problem = table == null ? null : CustomerData.CheckCount(table.Count);
        if (problem != null) throw new ValidationMetadataException(problem + ".");
    }
}
