using System.Net.Sockets;
using System.Security.Authentication;

namespace ChatApi.Engine.Http;

/// <summary>Why an attempt got no answer, in words, and whether trying again can help.</summary>
internal static class Unreachable
{
    /// <summary>
    /// The messages of the exception and its inner ones, each once ("The SSL connection could not be
    /// established, see inner exception." alone hides the reason).
    /// </summary>
    public static string Describe(Exception e)
    {
        if (e == null) return null;
        var parts = new List<string>();
        for (var x = e; x != null; x = x.InnerException)
        {
            var text = x.Message?.Trim().TrimEnd('.');
            if (!string.IsNullOrEmpty(text) && !parts.Contains(text)) parts.Add(text);
        }
        return string.Join(": ", parts);
    }

    /// <summary>Scheme, host and port of a base URI: never its user info, path or query.</summary>
    public static string HostOf(Uri uri) => uri == null ? "?" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";

    /// <summary>An unknown host, a refused connection or a failed TLS handshake: the same on every attempt.</summary>
    public static bool IsPermanent(Exception e)
    {
        for (var x = e; x != null; x = x.InnerException)
        {
            if (x is AuthenticationException) return true;
            if (x is SocketException socket)
            {
                switch (socket.SocketErrorCode)
                {
                    case SocketError.HostNotFound:
                    case SocketError.NoData:
                    case SocketError.ConnectionRefused:
                    case SocketError.AddressNotAvailable:
                        return true;
                }
            }
        }
        return false;
    }
}
