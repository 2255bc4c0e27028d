using System.Collections;
using System.Security.Cryptography;
using System.Text;
using ChatApi.Engine.Signatures;
using Jose;
using static ChatApi.Tests.Signatures.TestSigner;

namespace ChatApi.Tests.Signatures;

public class SignatureVerifierTests
{
    private static readonly string JwkSetAB = $"{{\"keys\":[{Jwk(KeyA, KidA)},{Jwk(KeyB, KidB)}]}}";

    private static WebhookSignatureVerifier Verifier(string jwk = null, TimeSpan? maxAge = null, bool replay = false,
        Func<DateTimeOffset> clock = null, ReplayCache cache = null) =>
        new WebhookSignatureVerifier(SigningKeyProvider.FromJwkJson(jwk ?? JwkSetAB), new WebhookSignatureOptions
        {
            MaxAge = maxAge ?? WebhookSignatureOptions.DefaultMaxAge,
            RejectReplay = replay,
            Clock = clock,
            ReplayCache = cache ?? new ReplayCache(),
        });

    private static SignatureCheckResult Check(TestSigner.Event e, WebhookSignatureVerifier verifier = null) =>
        (verifier ?? Verifier()).Verify(e.Body, WebhookHeaders.From(e.Headers));

    private static void AssertRefused(SignatureCheckResult result, SignatureCheckReason reason)
    {
        Assert.False(result.IsValid, $"expected {reason}, got {result.Reason}");
        Assert.Equal(reason, result.ReasonCode);
        Assert.StartsWith(reason.ToString(), result.Reason);
    }

