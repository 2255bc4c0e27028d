using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ChatApi.Engine;
using ChatApi.Engine.Events;
using ChatApi.Engine.Migration;
using ChatApi.Engine.Signatures;
using CsCheck;

namespace ChatApi.Fuzz;

/// <summary>x-8x8-signature as received: compact JWS text, or its protected header's JSON, mutated. Any exception is a crash.</summary>
public sealed class SignatureHeaderTarget : FuzzTarget<(int Seed, bool InJson, Mutation[] Edits)>
{
    public override string Name => "signature-header";

    private static readonly string[] Seeds = Signing.ProtectedHeaders.Concat(new[]
    {
        "{\"alg\":\"none\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\"}",
        "{\"alg\":\"RS256\",\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\"}",
        "{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\",\"exp\"],\"kid\":\"k\"}",
        "[\"alg\",\"RS256\"]",
    }).ToArray();

    protected override Gen<(int, bool, Mutation[])> Inputs { get; } = Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Bool, Mutation.Some);

    protected override Outcome Classify((int Seed, bool InJson, Mutation[] Edits) input, out Exception problem)
    {
        problem = null;
        string json = Seeds[input.Seed];
        string headerPart = Base64Url.Encode(Encoding.UTF8.GetBytes(input.InJson ? Mutation.Apply(json, input.Edits) : json));
        string jws = headerPart + ".." + Base64Url.Encode(new byte[256]);
        if (!input.InJson) jws = Mutation.Apply(jws, input.Edits);
        bool ok = JwsSignatureHeader.TryParse(jws, out var parsed, out var reason, out var detail);
        if (ok && (parsed == null || !JwsSignatureHeader.IsPlainKeyId(parsed.KeyId) || parsed.Signature.Length == 0))
        {
            problem = new InvalidOperationException("accepted a header without a plain kid or signature");
            return Outcome.FalseAccept;
        }
        return ok ? Outcome.Taken : Outcome.Refused;
    }
}

/// <summary>
/// Whole signed events, genuine or signed by another key, with the body, one header or the signature
/// mutated. A false accept: valid while the key never signed what the event now says.
/// </summary>
public sealed class JwsTarget : FuzzTarget<(bool Forged, int Seed, int Field, bool Twice, Mutation[] Edits)>
{
    public override string Name => "jws-checks";

    private static readonly string[] Fields =
    {
        "body", WebhookHeaders.Signature, WebhookHeaders.TenantId, WebhookHeaders.CustomerId, WebhookHeaders.EventId,
        WebhookHeaders.Retry, WebhookHeaders.TransmissionTime, "protected-header", "none",
    };

    private readonly Signing signing = Signing.Shared;
    private readonly WebhookSignatureVerifier verifier;

    public JwsTarget()
    {
        verifier = new WebhookSignatureVerifier(SigningKeyProvider.FromJwkJson(signing.Jwk),
            new WebhookSignatureOptions { MaxAge = TimeSpan.Zero, ReplayCache = new ReplayCache(16) });
    }

    protected override Gen<(bool, int, int, bool, Mutation[])> Inputs { get; } =
        Gen.Select(Gen.Bool, Gen.Int[0, Signing.ProtectedHeaders.Length * Signing.Bodies.Length - 1], Gen.Int[0, Fields.Length - 1], Gen.Int[0, 9].Select(i => i == 0), Mutation.Some);

    protected override Outcome Classify((bool Forged, int Seed, int Field, bool Twice, Mutation[] Edits) input, out Exception problem)
    {
        problem = null;
        var (seedBody, seedHeaders) = (input.Forged ? signing.Forged : signing.Genuine)[input.Seed];
        var body = seedBody;
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in seedHeaders) headers[h.Key] = new[] { h.Value };
        string field = Fields[input.Field];
        if (field == "body") body = Mutation.Apply(body, input.Edits);
        else if (field == "protected-header")
        {
            var jws = seedHeaders[WebhookHeaders.Signature];
            int dot = jws.IndexOf('.');
            var json = Encoding.UTF8.GetString(Base64Url.TryDecode(jws.Substring(0, dot), out var raw) ? raw : Array.Empty<byte>());
            headers[WebhookHeaders.Signature] = new[] { Base64Url.Encode(Encoding.UTF8.GetBytes(Mutation.Apply(json, input.Edits))) + jws.Substring(dot) };
        }
        else if (field != "none") headers[field] = new[] { Mutation.Apply(seedHeaders[field], input.Edits) };
        if (input.Twice && field != "body" && field != "none" && headers.TryGetValue(field == "protected-header" ? WebhookHeaders.Signature : field, out var one))
            headers[field == "protected-header" ? WebhookHeaders.Signature : field] = new[] { one[0], seedHeaders[field == "protected-header" ? WebhookHeaders.Signature : field] };

