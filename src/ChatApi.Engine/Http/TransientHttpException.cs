namespace ChatApi.Engine.Http;

/// <summary>An attempt that got no HTTP answer (refused, reset, cut off); worth retrying.</summary>
internal sealed class TransientHttpException : Exception
{
    public TransientHttpException(string message, Exception inner) : base(message, inner) { }
}
