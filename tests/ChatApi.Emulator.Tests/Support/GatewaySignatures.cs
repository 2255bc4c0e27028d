using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatApi.Emulator.Tests.Support;

/// <summary>Checks a Gateway delivery's x-8x8-signature the way a receiver would: the key from the Gateway's JWK path, the payload rebuilt from the headers and the body.</summary>
public static class GatewaySignatures
{
    /// <summary>The public key named by the delivery's signature (its kid), read from <c>/chat-gateway/v1/jwk/{kid}/public</c>.</summary>
    public static async Task<RSA> KeyAsync(TestEmulator emu, JsonNode received)
    {
        var signature = received["headers"]!.Str("x-8x8-signature");
        var kid = JsonNode.Parse(Encoding.UTF8.GetString(Jose.Base64Url.Decode(signature.Split('.')[0])))!.Str("kid");
        using var answer = await emu.Http.GetAsync($"/chat-gateway/v1/jwk/{kid}/public");
        Assert.Equal(200, (int)answer.StatusCode);
        var jwk = await Json.ObjectAsync(answer);
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Jose.Base64Url.Decode(jwk.Str("n")), Exponent = Jose.Base64Url.Decode(jwk.Str("e")) });
        return rsa;
    }

    /// <summary>Asserts the signature is a JWS over {checksum (CRC32 of the body), cid, eid, retry, tid, tt} that <paramref name="rsa"/> verifies.</summary>
    public static void AssertSigned(JsonNode received, RSA rsa)
    {
        string H(string name) => received["headers"]!.Str(name);
        var checksum = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(System.IO.Hashing.Crc32.Hash(Encoding.UTF8.GetBytes(received.Str("body"))));
        var payload = $"{{\"checksum\":{checksum},\"cid\":\"{H("x-8x8-customer-id")}\",\"eid\":\"{H("x-8x8-event-id")}\",\"retry\":{H("x-8x8-retry")},\"tid\":\"{H("x-8x8-tenant-id")}\",\"tt\":{H("x-8x8-transmission-time")}}}";
        Assert.Equal(payload, Jose.JWT.Decode(H("x-8x8-signature"), rsa, Jose.JwsAlgorithm.RS256, payload: payload));
    }
}
