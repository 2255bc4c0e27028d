namespace ChatApi.Emulator.Idempotency;

/// <summary>The first answer given under an Idempotency-Key: status, the headers that matter, body.</summary>
public sealed record StoredResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset StoredAt)
{
    public static readonly string[] KeptHeaders = ["Content-Type", "ETag", "Location", "Retry-After"];
}
