using System.Buffers.Text;
using System.Security.Cryptography;

namespace ChatApi.Emulator.Events;

public sealed record SigningKey(string Kid, RSA Rsa);

/// <summary>
/// The RSA keys that sign v2.0 deliveries. One 2048-bit key is made at start; rotating makes a new
/// current key and keeps the old ones served at the JWK endpoint.
/// </summary>
public sealed class SigningKeys : IDisposable
{
    private readonly List<SigningKey> _keys = [];
    private readonly Lock _lock = new();

    public SigningKeys() => Rotate();

    public SigningKey Current { get { lock (_lock) return _keys[^1]; } }

    public IReadOnlyList<string> Kids { get { lock (_lock) return _keys.Select(k => k.Kid).ToList(); } }

    public SigningKey Rotate()
    {
        var key = new SigningKey("emu-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), RSA.Create(2048));
        lock (_lock) _keys.Add(key);
        return key;
    }

    public SigningKey? Find(string kid) { lock (_lock) return _keys.FirstOrDefault(k => k.Kid == kid); }

    /// <summary>The public JWK of a key: <c>{kty, e, n, kid, alg, use}</c>.</summary>
    public static Dictionary<string, string> PublicJwk(SigningKey key)
    {
        var p = key.Rsa.ExportParameters(false);
        return new()
        {
            ["kty"] = "RSA",
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["kid"] = key.Kid,
            ["alg"] = "RS256",
            ["use"] = "sig",
        };
    }

    public void Dispose()
    {
        lock (_lock) foreach (var key in _keys) key.Rsa.Dispose();
    }
}
