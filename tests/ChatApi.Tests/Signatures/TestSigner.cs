using System.Security.Cryptography;
using System.Text;
using Jose;

namespace ChatApi.Tests.Signatures;

/// <summary>
/// Signs webhook events the way 8x8 documents it, with an independent JOSE implementation
/// (jose-jwt: detached, unencoded RS256) or plain RSA, so the engine is checked against
/// somebody else's reading of RFC 7515/7797.
/// </summary>
internal static class TestSigner
{
    public static readonly RSA KeyA = NewKey();
    public static readonly RSA KeyB = NewKey();
    public const string KidA = "key-a_2026";
    public const string KidB = "key-b";

    public static RSA NewKey()
    {
        var rsa = RSA.Create();
        rsa.KeySize = 2048;
        rsa.ExportParameters(false); // force generation now
        return rsa;
    }

    public static string Jwk(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return $"{{\"kty\":\"RSA\",\"kid\":\"{kid}\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"{B64(p.Modulus)}\",\"e\":\"{B64(p.Exponent)}\"}}";
    }

    public static ChatApi.Jwk JwkModel(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return new ChatApi.Jwk { KeyId = kid, KeyType = "RSA", N = B64(p.Modulus), E = B64(p.Exponent) };
    }

    public static string B64(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    public static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));

    /// <summary>CRC-32 (IEEE) written out bit by bit here, independent of System.IO.Hashing.</summary>
    public static uint Crc(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static string Payload(byte[] body, string cid, string eid, int retry, string tid, long tt) =>
        $"{{\"checksum\":{Crc(body)},\"cid\":\"{cid}\",\"eid\":\"{eid}\",\"retry\":{retry},\"tid\":\"{tid}\",\"tt\":{tt}}}";

    /// <summary>A signed event: body and the six x-8x8 headers.</summary>
    public sealed class Event
    {
        public byte[] Body;
        public Dictionary<string, string> Headers;
        public string BodyText => Encoding.UTF8.GetString(Body);
        public Event With(string header, string value)
        {
            var copy = new Event { Body = Body, Headers = new Dictionary<string, string>(Headers) };
            if (value == null) copy.Headers.Remove(header); else copy.Headers[header] = value;
            return copy;
        }
    }

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public const string SampleBody = "{\"eventType\":\"QUEUED\",\"conversationId\":\"c-1\",\"queueId\":\"7\",\"queueName\":\"Sales\",\"messageType\":\"SYSTEM\",\"timestamp\":1767225600000}";

    /// <summary>Signs with jose-jwt: RS256, b64:false, crit [b64], detached payload, kid in the header.</summary>
    public static Event SignWithJose(string body = SampleBody, RSA key = null, string kid = KidA, string eid = null, int retry = 0,
        long? tt = null, string tid = "tenant-1", string cid = "customer-1")
    {
        key ??= KeyA;
        var bytes = Encoding.UTF8.GetBytes(body);
        eid ??= Guid.NewGuid().ToString();
        long time = tt ?? NowMs();
        var payload = Payload(bytes, cid, eid, retry, tid, time);
        var jws = JWT.Encode(payload, key, JwsAlgorithm.RS256,
            extraHeaders: new Dictionary<string, object> { ["kid"] = kid },
            options: new JwtOptions { DetachPayload = true, EncodePayload = false });
        return Headers(bytes, jws, cid, eid, retry, tid, time);
    }

    /// <summary>Signs a hand-made protected header with plain RSA over ASCII(header) '.' payload.</summary>
    public static Event SignRaw(string headerJson, string body = SampleBody, RSA key = null, string eid = null, int retry = 0, long? tt = null,
        string tid = "tenant-1", string cid = "customer-1")
    {
        key ??= KeyA;
        var bytes = Encoding.UTF8.GetBytes(body);
        eid ??= Guid.NewGuid().ToString();
        long time = tt ?? NowMs();
        var header = B64(headerJson);
        var input = Encoding.ASCII.GetBytes(header + "." + Payload(bytes, cid, eid, retry, tid, time));
        var signature = key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Headers(bytes, header + ".." + B64(signature), cid, eid, retry, tid, time);
    }

    public static string StandardHeader(string kid = KidA) => $"{{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"{kid}\",\"alg\":\"RS256\"}}";

    private static Event Headers(byte[] body, string jws, string cid, string eid, int retry, string tid, long tt) => new Event
    {
        Body = body,
        Headers = new Dictionary<string, string>
        {
            ["x-8x8-tenant-id"] = tid,
            ["x-8x8-customer-id"] = cid,
            ["x-8x8-event-id"] = eid,
            ["x-8x8-retry"] = retry.ToString(),
            ["x-8x8-transmission-time"] = tt.ToString(),
            ["x-8x8-signature"] = jws,
        },
    };
}
