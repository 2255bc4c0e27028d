using System.Runtime.CompilerServices;

namespace ChatApi.Cmdlets
{
    /// <summary>
    /// The sessions of this PowerShell process: each ChatSession object maps to its engine client, and
    /// the last one connected is the default for cmdlets run without -Session.
    /// </summary>
    internal static class SessionRegistry
    {
        private static readonly ConditionalWeakTable<ChatSession, ChatApiClient> Clients = new ConditionalWeakTable<ChatSession, ChatApiClient>();
        private static readonly object Gate = new object();
        private static ChatSession current;

        public static ChatSession Current
        {
            get { lock (Gate) return current; }
        }

        public static void Add(ChatApiClient client)
        {
            lock (Gate)
            {
                Clients.Add(client.Session, client);
                current = client.Session;
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
                if (ReferenceEquals(current, session)) current = null;
            }
        }
    }
}
