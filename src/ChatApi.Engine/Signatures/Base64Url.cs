namespace ChatApi.Engine.Signatures;

/// <summary>Strict base64url (RFC 4648 §5, no padding) as JWS uses it.</summary>
public static class Base64Url
{
    public static string Encode(byte[] data)
    {
        if (data == null) throw new ArgumentNullException(nameof(data));
        return Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes; false for null, any character outside A-Z a-z 0-9 - _, padding, or an impossible length.</summary>
    public static bool TryDecode(string text, out byte[] data)
    {
        data = null;
        if (text == null) return false;
        int len = text.Length;
        if (len % 4 == 1) return false;
        var chars = new char[len + (4 - len % 4) % 4];
        for (int i = 0; i < len; i++)
        {
            char c = text[i];
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) chars[i] = c;
            else if (c == '-') chars[i] = '+';
            else if (c == '_') chars[i] = '/';
            else return false;
        }
        for (int i = len; i < chars.Length; i++) chars[i] = '=';
        try
        {
            data = Convert.FromBase64CharArray(chars, 0, chars.Length);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
