using System.Threading.Channels;

namespace ChatApi.Emulator.Events;

/// <summary>The background queue of events waiting to be delivered.</summary>
public sealed class DeliveryQueue
{
    private readonly Channel<DeliveryJob> _channel = System.Threading.Channels.Channel.CreateUnbounded<DeliveryJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(DeliveryJob job) => _channel.Writer.TryWrite(job);

    public IAsyncEnumerable<DeliveryJob> ReadAllAsync(CancellationToken cancel) => _channel.Reader.ReadAllAsync(cancel);
}
