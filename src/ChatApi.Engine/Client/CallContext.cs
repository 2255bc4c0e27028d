using System.Threading;

namespace ChatApi.Engine;

/// <summary>Where the engine reports what it does (the cmdlet layer turns these into Verbose/Debug/Warning).</summary>
public interface IChatLog
{
    void Verbose(string message);
    void Debug(string message);
    void Warning(string message);
}

/// <summary>A log that drops everything.</summary>
public sealed class NullChatLog : IChatLog
{
    public static readonly NullChatLog Instance = new NullChatLog();
    public void Verbose(string message) { }
    public void Debug(string message) { }
    public void Warning(string message) { }
}

/// <summary>One caller's cancellation and log, passed to every client call.</summary>
public sealed class CallContext
{
    public CallContext(CancellationToken cancellation, IChatLog log = null)
    {
        Cancellation = cancellation;
        Log = log ?? NullChatLog.Instance;
    }

    public static CallContext None => new CallContext(CancellationToken.None);

    public CancellationToken Cancellation { get; }
    public IChatLog Log { get; }

    /// <summary>
    /// Told the total number of items of a list, as the server's page block gives it, once per
    /// list call (PowerShell's -IncludeTotalCount). Not called when the list filters on this side.
    /// </summary>
    public System.Action<long> TotalCount { get; set; }
}