        var parsedHeaders = WebhookHeaders.From(headers);
        var result = verifier.Verify(body, parsedHeaders);
        if (!result.IsValid) return Outcome.Refused;
        if (!SignedByTheKey(body, parsedHeaders))
        {
            problem = new InvalidOperationException("accepted an event the key did not sign");
            return Outcome.FalseAccept;
        }
        return Outcome.Taken;
    }

    // Rebuilds the signing input from what the event says, independently of the verifier's state.
    private bool SignedByTheKey(byte[] body, WebhookHeaders headers)
    {
        var jws = headers.Get(WebhookHeaders.Signature);
        if (jws == null) return false;
        int dot = jws.IndexOf('.');
        if (dot <= 0) return false;
        if (!int.TryParse(headers.Get(WebhookHeaders.Retry), NumberStyles.None, CultureInfo.InvariantCulture, out var retry)) return false;
        if (!long.TryParse(headers.Get(WebhookHeaders.TransmissionTime), NumberStyles.None, CultureInfo.InvariantCulture, out var tt)) return false;
        var payload = SignedPayload.Build(SignedPayload.Checksum(body), headers.Get(WebhookHeaders.CustomerId), headers.Get(WebhookHeaders.EventId),
            retry, headers.Get(WebhookHeaders.TenantId), tt);
        var header = jws.Substring(0, dot);
        foreach (char c in header) if (c > 0x7f) return false;
        return signing.KeySigned(SignedPayload.SigningInput(header, payload));
    }
}

/// <summary>Webhook event bodies (every event type) and headers, mutated. Only WebhookEventFormatException is a refusal.</summary>
public sealed class EventParserTarget : FuzzTarget<(int Seed, bool WithHeaders, Mutation[] Edits)>
{
    public override string Name => "event-parser";

    private static readonly string[] Seeds = Signing.Bodies.Concat(new[]
    {
        "{\"eventType\":\"AGENT_JOINED\",\"conversationId\":\"c\",\"agentId\":\"a\",\"agentName\":\"Ann\",\"timestamp\":\"2026-01-01T00:00:00Z\"}",
        "{\"eventType\":\"AGENT_LEFT\",\"conversationId\":\"c\",\"agentId\":\"a\",\"timestamp\":-62135596800001}",
        "{\"eventType\":\"TRANSFER\",\"conversationId\":\"c\",\"fromQueueId\":1,\"toQueueId\":[2],\"timestamp\":1e300}",
        "{\"eventType\":\"SOMETHING_NEW\",\"nested\":{\"a\":[1,2,{\"b\":null}]}}",
        "{\"eventType\":null,\"conversationId\":{}}",
    }).ToArray();

    private static readonly WebhookHeaders SignedHeaders = WebhookHeaders.From(Signing.Shared.Genuine[0].Headers);

    protected override Gen<(int, bool, Mutation[])> Inputs { get; } = Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Bool, Mutation.Some);

    protected override Outcome Classify((int Seed, bool WithHeaders, Mutation[] Edits) input, out Exception problem)
    {
        problem = null;
        var body = Mutation.Apply(Encoding.UTF8.GetBytes(Seeds[input.Seed]), input.Edits);
        try
        {
            var parsed = WebhookEventParser.Parse(body, input.WithHeaders ? SignedHeaders : null);
            _ = parsed?.ToString();
            return Outcome.Taken;
        }
        catch (WebhookEventFormatException)
        {
            return Outcome.Refused;
        }
    }
}

/// <summary>Migration journals, whole or torn, mutated. Only the module's own refusal (ChatApiException) is a refusal.</summary>
public sealed class JournalTarget : FuzzTarget<(int Seed, Mutation[] Edits)>
{
    public override string Name => "journal-reader";

    private static readonly string[] Seeds = BuildSeeds();

    private static string[] BuildSeeds()
    {
        var run = MigrationJournal.Serialize(new JournalEntry(JournalOps.Run).With("tenant", "acme").With("strategy", "Safe"));
        var created = MigrationJournal.Serialize(new JournalEntry(JournalOps.WebhookCreated).With("webhook", "w-1").With("name", "hook \"v2\""));
        var moved = new JournalEntry(JournalOps.Repointed).With("channel", "c-1").With("from", "w-0").With("to", "w-1");
        moved.Channels = new List<string> { "c-1", "c-2" };
        var repointed = MigrationJournal.Serialize(moved);
        var end = MigrationJournal.Serialize(new JournalEntry(JournalOps.RunEnd).With("result", "done"));
        return new[]
        {
            string.Join("\n", run, created, repointed, end) + "\n",
            string.Join("\n", run, created, repointed.Substring(0, repointed.Length / 2)),
            run + "\n\n" + end,
            "",
        };
    }

    protected override Gen<(int, Mutation[])> Inputs { get; } = Gen.Select(Gen.Int[0, Seeds.Length - 1], Mutation.Some);

    protected override Outcome Classify((int Seed, Mutation[] Edits) input, out Exception problem)
    {
        problem = null;
        var text = Mutation.Apply(Seeds[input.Seed], input.Edits);
        try
        {
            foreach (var entry in MigrationJournal.ReadText(text, "fuzz.journal", _ => { }))
            {
                _ = entry.ToString();
                if (entry.Channels != null) _ = string.Join(",", entry.Channels);
            }
            return Outcome.Taken;
        }
        catch (ChatApiException e) when (e.Kind == ChatErrorKind.InvalidArgument)
        {
            return Outcome.Refused;
        }
    }
}

public static class AllTargets
{
    /// <summary>Each target and its share of the inputs of a bench run.</summary>
    public static IReadOnlyList<(IFuzzTarget Target, double Share)> Create() => new (IFuzzTarget, double)[]
    {
        (new SignatureHeaderTarget(), 0.35),
        (new JwsTarget(), 0.15),
        (new EventParserTarget(), 0.30),
        (new JournalTarget(), 0.20),
    };
}
