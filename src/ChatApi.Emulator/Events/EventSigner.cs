using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace ChatApi.Emulator.Events;

/// <summary>What a signature covers besides the body.</summary>
public sealed record SignatureContext(string CustomerId, string EventId, int Retry, string TenantId, long TransmissionTime);

/// <summary>
/// Signs a v2.0 delivery as API-NOTES.md describes: a compact JWS with detached, unencoded payload
/// (RFC 7797). Payload = <c>{"checksum":crc32,"cid":..,"eid":..,"retry":..,"tid":..,"tt":..}</c>.
/// </summary>
public sealed class EventSigner(SigningKeys keys)
{
    public string Sign(ReadOnlySpan<byte> body, SignatureContext context)
    {
        var key = keys.Current;
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(ProtectedHeader(key.Kid)));
        var signingInput = Encoding.ASCII.GetBytes(header + ".").Concat(Encoding.UTF8.GetBytes(Payload(body, context))).ToArray();
        var signature = key.Rsa.SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + ".." + Base64Url.EncodeToString(signature);
    }

    public static string ProtectedHeader(string kid) => "{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"" + kid + "\",\"alg\":\"RS256\"}";

    public static uint Checksum(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadUInt32LittleEndian(Crc32.Hash(body));

    public static string Payload(ReadOnlySpan<byte> body, SignatureContext c) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"checksum\":{Checksum(body)},\"cid\":\"{c.CustomerId}\",\"eid\":\"{c.EventId}\",\"retry\":{c.Retry},\"tid\":\"{c.TenantId}\",\"tt\":{c.TransmissionTime}}}");
}
