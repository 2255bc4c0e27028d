namespace ChatApi.Engine.Http;

/// <summary>
/// The media types the client asks for. 8x8's Chat Gateway declares 21 of its 23 success answers
/// <c>application/hal+json</c> only, V2 answers <c>application/json</c>, and both send errors as
/// <c>application/problem+json</c>: a strict server answers 406 to an <c>Accept</c> that leaves out
/// what the operation produces, so every API call admits all three. The bodies are read as JSON alike.
/// </summary>
internal static class MediaTypes
{
    /// <summary>The <c>Accept</c> of every API call and upload.</summary>
    public const string ApiAnswers = "application/hal+json, application/json, application/problem+json";

    /// <summary>The <c>Accept</c> of a download: the content's own type, whatever it is.</summary>
    public const string AnyContent = "*/*";
}
