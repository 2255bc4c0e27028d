using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.TestSupport;

/// <summary>
/// The webhook URIs the emulator holds or has delivered to whose host is not this machine (not
/// loopback). The test suites check that there are none when they stop an emulator: every event to
/// such a URI costs a DNS lookup that leaves the machine and blocks a thread, so a test that uses one
/// sends traffic out and makes the timing of every other test depend on the network.
/// </summary>
public static class OffMachineTargets
{
    public static IReadOnlyList<string> Find(EmulatorState state, DeliveryLog log)
    {
        var uris = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tenant in state.Tenants)
        {
            lock (tenant.Lock)
            {
                foreach (var webhook in tenant.Webhooks.Values) uris.Add(webhook.Uri);
            }
        }
        foreach (var attempt in log.Find(null, null, null)) uris.Add(attempt.Uri);
        return uris.Where(uri => !(Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsLoopback)).ToList();
    }

    /// <summary>Throws when the emulator at <paramref name="baseUri"/> holds or delivered to such a URI, naming them and what to use instead.</summary>
    public static void Check(IServiceProvider services, Uri baseUri)
    {
        var away = Find(services.GetRequiredService<EmulatorState>(), services.GetRequiredService<DeliveryLog>());
        if (away.Count > 0)
            throw new InvalidOperationException($"The emulator was given webhook URIs off this machine ({string.Join(", ", away)}); " +
                $"tests must use one on 127.0.0.1, such as the emulator's own receiver {baseUri}_receiver/<name>.");
    }
}
