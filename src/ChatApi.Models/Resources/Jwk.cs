namespace ChatApi;

/// <summary>An RSA public key (JWK) that 8x8 signs v2.0 webhook events with.</summary>
public sealed class Jwk
{
    public string KeyId { get; set; }
    public string KeyType { get; set; }
    public string Algorithm { get; set; }
    public string Use { get; set; }
    /// <summary>Modulus, base64url.</summary>
    public string N { get; set; }
    /// <summary>Exponent, base64url.</summary>
    public string E { get; set; }
    public string Region { get; set; }
    /// <summary>The API whose key path served it: V2 or Gateway.</summary>
    public string Api { get; set; }

    public override string ToString() => KeyId;
}
