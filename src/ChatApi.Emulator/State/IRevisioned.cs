namespace ChatApi.Emulator.State;

/// <summary>A stored resource whose <see cref="Revision"/> is the version If-Match compares (and the ETag).</summary>
public interface IRevisioned
{
    int Revision { get; }
}
