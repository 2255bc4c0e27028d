using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace ChatApi.Engine.Signatures;

/// <summary>The detached JWS payload 8x8 signs: rebuilt from the body's CRC-32 and the x-8x8-* headers.</summary>
public static class SignedPayload
{
    /// <summary>CRC-32 (IEEE 802.3, as zlib and java.util.zip.CRC32) of the exact body bytes.</summary>
    public static uint Checksum(byte[] body) => Crc32.HashToUInt32(body ?? Array.Empty<byte>());

    /// <summary>
    /// {"checksum":&lt;crc&gt;,"cid":"&lt;customer&gt;","eid":"&lt;event&gt;","retry":&lt;n&gt;,"tid":"&lt;tenant&gt;","tt":&lt;ms&gt;}
    /// in exactly this key order and without whitespace.
    /// </summary>
    public static string Build(uint checksum, string customerId, string eventId, int retry, string tenantId, long transmissionTime)
    {
        var sb = new StringBuilder(160);
        sb.Append("{\"checksum\":").Append(checksum.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"cid\":"); AppendJsonString(sb, customerId);
        sb.Append(",\"eid\":"); AppendJsonString(sb, eventId);
        sb.Append(",\"retry\":").Append(retry.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"tid\":"); AppendJsonString(sb, tenantId);
        sb.Append(",\"tt\":").Append(transmissionTime.ToString(CultureInfo.InvariantCulture));
        sb.Append('}');
        return sb.ToString();
    }

    /// <summary>The JWS signing input: ASCII(protected header as received) '.' UTF-8(payload).</summary>
    public static byte[] SigningInput(string protectedHeader, string payload)
    {
        int headerLength = protectedHeader.Length;
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        var input = new byte[headerLength + 1 + payloadBytes.Length];
        for (int i = 0; i < headerLength; i++) input[i] = (byte)protectedHeader[i]; // base64url: ASCII only, checked before
        input[headerLength] = (byte)'.';
        Buffer.BlockCopy(payloadBytes, 0, input, headerLength + 1, payloadBytes.Length);
        return input;
    }

    /// <summary>A JSON string literal: quotes, backslash and control characters escaped; everything else as is (UTF-8).</summary>
    internal static void AppendJsonString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value ?? string.Empty)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
