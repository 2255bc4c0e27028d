using System.Text.RegularExpressions;

namespace ChatApi.Engine.Http
{
    /// <summary>Blanks secrets in text that may be logged (-Debug bodies): tokens, secrets and the Gateway's API key.</summary>
    internal static class Redactor
    {
        private static readonly Regex SecretFields = new Regex(
            "(\"(?:access_token|refresh_token|client_secret|secret|password|apiSecret|token|apiKey|api_key|x-api-key)\"\\s*:\\s*\")[^\"]*(\")",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public static string Redact(string text) => text == null ? null : SecretFields.Replace(text, "$1***$2");
    }
}
