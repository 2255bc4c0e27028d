using ChatApi.Emulator.Options;

namespace ChatApi.Emulator.Events;

/// <summary>
/// Takes jobs off the queue and delivers each on its own task (a slow URI holds up nobody else):
/// a non-2xx answer or a connection error is retried after each of the retry delays, with
/// x-8x8-retry counting up and a new transmission time.
/// </summary>
public sealed class DeliveryWorker(DeliveryQueue queue, DeliverySender sender, EmulatorOptions options, TimeProvider time, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
                _ = Task.Run(() => DeliverAsync(job, stoppingToken), stoppingToken);
        }
        catch (OperationCanceledException) { }
    }

    private async Task DeliverAsync(DeliveryJob job, CancellationToken cancel)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var (status, _) = await sender.SendAsync(job, attempt, cancel);
                if (status is >= 200 and < 300 || attempt >= options.RetryDelays.Length) return;
                await Task.Delay(options.RetryDelays[attempt], time, cancel);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            logger.LogWarning(e, "Delivery of {EventType} to {Uri} failed", job.EventType, job.Uri);
        }
    }
}
