namespace ChatApi.Engine;

/// <summary>What kind of failure a call ended in; the cmdlets map it to an ErrorCategory and an ErrorId.</summary>
public enum ChatErrorKind
{
    Unknown,
    InvalidArgument,
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    RateLimited,
    ServerError,
    Network,
    Timeout,
    Cancelled,
    InvalidResponse,
    /// <summary>A create whose answer was lost, and the server cannot show whether it happened.</summary>
    OutcomeUnknown,
    /// <summary>The proxy asked for credentials (407) or refused the ones given.</summary>
    ProxyAuthentication,
}
