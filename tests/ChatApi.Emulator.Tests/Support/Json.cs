using System.Text.Json.Nodes;

namespace ChatApi.Emulator.Tests.Support;

public static class Json
{
    public static async Task<JsonObject> ObjectAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>Asserts a problem+json answer with the status and returns its body.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = (JsonObject)JsonNode.Parse(text)!;
        Assert.NotNull(body["message"]);
        Assert.IsType<JsonArray>(body["errors"]);
        return body;
    }

    /// <summary>The fields named in a 400 ConstraintViolationProblem, whose errors are strings "field: rule".</summary>
    public static async Task<List<string>> ViolationFieldsAsync(HttpResponseMessage response)
    {
        var body = await ProblemAsync(response, 400);
        return body["errors"]!.AsArray().Select(e =>
        {
            var text = e!.GetValue<string>();
            Assert.Contains(": ", text);
            return text[..text.IndexOf(": ", StringComparison.Ordinal)];
        }).ToList();
    }

    /// <summary>The event types a receiver got, in order.</summary>
    public static List<string> EventTypes(JsonArray received) =>
        received.Select(r => JsonNode.Parse(r!.Str("body"))!.Str("eventType")).ToList();
}
