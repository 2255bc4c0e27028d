using System;
using System.Collections.Generic;
using System.Text;
using CsCheck;

namespace ChatApi.Fuzz;

/// <summary>One edit of a byte string: flip a bit, set, insert or delete a byte, repeat a slice, or splice in a token that often breaks parsers.</summary>
public readonly struct Mutation
{
    public readonly int Kind;
    public readonly int Position;
    public readonly int Value;

    public Mutation(int kind, int position, int value)
    {
        Kind = kind;
        Position = position;
        Value = value;
    }

    public override string ToString() => $"{Kind}@{Position}:{Value}";

    public static readonly string[] Tokens =
    {
        "\"", "\\", "\\u0000", "\\ud800", "\u0000", "{", "}", "[", "]", ",", ":", "null", "true", "false", "-", "-0", "1e300", "-1e300",
        "NaN", "Infinity", "99999999999999999999", "-9223372036854775809", "2147483648", "0.5", "1e-400", "\"\"", "{}", "[]",
        "\"alg\":\"none\"", "\"alg\":\"HS256\"", "\"b64\":true", "\"crit\":[]", "\"crit\":[\"exp\"]", "\"kid\":\"../x\"", "\"kid\":1",
        "..", ".", "=", "==", "+", "/", "%00", "\r\n", "\ufeff", "\u202e", "é", "\uffff", new string('a', 300), new string('[', 80),
    };

    public static readonly Gen<Mutation> Gen = CsCheck.Gen.Select(CsCheck.Gen.Int[0, 6], CsCheck.Gen.Int[0, 1 << 16], CsCheck.Gen.Int[0, 1 << 16],
        (k, p, v) => new Mutation(k, p, v));

    public static readonly Gen<Mutation[]> Some = Gen.Array[0, 6];

    public static byte[] Apply(byte[] seed, Mutation[] edits)
    {
        var data = new List<byte>(seed);
        foreach (var m in edits)
        {
            int at = data.Count == 0 ? 0 : m.Position % (data.Count + 1);
            switch (m.Kind)
            {
                case 0: if (at < data.Count) data[at] ^= (byte)(1 << (m.Value % 8)); break;
                case 1: if (at < data.Count) data[at] = (byte)m.Value; break;
                case 2: data.Insert(at, (byte)m.Value); break;
                case 3: if (at < data.Count) data.RemoveRange(at, Math.Min(1 + m.Value % 8, data.Count - at)); break;
                case 4:
                    int len = Math.Min(1 + m.Value % 32, data.Count - at);
                    if (len > 0) data.InsertRange(at, data.GetRange(at, len));
                    break;
                default:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[m.Value % Tokens.Length]));
                    break;
            }
        }
        return data.ToArray();
    }

    public static string Apply(string seed, Mutation[] edits) => Encoding.UTF8.GetString(Apply(Encoding.UTF8.GetBytes(seed ?? ""), edits));
}
