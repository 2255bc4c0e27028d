namespace ChatApi.Cmdlets;

/// <summary>
/// The user-data parameters of New-ChatConversation and Set-ChatConversation and the keys they fill
/// (8x8's names, <see cref="CustomerData"/>); -Property adds free keys. A parameter left out (null)
/// sets nothing.
/// </summary>
internal static class CustomerFields
{
    private static readonly (string Parameter, string Key)[] Map =
    {
        ("CustomerName", CustomerData.Name), ("Email", CustomerData.Email), ("CustomerId", CustomerData.CustomerId),
        ("UserId", CustomerData.UserId), ("Phone", CustomerData.Phone), ("Company", CustomerData.Company),
        ("CaseId", CustomerData.CaseId), ("Language", CustomerData.Language), ("IpAddress", CustomerData.IpAddress),
        ("TimezoneOffset", CustomerData.TimezoneOffset),
    };

    public static void Fill(CustomerData data, object cmdlet, Hashtable property)
    {
        var type = cmdlet.GetType();
        foreach (var (parameter, key) in Map) data.Set(key, type.GetProperty(parameter)?.GetValue(cmdlet) as string);
        if (property != null) foreach (DictionaryEntry e in property) data.Set(e.Key.ToString(), e.Value?.ToString());
    }
}