    [Fact]
    public void JoseJwtSignedEventVerifiesAndReportsWhatItClaims()
    {
        long tt = NowMs() - 1500;
        var e = SignWithJose(eid: "evt-1", retry: 2, tt: tt);
        var r = Check(e);
        Assert.True(r.IsValid, r.Reason);
        Assert.Equal("Valid", r.Reason);
        Assert.Equal(SignatureCheckReason.Valid, r.ReasonCode);
        Assert.Equal(KidA, r.KeyId);
        Assert.Equal("tenant-1", r.TenantId);
        Assert.Equal("customer-1", r.CustomerId);
        Assert.Equal("evt-1", r.EventId);
        Assert.Equal(2, r.Retry);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(tt), r.TransmissionTime);
        Assert.InRange(r.Age.Value.TotalSeconds, 1.4, 30);
    }

    [Fact]
    public void JoseJwtHeaderIsTheDocumentedOne()
    {
        var e = SignWithJose();
        var header = Encoding.UTF8.GetString(Convert.FromBase64String(PadB64(e.Headers["x-8x8-signature"].Split('.')[0])));
        Assert.Contains("\"b64\":false", header);
        Assert.Contains("\"crit\":[\"b64\"]", header);
        Assert.Contains("\"alg\":\"RS256\"", header);
        Assert.Equal("", e.Headers["x-8x8-signature"].Split('.')[1]);
    }

    [Fact]
    public void JoseJwtVerifiesWhatThePayloadBuilderBuilds()
    {
        // The other direction: jose-jwt checks a signature over the engine's rebuilt payload.
        var e = SignWithJose(eid: "e-9", retry: 1, tt: 1767225600123);
        var payload = SignedPayload.Build(SignedPayload.Checksum(e.Body), "customer-1", "e-9", 1, "tenant-1", 1767225600123);
        Assert.Equal(payload, JWT.Verify(e.Headers["x-8x8-signature"], KeyA, JwsAlgorithm.RS256, payload: payload));
    }

    [Fact]
    public void PlainRsaSignedEventVerifies()
    {
        var r = Check(SignRaw(StandardHeader()));
        Assert.True(r.IsValid, r.Reason);
    }

    [Fact]
    public void SecondKeyOfASetIsChosenByKid()
    {
        var r = Check(SignWithJose(key: KeyB, kid: KidB));
        Assert.True(r.IsValid, r.Reason);
        Assert.Equal(KidB, r.KeyId);
    }

    [Fact]
    public void LoneJwkWithoutKidServesAnyKid()
    {
        var p = KeyA.ExportParameters(false);
        var jwk = $"{{\"kty\":\"RSA\",\"n\":\"{B64(p.Modulus)}\",\"e\":\"{B64(p.Exponent)}\"}}";
        Assert.True(Check(SignWithJose(kid: "whatever"), Verifier(jwk)).IsValid);
    }

    [Fact]
    public void WrongKeyIsABadSignature()
    {
        // Signed by B but claims kid A.
        AssertRefused(Check(SignWithJose(key: KeyB, kid: KidA)), SignatureCheckReason.BadSignature);
    }

    [Fact]
    public void KidNotInTheGivenJwkIsUnknown()
    {
        AssertRefused(Check(SignWithJose(kid: "other")), SignatureCheckReason.UnknownKey);
    }

    [Fact]
    public void OneChangedByteOfTheBodyIsABadSignature()
    {
        var e = SignWithJose();
        var body = (byte[])e.Body.Clone();
        body[body.Length / 2] ^= 0x01;
        AssertRefused(Check(new TestSigner.Event { Body = body, Headers = e.Headers }), SignatureCheckReason.BadSignature);
        // A trailing newline is a different body too: the raw bytes count, not the JSON meaning.
        AssertRefused(Check(new TestSigner.Event { Body = e.Body.Concat(new byte[] { 10 }).ToArray(), Headers = e.Headers }), SignatureCheckReason.BadSignature);
    }

    [Theory]
    [InlineData("x-8x8-event-id", "evt-2")]
    [InlineData("x-8x8-retry", "1")]
    [InlineData("x-8x8-tenant-id", "tenant-2")]
    [InlineData("x-8x8-customer-id", "customer-2")]
    [InlineData("x-8x8-transmission-time", "+1")]
    public void ChangedHeaderValueIsABadSignature(string header, string value)
    {
        long tt = NowMs();
        var e = SignWithJose(eid: "evt-1", retry: 0, tt: tt);
        if (value == "+1") value = (tt + 1).ToString();
        AssertRefused(Check(e.With(header, value)), SignatureCheckReason.BadSignature);
    }

    [Fact]
    public void AlgNoneIsRefused()
    {
        var jws = JWT.Encode("{}", null, JwsAlgorithm.none, extraHeaders: new Dictionary<string, object> { ["kid"] = KidA },
            options: new JwtOptions { DetachPayload = true, EncodePayload = false });
        var e = SignWithJose().With("x-8x8-signature", jws);
        AssertRefused(Check(e), SignatureCheckReason.UnsupportedAlgorithm);
        // and a hand-made one with a real-looking signature part
        AssertRefused(Check(SignRaw("{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"key-a_2026\",\"alg\":\"none\"}")), SignatureCheckReason.UnsupportedAlgorithm);
    }

    [Fact]
    public void Hs256SignedWithThePublicModulusIsRefused()
    {
        // The classic confusion attack: HMAC keyed with public key material.
        var secret = KeyA.ExportParameters(false).Modulus;
        var e0 = SignWithJose(eid: "e", tt: NowMs());
        var payload = Payload(e0.Body, "customer-1", "e", 0, "tenant-1", long.Parse(e0.Headers["x-8x8-transmission-time"]));
        var jws = JWT.Encode(payload, secret, JwsAlgorithm.HS256, extraHeaders: new Dictionary<string, object> { ["kid"] = KidA },
            options: new JwtOptions { DetachPayload = true, EncodePayload = false });
        var r = Check(e0.With("x-8x8-signature", jws));
        AssertRefused(r, SignatureCheckReason.UnsupportedAlgorithm);
        Assert.Contains("HS256", r.Reason);
    }

    [Theory]
    [InlineData("{\"b64\":false,\"kid\":\"key-a_2026\",\"alg\":\"RS256\"}", SignatureCheckReason.MissingCritical)]
    [InlineData("{\"b64\":false,\"crit\":[],\"kid\":\"key-a_2026\",\"alg\":\"RS256\"}", SignatureCheckReason.MissingCritical)]
    [InlineData("{\"b64\":false,\"crit\":\"b64\",\"kid\":\"key-a_2026\",\"alg\":\"RS256\"}", SignatureCheckReason.MissingCritical)]
    [InlineData("{\"b64\":false,\"crit\":[\"b64\",\"exp\"],\"kid\":\"key-a_2026\",\"alg\":\"RS256\"}", SignatureCheckReason.UnsupportedCritical)]
    [InlineData("{\"b64\":true,\"crit\":[\"b64\"],\"kid\":\"key-a_2026\",\"alg\":\"RS256\"}", SignatureCheckReason.PayloadEncoded)]
    [InlineData("{\"crit\":[\"b64\"],\"kid\":\"key-a_2026\",\"alg\":\"RS256\"}", SignatureCheckReason.PayloadEncoded)]
    [InlineData("{\"b64\":\"false\",\"crit\":[\"b64\"],\"kid\":\"key-a_2026\",\"alg\":\"RS256\"}", SignatureCheckReason.PayloadEncoded)]
    [InlineData("{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"key-a_2026\",\"alg\":\"RS512\"}", SignatureCheckReason.UnsupportedAlgorithm)]
    [InlineData("{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"key-a_2026\",\"alg\":\"rs256\"}", SignatureCheckReason.UnsupportedAlgorithm)]
    [InlineData("{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"key-a_2026\"}", SignatureCheckReason.UnsupportedAlgorithm)]
    [InlineData("{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"key-a_2026\",\"alg\":\"RS256\",\"alg\":\"none\"}", SignatureCheckReason.MalformedSignature)]
    [InlineData("[\"RS256\"]", SignatureCheckReason.MalformedSignature)]
    [InlineData("not json", SignatureCheckReason.MalformedSignature)]
    public void ProtectedHeaderOtherThanTheDocumentedOneIsRefusedEvenWhenProperlySigned(string headerJson, SignatureCheckReason reason)
    {
        AssertRefused(Check(SignRaw(headerJson)), reason);
    }

    [Fact]
    public void EncodedAttachedJwsFromJoseIsRefused()
    {
        // A normal (attached, base64url payload) JWS is not what 8x8 sends.
        var e = SignWithJose();
        var attached = JWT.Encode("{}", KeyA, JwsAlgorithm.RS256, extraHeaders: new Dictionary<string, object> { ["kid"] = KidA });
        AssertRefused(Check(e.With("x-8x8-signature", attached)), SignatureCheckReason.PayloadNotDetached);
        var detachedEncoded = JWT.Encode("{}", KeyA, JwsAlgorithm.RS256, extraHeaders: new Dictionary<string, object> { ["kid"] = KidA },
            options: new JwtOptions { DetachPayload = true });
        AssertRefused(Check(e.With("x-8x8-signature", detachedEncoded)), SignatureCheckReason.PayloadEncoded);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("abc.def")]
    [InlineData("a..b..c")]
    [InlineData("..sig")]
    [InlineData("!!!..c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9=..c2ln")]
    [InlineData("HEADER..")]
    [InlineData("HEADER..not*base64")]
    [InlineData("HEADER..a")]
    public void MalformedJwsIsRefusedWithoutException(string jws)
    {
        var e = SignWithJose();
        jws = jws.Replace("HEADER", e.Headers["x-8x8-signature"].Split('.')[0]);
        AssertRefused(Check(e.With("x-8x8-signature", jws)), SignatureCheckReason.MalformedSignature);
    }

    [Fact]
    public void PayloadInTheMiddlePartIsRefused()
    {
        var e = SignWithJose();
        var parts = e.Headers["x-8x8-signature"].Split('.');
        AssertRefused(Check(e.With("x-8x8-signature", parts[0] + ".e30." + parts[2])), SignatureCheckReason.PayloadNotDetached);
    }

    [Theory]
    [InlineData("x-8x8-signature")]
    [InlineData("x-8x8-tenant-id")]
    [InlineData("x-8x8-customer-id")]
    [InlineData("x-8x8-event-id")]
    [InlineData("x-8x8-retry")]
    [InlineData("x-8x8-transmission-time")]
    public void MissingHeaderIsNamed(string header)
    {
        var e = SignWithJose();
        var r = Check(e.With(header, null));
        AssertRefused(r, SignatureCheckReason.MissingHeader);
        Assert.Equal("MissingHeader: " + header, r.Reason);
        AssertRefused(Check(e.With(header, "  ")), SignatureCheckReason.MissingHeader);
    }

    [Fact]
    public void NoHeadersAtAllAndNoBodyAreRefusedWithoutException()
    {
        var v = Verifier();
        Assert.Equal("MissingHeader: x-8x8-signature", v.Verify((byte[])null, null).Reason);
        Assert.Equal("MissingHeader: x-8x8-signature", v.Verify(Array.Empty<byte>(), WebhookHeaders.From((IDictionary)new Hashtable())).Reason);
    }

    [Theory]
    [InlineData("x-8x8-retry", "one")]
    [InlineData("x-8x8-retry", "-1")]
    [InlineData("x-8x8-retry", "01")]
    [InlineData("x-8x8-retry", "99999999999")]
    [InlineData("x-8x8-transmission-time", "2026-01-01T00:00:00Z")]
    [InlineData("x-8x8-transmission-time", "1.5e12")]
    [InlineData("x-8x8-transmission-time", "999999999999999999")]
    public void NonNumericRetryOrTimeIsMalformed(string header, string value)
    {
        AssertRefused(Check(SignWithJose().With(header, value)), SignatureCheckReason.MalformedHeader);
    }

    [Fact]
    public void TwoDifferentValuesOfOneHeaderAreMalformed()
    {
        var e = SignWithJose();
        var headers = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in e.Headers) headers[pair.Key] = pair.Value;
        headers["x-8x8-event-id"] = new[] { e.Headers["x-8x8-event-id"], "other" };
        var r = Verifier().Verify(e.Body, WebhookHeaders.From(headers));
        AssertRefused(r, SignatureCheckReason.MalformedHeader);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("key%2F..")]
    [InlineData("")]
    [InlineData("kid\u00e9")]
    [InlineData("LONG")]
    public void KidThatIsNotAPlainTokenIsRefusedBeforeAnyLookup(string kid)
    {
        if (kid == "LONG") kid = new string('k', 129);
        int fetches = 0;
        var provider = SigningKeyProvider.FromFetch("us", (k, ct) => { fetches++; return Task.FromResult(JwkModel(KeyA, k)); }, new SigningKeyCache());
        var verifier = new WebhookSignatureVerifier(provider, new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        var e = SignRaw(StandardHeader(kid.Replace("\"", "")));
        var r = verifier.Verify(e.Body, WebhookHeaders.From(e.Headers));
        AssertRefused(r, SignatureCheckReason.InvalidKeyId);
        Assert.Equal(0, fetches);
    }

    [Fact]
    public void KidOf128PlainCharactersIsAccepted()
    {
        var kid = new string('k', 127) + "_";
        var r = Check(SignWithJose(kid: kid), Verifier(Jwk(KeyA, kid)));
        Assert.True(r.IsValid, r.Reason);
    }

    [Fact]
    public void MissingKidIsRefused()
    {
        AssertRefused(Check(SignRaw("{\"b64\":false,\"crit\":[\"b64\"],\"alg\":\"RS256\"}")), SignatureCheckReason.InvalidKeyId);
    }

    [Fact]
    public void TooOldEventIsRefusedWithItsAge()
    {
        long tt = 1767225600000;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(tt) + TimeSpan.FromMinutes(6);
        var r = Check(SignWithJose(tt: tt), Verifier(clock: () => now));
        AssertRefused(r, SignatureCheckReason.TooOld);
        Assert.Equal(TimeSpan.FromMinutes(6), r.Age);
        Assert.Contains("6 min", r.Reason);
        // within the window it passes
        Assert.True(Check(SignWithJose(tt: tt), Verifier(clock: () => now - TimeSpan.FromMinutes(2))).IsValid);
        // a custom MaxAge
        Assert.True(Check(SignWithJose(tt: tt), Verifier(maxAge: TimeSpan.FromMinutes(10), clock: () => now)).IsValid);
    }

    [Fact]
    public void EventFromTheFutureIsRefused()
    {
        long tt = 1767225600000;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(tt) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1);
        var r = Check(SignWithJose(tt: tt), Verifier(clock: () => now));
        AssertRefused(r, SignatureCheckReason.TooNew);
        Assert.True(r.Age < TimeSpan.Zero);
    }

    [Fact]
    public void MaxAgeZeroTurnsTheTimeCheckOff()
    {
        var r = Check(SignWithJose(tt: 1000), Verifier(maxAge: TimeSpan.Zero));
        Assert.True(r.IsValid, r.Reason);
        Assert.True(r.Age > TimeSpan.FromDays(365 * 50));
    }

    [Fact]
    public void TamperedTimeIsABadSignatureNotMerelyOld()
    {
        long tt = NowMs() - TimeSpan.FromHours(1).Ticks / 10_000;
        var e = SignWithJose(tt: tt).With("x-8x8-transmission-time", NowMs().ToString());
        AssertRefused(Check(e), SignatureCheckReason.BadSignature);
    }

    [Fact]
    public void ReplayIsRefusedAndAGenuineRetryPasses()
    {
        var cache = new ReplayCache();
        var verifier = Verifier(replay: true, cache: cache);
        var first = SignWithJose(eid: "evt-7", retry: 0);
        Assert.True(Check(first, verifier).IsValid);
        var again = Check(first, verifier);
        AssertRefused(again, SignatureCheckReason.Replayed);
        Assert.Contains("evt-7", again.Reason);
        var retry = SignWithJose(eid: "evt-7", retry: 1);
        Assert.True(Check(retry, verifier).IsValid);
        AssertRefused(Check(retry, verifier), SignatureCheckReason.Replayed);
        // without RejectReplay the same event passes as often as it comes
        var lenient = Verifier(cache: cache);
        Assert.True(Check(first, lenient).IsValid);
        Assert.True(Check(first, lenient).IsValid);
    }

    [Fact]
    public void ForgedEventDoesNotPoisonTheReplayMemory()
    {
        var verifier = Verifier(replay: true);
        var forged = SignWithJose(key: KeyB, kid: KidA, eid: "evt-8");
        AssertRefused(Check(forged, verifier), SignatureCheckReason.BadSignature);
        Assert.True(Check(SignWithJose(eid: "evt-8"), verifier).IsValid);
    }

    [Fact]
    public void ReplayMemoryForgetsOutsideTheWindowAndStaysBounded()
    {
        var cache = new ReplayCache(capacity: 100);
        var now = DateTimeOffset.UtcNow;
        for (int i = 0; i < 1000; i++) Assert.True(cache.TryRecord("t", "e" + i, 0, now, now.AddMinutes(5)));
        Assert.True(cache.Count <= 100);
        Assert.False(cache.TryRecord("t", "e999", 0, now, now.AddMinutes(5)));
        Assert.True(cache.TryRecord("t", "e999", 0, now.AddMinutes(6), now.AddMinutes(11)));
    }

    [Fact]
    public void HeaderNamesMatchInAnyCaseAndValuesMayBeLists()
    {
        var e = SignWithJose();
        var upper = new Hashtable();
        foreach (var pair in e.Headers) upper[pair.Key.ToUpperInvariant()] = pair.Value;
        Assert.True(Verifier().Verify(e.Body, WebhookHeaders.From(upper)).IsValid);

        var mixed = new Dictionary<string, string[]>();
        foreach (var pair in e.Headers) mixed[char.ToUpperInvariant(pair.Key[0]) + pair.Key.Substring(1).Replace("-8x8-", "-8X8-")] = new[] { pair.Value };
        Assert.True(Verifier().Verify(e.Body, WebhookHeaders.From(mixed)).IsValid);

        var collection = new System.Collections.Specialized.NameValueCollection();
        foreach (var pair in e.Headers) collection.Add(pair.Key.ToUpperInvariant(), pair.Value);
        Assert.True(Verifier().Verify(e.Body, WebhookHeaders.From(collection)).IsValid);
    }

    [Fact]
    public void StringBodyIsCheckedAsUtf8()
    {
        var e = SignWithJose(body: "{\"eventType\":\"TEXT\",\"message\":\"Grüße, 你好 ✓\"}");
        Assert.True(Verifier().Verify(e.BodyText, WebhookHeaders.From(e.Headers)).IsValid);
    }

    [Fact]
    public void Crc32IsTheIeeeOne()
    {
        Assert.Equal(0xCBF43926u, SignedPayload.Checksum(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, SignedPayload.Checksum(Array.Empty<byte>()));
        var body = Encoding.UTF8.GetBytes(SampleBody);
        Assert.Equal(Crc(body), SignedPayload.Checksum(body));
    }

    [Fact]
    public void PayloadHasTheDocumentedShapeAndEscapesStrings()
    {
        Assert.Equal("{\"checksum\":4294967295,\"cid\":\"c\",\"eid\":\"e\",\"retry\":3,\"tid\":\"t\",\"tt\":1767225600000}",
            SignedPayload.Build(uint.MaxValue, "c", "e", 3, "t", 1767225600000));
        Assert.Equal("{\"checksum\":1,\"cid\":\"a\\\"b\\\\c\\n\\u0001\",\"eid\":\"é\",\"retry\":0,\"tid\":\"t/x\",\"tt\":0}",
            SignedPayload.Build(1, "a\"b\\c\n\u0001", "é", 0, "t/x", 0));
    }

    [Fact]
    public void BadJwkTextIsAFormatError()
    {
        Assert.Throws<FormatException>(() => SigningKeyProvider.FromJwkJson("not json"));
        Assert.Throws<FormatException>(() => SigningKeyProvider.FromJwkJson("[]"));
        Assert.Throws<FormatException>(() => SigningKeyProvider.FromJwkJson("{\"keys\":[]}"));
        Assert.Throws<FormatException>(() => SigningKeyProvider.FromJwkJson("{\"keys\":{}}"));
    }

    [Fact]
    public void WeakOrWrongKeysAreUnavailableNotUsed()
    {
        using var small = RSA.Create(1024);
        var r = Check(SignWithJose(key: small), Verifier(Jwk(small, KidA)));
        AssertRefused(r, SignatureCheckReason.KeyUnavailable);
        Assert.Contains("2048", r.Reason);
        var ec = $"{{\"kty\":\"EC\",\"kid\":\"{KidA}\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}}";
        AssertRefused(Check(SignWithJose(), Verifier(ec)), SignatureCheckReason.KeyUnavailable);
    }

    private static string PadB64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
