namespace ChatApi.Cmdlets;

/// <summary>Plain values out of what PowerShell hands a cmdlet, an attribute or a completer.</summary>
internal static class PSValues
{
    /// <summary>The object inside a PSObject wrapper, or the value itself.</summary>
    public static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;
}
