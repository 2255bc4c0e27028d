namespace ChatApi.Cmdlets;

/// <summary>Turns engine failures into error records: a fixed ErrorId per kind, a category, the server's problem text.</summary>
internal static class ErrorRecords
{
    /// <summary>The record for <paramref name="e"/>; the target and the shown message never carry a secret (URI user info, ?token=, ...).</summary>
    public static ErrorRecord From(Exception e, object target)
    {
        var record = Build(e, Redactor.RedactTarget(target));
        var shown = record.ErrorDetails?.Message ?? e.Message;
        var safe = Redactor.Redact(shown);
        if (!string.Equals(safe, shown, StringComparison.Ordinal))
            record.ErrorDetails = new ErrorDetails(safe) { RecommendedAction = record.ErrorDetails?.RecommendedAction };
        return record;
    }

    private static ErrorRecord Build(Exception e, object target)
    {
        if (e is ChatApiException chat)
        {
            var record = new ErrorRecord(chat, chat.ErrorId, CategoryOf(chat.Kind), target);
            if (chat.Kind == ChatErrorKind.PreconditionFailed) record.ErrorDetails = new ErrorDetails(chat.Message) { RecommendedAction = "Read the resource again (Get-Chat*) and repeat the change." };
            else if (chat.Errors.Count > 0) record.ErrorDetails = new ErrorDetails(chat.Message + Environment.NewLine + string.Join(Environment.NewLine, chat.Errors));
            return record;
        }
        if (e is ArgumentException arg)
            return new ErrorRecord(arg, "ChatApi.InvalidArgument", ErrorCategory.InvalidArgument, target);
        return new ErrorRecord(e, "ChatApi." + e.GetType().Name, ErrorCategory.NotSpecified, target);
    }

    public static ErrorCategory CategoryOf(ChatErrorKind kind)
    {
        switch (kind)
        {
            case ChatErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
            case ChatErrorKind.Validation: return ErrorCategory.InvalidData;
            case ChatErrorKind.Unauthorized:
            case ChatErrorKind.ProxyAuthentication: return ErrorCategory.AuthenticationError;
            case ChatErrorKind.Forbidden: return ErrorCategory.PermissionDenied;
            case ChatErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
            case ChatErrorKind.Conflict: return ErrorCategory.ResourceExists;
            case ChatErrorKind.PreconditionFailed: return ErrorCategory.WriteError;
            case ChatErrorKind.RateLimited: return ErrorCategory.LimitsExceeded;
            case ChatErrorKind.ServerError: return ErrorCategory.ResourceUnavailable;
            case ChatErrorKind.Network: return ErrorCategory.ConnectionError;
            case ChatErrorKind.Timeout: return ErrorCategory.OperationTimeout;
            case ChatErrorKind.Cancelled: return ErrorCategory.OperationStopped;
            case ChatErrorKind.InvalidResponse: return ErrorCategory.InvalidResult;
            case ChatErrorKind.OutcomeUnknown: return ErrorCategory.InvalidResult;
            default: return ErrorCategory.NotSpecified;
        }
    }
}
