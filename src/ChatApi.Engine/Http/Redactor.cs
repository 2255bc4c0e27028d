using System.Text.RegularExpressions;

namespace ChatApi.Engine.Http;

/// <summary>
/// Blanks secrets in text that may be shown (Verbose, Debug, -WhatIf, error records): JSON fields
/// named like a secret (authorization, apiKey, secret, token, password, cookie, ...) with escaped
/// quotes inside, Basic and Bearer credentials, URI user info, and query or form values named like
/// a secret (every query value of a full URI). One place for the rule; the cmdlets use it too.
/// </summary>
public static class Redactor
{
    public const string Mask = "***";

    private const string SecretWords = @"authorization|api[_\-]?key|secret|token|password|passwd|cookie|credential";
    private const string SecretName = @"[A-Za-z0-9_.\-]*(?:" + SecretWords + @")[A-Za-z0-9_.\-]*";
    // Query names also carry keys and signatures (Azure function ?code=, SAS &sig=).
    private const string SecretQueryName = @"[A-Za-z0-9_.\-]*(?:" + SecretWords + @"|key|sig|signature|code)[A-Za-z0-9_.\-]*";

    // "name": "value with \" escapes"
    private static readonly Regex JsonFields = new Regex(
        "(\"(?![A-Za-z0-9_.\\-]*type\")" + SecretName + "\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")", // token_type stays
        RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // Authorization: Basic abc= / Bearer xyz (headers written out as text, JWTs, Basic forms)
    private static readonly Regex Credentials = new Regex(
        @"\b(Basic|Bearer)\s+[A-Za-z0-9\-._~+/]+=*",
        RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // name: value / name=value for header-like names (Authorization: xyz, Cookie: a=b)
    private static readonly Regex HeaderLines = new Regex(
        @"\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key)(\s*[:=]\s*)(?!\*\*\*)[^\r\n,;]+",
        RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // scheme://user:password@host
    private static readonly Regex UserInfo = new Regex(
        @"\b([a-z][a-z0-9+.\-]*://)[^/\s@?#]+@",
        RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // every query value of a full URI: https://host/path?a=1&b=2 (webhook URIs carry function keys, tokens)
    private static readonly Regex UriQuery = new Regex(
        @"\b([a-z][a-z0-9+.\-]*://[^\s?#""']*\?)([^\s#""']*)",
        RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // name=value in a query or form body without a scheme: ?token=..., &client_secret=...
    private static readonly Regex NamedValues = new Regex(
        @"((?:^|[?&\s])" + SecretQueryName + @"=)[^&\s#""']*",
        RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = JsonFields.Replace(text, "$1" + Mask + "$2");
        text = HeaderLines.Replace(text, "$1$2" + Mask);
        text = Credentials.Replace(text, "$1 " + Mask);
        text = UserInfo.Replace(text, "$1" + Mask + "@");
        text = UriQuery.Replace(text, m => m.Groups[1].Value + MaskValues(m.Groups[2].Value));
        text = NamedValues.Replace(text, "$1" + Mask);
        return text;
    }

    /// <summary>The text of an object (a URI, a string), redacted; other objects are returned as they are.</summary>
    public static object RedactTarget(object target)
    {
        switch (target)
        {
            case string s: return Redact(s);
            case System.Uri u: return Redact(u.OriginalString);
            default: return target;
        }
    }

    private static string MaskValues(string query)
    {
        var parts = query.Split('&');
        for (int i = 0; i < parts.Length; i++)
        {
            int eq = parts[i].IndexOf('=');
            parts[i] = eq < 0 ? (parts[i].Length == 0 ? "" : Mask) : parts[i].Substring(0, eq + 1) + Mask;
        }
        return string.Join("&", parts);
    }
}
