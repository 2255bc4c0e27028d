namespace ChatApi.Cmdlets
{
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
}
