namespace ChatApi.Engine.Signatures;

/// <summary>
/// The parsed x-8x8-signature: a compact JWS with a detached, unencoded payload
/// (RFC 7515 + RFC 7797): &lt;b64url(protected header)&gt;..&lt;b64url(signature)&gt;, where the protected
/// header must be exactly alg RS256, b64 false and crit naming b64.
/// </summary>
internal sealed class JwsSignatureHeader
{
    public const int MaxKeyIdLength = 128;
    private const int MaxSignatureLength = 16 * 1024;
    private const int HeaderCacheSize = 64;

    private static readonly object CacheGate = new object();
    private static readonly Dictionary<string, HeaderParse> Cache = new Dictionary<string, HeaderParse>(StringComparer.Ordinal);

    public string ProtectedHeader { get; private set; }
    public string KeyId { get; private set; }
    public byte[] Signature { get; private set; }

    /// <summary>Parses and checks; on failure returns false with a reason and a detail for the user. Never throws for bad input.</summary>
    public static bool TryParse(string jws, out JwsSignatureHeader parsed, out SignatureCheckReason reason, out string detail)
    {
        parsed = null;
        reason = SignatureCheckReason.MalformedSignature;
        detail = null;
        if (jws == null || jws.Length > MaxSignatureLength)
        {
            detail = "not a compact JWS";
            return false;
        }
        int firstDot = jws.IndexOf('.');
        int secondDot = firstDot < 0 ? -1 : jws.IndexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || jws.IndexOf('.', secondDot + 1) >= 0)
        {
            detail = "expected three dot-separated parts: <header>..<signature>";
            return false;
        }
        string headerPart = jws.Substring(0, firstDot);
        string payloadPart = jws.Substring(firstDot + 1, secondDot - firstDot - 1);
        string signaturePart = jws.Substring(secondDot + 1);
        if (headerPart.Length == 0)
        {
            detail = "the protected header is empty";
            return false;
        }
        if (payloadPart.Length != 0)
        {
            reason = SignatureCheckReason.PayloadNotDetached;
            detail = "the payload part must be empty (detached payload)";
            return false;
        }

        var header = ParseHeaderCached(headerPart);
        if (header.Reason != SignatureCheckReason.Valid)
        {
            reason = header.Reason;
            detail = header.Detail;
            return false;
        }

        if (signaturePart.Length == 0 || !Base64Url.TryDecode(signaturePart, out var signature) || signature.Length == 0)
        {
            detail = "the signature part is not base64url";
            return false;
        }

        parsed = new JwsSignatureHeader { ProtectedHeader = headerPart, KeyId = header.KeyId, Signature = signature };
        reason = SignatureCheckReason.Valid;
        return true;
    }

    /// <summary>True for a plain token: 1..128 of A-Z a-z 0-9 - _.</summary>
    public static bool IsPlainKeyId(string kid)
    {
        if (string.IsNullOrEmpty(kid) || kid.Length > MaxKeyIdLength) return false;
        foreach (char c in kid)
        {
            bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return false;
        }
        return true;
    }

    private sealed class HeaderParse
    {
        public SignatureCheckReason Reason;
        public string Detail;
        public string KeyId;
    }

    // 8x8 uses one header per key, so nearly every event repeats the same header part.
    private static HeaderParse ParseHeaderCached(string headerPart)
    {
        lock (CacheGate)
        {
            if (Cache.TryGetValue(headerPart, out var hit)) return hit;
        }
        var parsed = ParseHeader(headerPart);
        if (headerPart.Length <= 1024)
        {
            lock (CacheGate)
            {
                if (Cache.Count >= HeaderCacheSize) Cache.Clear();
                Cache[headerPart] = parsed;
            }
        }
        return parsed;
    }

    private static HeaderParse Fail(SignatureCheckReason reason, string detail) => new HeaderParse { Reason = reason, Detail = detail };

    private static HeaderParse ParseHeader(string headerPart)
    {
        if (!Base64Url.TryDecode(headerPart, out var headerBytes))
            return Fail(SignatureCheckReason.MalformedSignature, "the protected header is not base64url");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(headerBytes, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return Fail(SignatureCheckReason.MalformedSignature, "the protected header is not JSON");
        }
        catch (ArgumentException)
        {
            return Fail(SignatureCheckReason.MalformedSignature, "the protected header is not JSON");
        }

        using (document)
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(SignatureCheckReason.MalformedSignature, "the protected header is not a JSON object");

            JsonElement? alg = null, b64 = null, crit = null, kid = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    return Fail(SignatureCheckReason.MalformedSignature, $"the protected header repeats '{Printable(property.Name)}'");
                switch (property.Name)
                {
                    case "alg": alg = property.Value; break;
                    case "b64": b64 = property.Value; break;
                    case "crit": crit = property.Value; break;
                    case "kid": kid = property.Value; break;
                }
            }

            if (alg == null || alg.Value.ValueKind != JsonValueKind.String)
                return Fail(SignatureCheckReason.UnsupportedAlgorithm, "the protected header has no alg; only RS256 is accepted");
            var algName = alg.Value.GetString();
            if (!string.Equals(algName, "RS256", StringComparison.Ordinal))
                return Fail(SignatureCheckReason.UnsupportedAlgorithm, $"alg '{Printable(algName)}'; only RS256 is accepted");

            if (b64 == null)
                return Fail(SignatureCheckReason.PayloadEncoded, "the protected header lacks b64:false (RFC 7797 unencoded payload)");
            if (b64.Value.ValueKind != JsonValueKind.False)
                return Fail(SignatureCheckReason.PayloadEncoded, "b64 must be false (unencoded payload)");

            if (crit == null || crit.Value.ValueKind != JsonValueKind.Array)
                return Fail(SignatureCheckReason.MissingCritical, "the protected header lacks crit [\"b64\"]");
            bool namesB64 = false;
            foreach (var item in crit.Value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                    return Fail(SignatureCheckReason.MissingCritical, "crit must be a list of header names");
                var name = item.GetString();
                if (name == "b64") namesB64 = true;
                else return Fail(SignatureCheckReason.UnsupportedCritical, $"crit names '{Printable(name)}', which this verifier does not understand");
            }
            if (!namesB64)
                return Fail(SignatureCheckReason.MissingCritical, "crit does not name b64");

            if (kid == null || kid.Value.ValueKind != JsonValueKind.String)
                return Fail(SignatureCheckReason.InvalidKeyId, "the protected header has no kid");
            var keyId = kid.Value.GetString();
            if (!IsPlainKeyId(keyId))
                return Fail(SignatureCheckReason.InvalidKeyId, $"kid '{Printable(keyId)}' is not a plain token (letters, digits, '-', '_', at most {MaxKeyIdLength})");

            return new HeaderParse { Reason = SignatureCheckReason.Valid, KeyId = keyId };
        }
        catch (InvalidOperationException)
        {
            // Text that is not valid Unicode: bytes that are not UTF-8, or an escaped lone surrogate (\ud800).
            return Fail(SignatureCheckReason.MalformedSignature, "the protected header holds text that is not valid Unicode");
        }
    }

    /// <summary>Shortens and cleans text taken from the request before it goes into a reason.</summary>
    internal static string Printable(string text)
    {
        if (text == null) return "";
        var chars = new System.Text.StringBuilder(Math.Min(text.Length, 40));
        foreach (char c in text)
        {
            if (chars.Length >= 32) { chars.Append("..."); break; }
            chars.Append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return chars.ToString();
    }
}
