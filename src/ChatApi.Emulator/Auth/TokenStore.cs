using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ChatApi.Emulator.Auth;

public sealed record IssuedToken(string AccessToken, string ApiKey, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>Opaque bearer tokens and the API key each was issued to.</summary>
public sealed class TokenStore(EmulatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public bool IsValidKey(string key, string secret) =>
        options.ApiKeys.Any(k => k.Key == key && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(k.Secret), System.Text.Encoding.UTF8.GetBytes(secret)));

    public IssuedToken Issue(string apiKey)
    {
        var now = time.GetUtcNow();
        var token = new IssuedToken(Base64Url(RandomNumberGenerator.GetBytes(24)), apiKey, now, now.AddSeconds(options.TokenLifetimeSeconds));
        _tokens[token.AccessToken] = token;
        return token;
    }

    /// <summary>The API key behind a live token, or null for an unknown or expired one.</summary>
    public string? Resolve(string accessToken)
    {
        if (!_tokens.TryGetValue(accessToken, out var token)) return null;
        if (time.GetUtcNow() < token.ExpiresAt) return token.ApiKey;
        _tokens.TryRemove(accessToken, out _);
        return null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
