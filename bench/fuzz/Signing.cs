using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using ChatApi.Engine.Signatures;

namespace ChatApi.Fuzz;

/// <summary>Signed events for the JWS target: the key, an attacker's key, and the signing inputs the key really signed.</summary>
public sealed class Signing
{
    public const string Kid = "fuzz-key_1";
    private static readonly Lazy<Signing> Instance = new Lazy<Signing>(() => new Signing());
    public static Signing Shared => Instance.Value;

    private readonly HashSet<string> signedInputs = new HashSet<string>(StringComparer.Ordinal);

    public RSA Key { get; } = NewKey();
    public RSA Attacker { get; } = NewKey();
    public string Jwk { get; }
    public IReadOnlyList<(byte[] Body, Dictionary<string, string> Headers)> Genuine { get; }
    public IReadOnlyList<(byte[] Body, Dictionary<string, string> Headers)> Forged { get; }

    public static readonly string[] ProtectedHeaders =
    {
        "{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"" + Kid + "\"}",
        "{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"" + Kid + "\",\"alg\":\"RS256\"}",
        "{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"" + Kid + "\",\"typ\":\"JOSE\"}",
    };

    public static readonly string[] Bodies =
    {
        "{\"eventType\":\"QUEUED\",\"conversationId\":\"c-1\",\"queueId\":\"7\",\"queueName\":\"Sales\",\"timestamp\":1767225600000}",
        "{\"eventType\":\"TEXT\",\"conversationId\":\"c-2\",\"text\":\"hello \\\"there\\\"\",\"authorType\":\"agent\"}",
        "{\"eventType\":\"WEB_HOOK_VERIFY\",\"notificationVersion\":\"v2.0\"}",
        "",
    };

    private Signing()
    {
        var p = Key.ExportParameters(false);
        Jwk = $"{{\"kty\":\"RSA\",\"kid\":\"{Kid}\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"{Base64Url.Encode(p.Modulus)}\",\"e\":\"{Base64Url.Encode(p.Exponent)}\"}}";
        var genuine = new List<(byte[], Dictionary<string, string>)>();
        var forged = new List<(byte[], Dictionary<string, string>)>();
        int n = 0;
        foreach (var header in ProtectedHeaders)
            foreach (var body in Bodies)
            {
                genuine.Add(Sign(Key, header, body, "evt-" + n, n % 3, true));
                forged.Add(Sign(Attacker, header, body, "evt-" + n, n % 3, false));
                n++;
            }
        Genuine = genuine;
        Forged = forged;
    }

    private (byte[], Dictionary<string, string>) Sign(RSA key, string headerJson, string bodyText, string eid, int retry, bool remember)
    {
        var body = Encoding.UTF8.GetBytes(bodyText);
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson));
        long tt = 1767225600000 + retry;
        var payload = SignedPayload.Build(SignedPayload.Checksum(body), "customer-1", eid, retry, "tenant-1", tt);
        var input = SignedPayload.SigningInput(header, payload);
        if (remember) signedInputs.Add(Convert.ToBase64String(input));
        var signature = key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return (body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [WebhookHeaders.TenantId] = "tenant-1",
            [WebhookHeaders.CustomerId] = "customer-1",
            [WebhookHeaders.EventId] = eid,
            [WebhookHeaders.Retry] = retry.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [WebhookHeaders.TransmissionTime] = tt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [WebhookHeaders.Signature] = header + ".." + Base64Url.Encode(signature),
        });
    }

    /// <summary>True when the key signed exactly this signing input (protected header as sent, payload rebuilt from the event).</summary>
    public bool KeySigned(byte[] signingInput) => signedInputs.Contains(Convert.ToBase64String(signingInput));

    private static RSA NewKey()
    {
        var rsa = RSA.Create();
        rsa.KeySize = 2048;
        rsa.ExportParameters(false);
        return rsa;
    }
}
