using System.Threading;

namespace ChatApi.Engine;

/// <summary>
/// One-at-a-time by key: creates of the same item (the same text to the same conversation, the
/// same webhook name and URI) in one session run one after the other, so that one create's check
/// never takes the other's item for its own. Gates live only while someone holds or waits for them.
/// </summary>
internal sealed class KeyedGate
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> gates = new Dictionary<string, (SemaphoreSlim, int)>(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellation)
    {
        SemaphoreSlim gate;
        lock (gates)
        {
            gate = gates.TryGetValue(key, out var entry) ? entry.Gate : new SemaphoreSlim(1, 1);
            gates[key] = (gate, (entry.Gate == null ? 0 : entry.Users) + 1);
        }
        try
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            Leave(key);
            throw;
        }
        return new Held(this, key, gate);
    }

    private void Leave(string key)
    {
        lock (gates)
        {
            var entry = gates[key];
            if (entry.Users <= 1) gates.Remove(key);
            else gates[key] = (entry.Gate, entry.Users - 1);
        }
    }

    private sealed class Held : IDisposable
    {
        private KeyedGate owner;
        private readonly string key;
        private readonly SemaphoreSlim gate;

        public Held(KeyedGate owner, string key, SemaphoreSlim gate) => (this.owner, this.key, this.gate) = (owner, key, gate);

        public void Dispose()
        {
            var o = Interlocked.Exchange(ref owner, null);
            if (o == null) return;
            gate.Release();
            o.Leave(key);
        }
    }
}
