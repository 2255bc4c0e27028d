namespace ChatApi.Engine;

/// <summary>
/// A failed call, with the server's problem text when it sent one. Never carries a token,
/// a secret or an Authorization header.
/// </summary>
public sealed class ChatApiException : Exception
{
    public ChatApiException(ChatErrorKind kind, string message, int statusCode = 0, string method = null, string path = null,
        string serverMessage = null, IReadOnlyList<string> errors = null, string referenceId = null, int attempts = 0, Exception inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
        Method = method;
        Path = path;
        ServerMessage = serverMessage;
        Errors = errors ?? Array.Empty<string>();
        ReferenceId = referenceId;
        Attempts = attempts;
    }

    public ChatErrorKind Kind { get; }
    /// <summary>HTTP status, 0 when no answer came.</summary>
    public int StatusCode { get; }
    public string Method { get; }
    public string Path { get; }
    /// <summary>The problem's message as the server wrote it.</summary>
    public string ServerMessage { get; }
    /// <summary>The problem's errors[] as text (field: message).</summary>
    public IReadOnlyList<string> Errors { get; }
    public string ReferenceId { get; }
    public int Attempts { get; }

    /// <summary>A stable ErrorId for PowerShell error records, e.g. ChatApi.NotFound.</summary>
    public string ErrorId => "ChatApi." + Kind;

    public static ChatApiException InvalidArgument(string parameter, string rule) =>
        new ChatApiException(ChatErrorKind.InvalidArgument, $"Parameter '{parameter}': {rule}");
}
