using System.Security.Cryptography;

namespace ChatApi.Engine.Signatures;

/// <summary>An imported RSA public key that checks RS256 (RSASSA-PKCS1-v1_5 with SHA-256) signatures. Thread-safe.</summary>
public sealed class RsaVerificationKey : IDisposable
{
    public const int MinimumKeySizeBits = 2048;

    private readonly RSA rsa;
    private readonly object gate = new object();

    private RsaVerificationKey(string keyId, RSA rsa, string modulus)
    {
        KeyId = keyId;
        this.rsa = rsa;
        Modulus = modulus;
    }

    public string KeyId { get; }
    public int KeySize => rsa.KeySize;
    /// <summary>The modulus, base64url, to tell whether two keys are the same.</summary>
    internal string Modulus { get; }

    /// <summary>Imports a JWK; false with a reason when it is not a usable RSA public signing key.</summary>
    public static bool TryImport(Jwk jwk, out RsaVerificationKey key, out string problem)
    {
        key = null;
        problem = null;
        if (jwk == null) { problem = "no key"; return false; }
        if (!string.IsNullOrEmpty(jwk.KeyType) && !string.Equals(jwk.KeyType, "RSA", StringComparison.Ordinal)) { problem = $"kty '{JwsSignatureHeader.Printable(jwk.KeyType)}' is not RSA"; return false; }
        if (!string.IsNullOrEmpty(jwk.Use) && !string.Equals(jwk.Use, "sig", StringComparison.Ordinal)) { problem = $"use '{JwsSignatureHeader.Printable(jwk.Use)}' is not sig"; return false; }
        if (!string.IsNullOrEmpty(jwk.Algorithm) && !string.Equals(jwk.Algorithm, "RS256", StringComparison.Ordinal)) { problem = $"alg '{JwsSignatureHeader.Printable(jwk.Algorithm)}' is not RS256"; return false; }
        if (!Base64Url.TryDecode(jwk.N, out var n) || !Base64Url.TryDecode(jwk.E, out var e) || n.Length == 0 || e.Length == 0)
        {
            problem = "n and e must be base64url";
            return false;
        }
        n = TrimLeadingZeros(n);
        e = TrimLeadingZeros(e);
        if (n.Length * 8 < MinimumKeySizeBits) { problem = $"the modulus has {n.Length * 8} bits; at least {MinimumKeySizeBits} are required"; return false; }
        if (e.Length > 8) { problem = "the exponent is too large"; return false; }

        RSA rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(new RSAParameters { Modulus = n, Exponent = e });
        }
        catch (CryptographicException ex)
        {
            rsa.Dispose();
            problem = "the key does not import: " + ex.Message;
            return false;
        }
        key = new RsaVerificationKey(jwk.KeyId, rsa, Base64Url.Encode(n));
        return true;
    }

    public bool Verify(byte[] signingInput, byte[] signature)
    {
        if (signingInput == null || signature == null) return false;
        try
        {
            lock (gate)
            {
                return rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }
        catch (CryptographicException)
        {
            return false; // e.g. a signature of the wrong length on some platforms
        }
    }

    public void Dispose() => rsa.Dispose();

    private static byte[] TrimLeadingZeros(byte[] data)
    {
        int i = 0;
        while (i < data.Length - 1 && data[i] == 0) i++;
        if (i == 0) return data;
        var copy = new byte[data.Length - i];
        Buffer.BlockCopy(data, i, copy, 0, copy.Length);
        return copy;
    }
}

/// <summary>Reads JWKs from JSON: one key object, or a set {"keys":[...]}.</summary>
public static class JwkJson
{
    /// <summary>Parses; throws FormatException with a clear message when the text is not a JWK or JWK set.</summary>
    public static IList<Jwk> Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) throw new FormatException("The JWK is empty.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FormatException("The JWK is not JSON: " + ex.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("The JWK must be a JSON object (a key or {\"keys\":[...]}).");
            var keys = new List<Jwk>();
            if (root.TryGetProperty("keys", out var set))
            {
                if (set.ValueKind != JsonValueKind.Array) throw new FormatException("\"keys\" must be an array of JWKs.");
                foreach (var item in set.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) throw new FormatException("Every entry of \"keys\" must be a JWK object.");
                    keys.Add(Read(item));
                }
            }
            else
            {
                keys.Add(Read(root));
            }
            return keys;
        }
    }

    private static Jwk Read(JsonElement key) => new Jwk
    {
        KeyType = Text(key, "kty"),
        KeyId = Text(key, "kid"),
        Algorithm = Text(key, "alg"),
        Use = Text(key, "use"),
        N = Text(key, "n"),
        E = Text(key, "e"),
    };

    private static string Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
