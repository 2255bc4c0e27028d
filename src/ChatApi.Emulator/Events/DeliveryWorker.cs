namespace ChatApi.Emulator.Events;

/// <summary>
/// Takes jobs off the queue and delivers them, in order per webhook and conversation (a later
/// event waits until the earlier one was delivered or gave up; other conversations do not wait):
/// a non-2xx answer or a connection error is retried after each of the retry delays, with
/// x-8x8-retry counting up and a new transmission time.
/// </summary>
public sealed class DeliveryWorker(DeliveryQueue queue, DeliverySender sender, EmulatorOptions options, TimeProvider time, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
            {
                var key = (job.WebhookId ?? job.Uri) + "|" + job.ConversationId;
                Task next;
                lock (_tails)
                {
                    var previous = _tails.GetValueOrDefault(key, Task.CompletedTask);
                    next = previous.ContinueWith(_ => DeliverAsync(job, stoppingToken), CancellationToken.None,
                        TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                    _tails[key] = next;
                }
                _ = next.ContinueWith(_ => { lock (_tails) if (_tails.GetValueOrDefault(key) == next) _tails.Remove(key); },
                    CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
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
