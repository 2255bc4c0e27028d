namespace ChatApi.Cmdlets;

/// <summary>
/// Reads -History: strings are customer (user) messages; objects or hashtables carry Text and
/// Type (user or bot).
/// </summary>
internal static class HistoryArgument
{
    public static List<HistoryMessage> Read(object[] items)
    {
        var list = new List<HistoryMessage>();
        if (items == null) return list;
        foreach (var raw in items)
        {
            var item = PSValues.Unwrap(raw);
            if (item == null) continue;
            if (item is string text) { list.Add(new HistoryMessage(text)); continue; }
            string messageText = Field(raw, "Text") ?? Field(raw, "OriginalText");
            string type = Field(raw, "Type") ?? Field(raw, "AuthorType") ?? ChatValues.User;
            if (string.IsNullOrEmpty(messageText)) throw new ArgumentException("Parameter 'History': each message needs a Text.", "History");
            if (ChatRules.CheckAuthorType(type) is string rule) throw new ArgumentException($"Parameter 'History': a message's Type {rule} (got '{type}').", "History");
            list.Add(new HistoryMessage(messageText, type));
        }
        return list;
    }

    private static string Field(object raw, string name)
    {
        var item = PSValues.Unwrap(raw);
        if (item is IDictionary d)
        {
            foreach (DictionaryEntry e in d)
                if (string.Equals(e.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) return e.Value?.ToString();
            return null;
        }
        return PSObject.AsPSObject(raw).Properties[name]?.Value?.ToString();
    }
}
