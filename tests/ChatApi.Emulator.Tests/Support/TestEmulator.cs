#nullable enable
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Contract;
using ChatApi.Emulator.Hosting;
using ChatApi.Emulator.Options;
using ChatApi.Emulator.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApi.Emulator.Tests.Support;

/// <summary>
/// An emulator started in-process on 127.0.0.1 port 0, spoken to over real HTTP. Webhook URIs given
/// to it stay on this machine (127.0.0.1:9, where nothing listens, or its own /_receiver/{name}):
/// Dispose fails the test when one does not (<see cref="OffMachineTargets"/>), and when a request or an answer
/// broke 8x8's contract (<see cref="ContractViolations"/>; a test that breaks it on purpose takes what it
/// expects with <see cref="TakeContractViolationsAsync"/>).
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public const string Tenant = "acme";

    /// <summary>
    /// How long a test waits for something that happens in the background (a delivery) or for an answer
    /// before it fails: a deadline, not a bound on speed; a passing wait ends as soon as its condition holds.
    /// </summary>
    public const int WaitDeadlineMs = 30_000;
    public static readonly TimeSpan WaitDeadline = TimeSpan.FromMilliseconds(WaitDeadlineMs);
    private readonly WebApplication _app;

    private TestEmulator(WebApplication app, Uri baseUri, EmulatorOptions options)
    {
        _app = app;
        BaseUri = baseUri;
        Options = options;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = WaitDeadline };
    }

    public Uri BaseUri { get; }
    public EmulatorOptions Options { get; }
    public HttpClient Http { get; }
    public string TenantPath => $"/vcc/us/chat/v2/tenant/{Tenant}";

    /// <summary>
    /// Starts one; the rate limit is off and retries are quick unless <paramref name="configure"/> says otherwise.
    /// <paramref name="extend"/> may add to its pipeline (after the contract check, before the endpoints).
    /// </summary>
    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null, TimeProvider? time = null, Action<WebApplication>? extend = null)
    {
        var options = new EmulatorOptions
        {
            Urls = "http://127.0.0.1:0",
            RateLimit = 0,
            RetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150)],
            // Deliveries go to the emulator's own receiver: on a loaded machine one may take seconds, and
            // a timed-out delivery is retried, which a test counting events would see twice.
            DeliveryTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        var app = EmulatorApp.Create(options, time);
        extend?.Invoke(app);
        var baseUri = await EmulatorApp.StartAsync(app);
        return new TestEmulator(app, baseUri, options);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string key = "demo-key", string secret = "demo-secret", string grant = "client_credentials")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/v2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grant }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));
        return await Http.SendAsync(request);
    }

    public async Task<string> TokenAsync(string key = "demo-key", string secret = "demo-secret")
    {
        using var response = await RequestTokenAsync(key, secret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    /// <summary>Sends with a bearer token (fetched once per emulator unless given) and optional JSON body and headers.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null,
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await DefaultTokenAsync());
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return await Http.SendAsync(request);
    }

    public const string GatewayKey = "demo-gateway-key";
    /// <summary>The version of a Chat Gateway webhook.</summary>
    public const string GatewayVersion = "Chat Gateway v1.0";

    /// <summary>A Chat Gateway call: <c>x-api-key</c> (the demo key unless given; none when empty), optional <c>X-8x8-Tenant</c>, JSON body.</summary>
    public async Task<HttpResponseMessage> GatewayAsync(HttpMethod method, string path, object? body = null, string key = GatewayKey,
        string? tenant = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, "/chat-gateway/v1/" + path.TrimStart('/'));
        if (key.Length > 0) request.Headers.Add("x-api-key", key);
        if (tenant is not null) request.Headers.Add("X-8x8-Tenant", tenant);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);
    public Task<HttpResponseMessage> PostAsync(string path, object body, IDictionary<string, string>? headers = null) => SendAsync(HttpMethod.Post, path, body, headers: headers);
    public Task<HttpResponseMessage> PutAsync(string path, object body, IDictionary<string, string>? headers = null) => SendAsync(HttpMethod.Put, path, body, headers: headers);
    public Task<HttpResponseMessage> DeleteAsync(string path, IDictionary<string, string>? headers = null) => SendAsync(HttpMethod.Delete, path, headers: headers);

    private string? _token;
    private async Task<string> DefaultTokenAsync() => _token ??= await TokenAsync();

    public async Task<JsonObject> CreateWebhookAsync(string name = "hook", string? uri = null, string version = "v2.0")
    {
        using var response = await PostAsync($"{TenantPath}/web-hooks", new { name, uri = uri ?? new Uri(BaseUri, "/_receiver/default").ToString(), version });
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ObjectAsync(response);
    }

    public async Task<JsonObject> CreateChannelAsync(string webHookId, string name = "channel", string queue = "101")
    {
        using var response = await PostAsync($"{TenantPath}/channels", new { name, webHookId, routingOptions = new { type = "queue", id = queue } });
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ObjectAsync(response);
    }

    public async Task<string> CreateConversationAsync(string channelId, object? customer = null, object? history = null)
    {
        using var response = await PostAsync($"{TenantPath}/conversations",
            history is null ? new { channelId, customer = customer ?? new { name = "Jo", email = "jo@example.com" } }
                : new { channelId, customer = customer ?? new { name = "Jo", email = "jo@example.com" }, history });   // 8x8 types history an object: no null
        Assert.Equal(202, (int)response.StatusCode);
        return (await Json.ObjectAsync(response))["conversationId"]!.GetValue<string>();
    }

    public async Task<JsonArray> GetArrayAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (JsonArray)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls until <paramref name="path"/> answers an array with at least <paramref name="count"/> items.</summary>
    public async Task<JsonArray> WaitForArrayAsync(string path, int count, int timeoutMs = WaitDeadlineMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var array = await GetArrayAsync(path);
            if (array.Count >= count || DateTime.UtcNow > deadline) return array;
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Polls a receiver until it got <paramref name="count"/> conversation events, leaving out the
    /// WEB_HOOK_VERIFY each webhook gets when it is created (it may arrive before or after them).
    /// </summary>
    public async Task<JsonArray> WaitForEventsAsync(string receiverPath, int count, int timeoutMs = WaitDeadlineMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var events = new JsonArray((await GetArrayAsync(receiverPath))
                .Where(r => JsonNode.Parse(r!["body"]!.GetValue<string>())!["eventType"]!.GetValue<string>() != "WEB_HOOK_VERIFY")
                .Select(r => r!.DeepClone()).ToArray());
            if (events.Count >= count || DateTime.UtcNow > deadline) return events;
            await Task.Delay(25);
        }
    }

    /// <summary>The breaks of 8x8's contract seen so far, forgotten by the emulator (DELETE /_emulator/contract-violations).</summary>
    public async Task<JsonArray> TakeContractViolationsAsync()
    {
        using var answer = await Http.DeleteAsync("/_emulator/contract-violations");
        answer.EnsureSuccessStatusCode();
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsArray();
    }

    /// <summary>
    /// For a test that sends requests breaking 8x8's contract on purpose: takes what the emulator recorded,
    /// checks that each is a request the emulator refused (no answer of its own broke the contract), and returns the pointers.
    /// </summary>
    public async Task<List<string>> TakeBrokenRequestsAsync()
    {
        var taken = await TakeContractViolationsAsync();
        Assert.All(taken, v => Assert.Equal("request", v!["side"]!.GetValue<string>()));
        return taken.Select(v => v!["pointer"]!.GetValue<string>()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            OffMachineTargets.Check(_app.Services, BaseUri);
            _app.Services.GetRequiredService<ContractViolations>().Check();
        }
        finally
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
