using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace ChatApi.Cmdlets;

/// <summary>
/// The sessions of this PowerShell process: each ChatSession object maps to its engine client.
/// The current session (the default for cmdlets run without -Session) is the last one connected,
/// or the one Set-ChatSession chose; when it is disconnected, the most recently connected other
/// session that is still connected becomes current.
/// </summary>
internal static class SessionRegistry
{
    private static readonly ConditionalWeakTable<ChatSession, ChatApiClient> Clients = new ConditionalWeakTable<ChatSession, ChatApiClient>();
    private static readonly List<ChatSession> Connected = new List<ChatSession>();
    private static readonly object Gate = new object();
    private static ChatSession current;

    public static ChatSession Current
    {
        get { lock (Gate) return current; }
    }

    /// <summary>The connected sessions of this process, in the order they were connected.</summary>
    public static IReadOnlyList<ChatSession> All
    {
        get { lock (Gate) return Connected.ToList(); }
    }

    public static void Add(ChatApiClient client)
    {
        lock (Gate)
        {
            Clients.Add(client.Session, client);
            Connected.Add(client.Session);
            current = client.Session;
        }
    }

    /// <summary>Makes a connected session current; false when it is not connected in this process.</summary>
    public static bool MakeCurrent(ChatSession session)
    {
        lock (Gate)
        {
            if (session == null || !Connected.Contains(session)) return false;
            current = session;
            return true;
        }
    }

    public static ChatApiClient ClientOf(ChatSession session)
    {
        lock (Gate) return session != null && Clients.TryGetValue(session, out var client) ? client : null;
    }

    public static void Remove(ChatSession session)
    {
        lock (Gate)
        {
            if (session != null && Clients.TryGetValue(session, out var client))
            {
                client.Dispose();
                Clients.Remove(session);
            }
            Connected.Remove(session);
            if (ReferenceEquals(current, session)) current = Connected.LastOrDefault();
        }
    }
}
