using System.Threading;
using ChatApi.Events;

namespace ChatApi.Engine.Events;

/// <summary>The count of one run: a slot is taken before a valid event is answered 200, so no event is answered and then dropped.</summary>
internal sealed class ReceiverRun
{
    private readonly object gate = new object();
    private readonly int limit;
    private readonly Action<ReceivedWebhookEvent> onEvent;
    private readonly CancellationTokenSource full = new CancellationTokenSource();
    private int accepted;
    private int handed;
    private long nextTicket;
    private long nextToHand;
    private readonly Dictionary<long, (ReceivedWebhookEvent Item, bool Counted)> waiting = new Dictionary<long, (ReceivedWebhookEvent, bool)>();

    public ReceiverRun(int limit, Action<ReceivedWebhookEvent> onEvent)
    {
        this.limit = limit;
        this.onEvent = onEvent;
    }

    public CancellationToken Full => full.Token;
    public int Accepted { get { lock (gate) return accepted; } }

    public bool TryTakeSlot()
    {
        lock (gate)
        {
            if (limit > 0 && accepted >= limit) return false;
            accepted++;
            return true;
        }
    }

    /// <summary>A place in the order requests are answered in; taken just before answering.</summary>
    public long TakeTicket()
    {
        lock (gate) return nextTicket++;
    }

    /// <summary>Hands on in ticket order (null: nothing to hand on for this ticket).</summary>
    public void HandOn(long ticket, ReceivedWebhookEvent received, bool counted)
    {
        lock (gate)
        {
            waiting[ticket] = (received, counted);
            while (waiting.TryGetValue(nextToHand, out var next))
            {
                waiting.Remove(nextToHand++);
                if (next.Item == null) continue;
                onEvent(next.Item);
                if (next.Counted && limit > 0 && ++handed >= limit) full.Cancel();
            }
        }
    }
}
