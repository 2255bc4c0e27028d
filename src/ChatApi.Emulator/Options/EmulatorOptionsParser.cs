using System.Globalization;

namespace ChatApi.Emulator.Options;

/// <summary>A command line the emulator cannot run with; the message names the option and the rule.</summary>
public sealed class OptionsException(string message) : Exception(message);

/// <summary>Parses the emulator's command line. Throws <see cref="OptionsException"/> on anything wrong.</summary>
public static class EmulatorOptionsParser
{
    public static string Usage => UsageText + Environment.NewLine + Assumptions.Text;

    private const string UsageText = """
        Usage: ChatApi.Emulator [options]
          --urls URL              where to listen (default http://127.0.0.1:5080; port 0 picks a free one)
          --tenant REGION:TENANT  a tenant and its region (us, eu, ca, ap); repeatable (default us:acme)
          --api-key KEY:SECRET[:SCOPES]
                                  an accepted API key pair; repeatable (default demo-key:demo-secret).
                                  SCOPES is a comma-separated list such as vcc-chat.webhooks.read,vcc-chat.channels.write;
                                  without it the key has every scope; a call outside them answers 403
          --gateway-key KEY[:TENANTS]
                                  an accepted Chat Gateway key (header x-api-key); repeatable (default
                                  demo-gateway-key); TENANTS is a comma-separated list of the --tenant names
                                  it serves (default every tenant; X-8x8-Tenant picks one when it serves several)
          --rate-limit N          requests per second per API key on /vcc calls, 0 = off (default 5)
          --token-lifetime S      seconds a token lives (default 3600)
          --seed-legacy N         V1-era channels, each with its own v1.0 webhook (default 0)
          --seed-uris K           distinct receiver URIs those webhooks share (default max(1, ceil(N/10)))
          --seed-broken N         more V1-era channels whose webhook URI answers 500 (default 0)
          --seed-other-channels N channels of the types the Gateway lists but cannot create (SMS, Facebook, Twitter,
                                  WhatsApp, WebChat in turn) on one Chat Gateway v1.0 webhook (default 0)
          --fail-rate F           fraction 0..1 of API calls that fail: 503 or connection cut (default 0)
          --latency MS            milliseconds added to each API call (default 0)
          --legacy-mode           allow creating v1.0 webhooks
          --idempotency MODE      ignore (default, as 8x8: no operation uses Idempotency-Key) or honour
                                  (POST/PUT/DELETE with the same key by the same API key replay the first answer)
          --etags                 send ETag on webhook and channel answers (8x8 documents none); If-Match
                                  on PUT/DELETE is honoured with or without this
          --participant-list      V2's GET .../participants answers everyone who joined as an array
                                  (8x8's description gives one object: the customer, by default)
          --no-verify-on-create   do not send WEB_HOOK_VERIFY to a webhook when it is created (8x8 does)
          --echo-messages         a message sent through the API reaches its channel's Gateway webhook back as
                                  MESSAGE isEcho: true, with its attachments' pre-signed URLs (8x8 defines
                                  isEcho but not when it is sent)
          --shared-configuration  one tenant configuration seen through both APIs: the V2 and the Gateway paths list,
                                  read and delete every webhook of the tenant (each still creates and changes only
                                  its own versions). Without it each lists only the versions its contract defines
                                  (V2: v1.0, v2.0; the Gateway: Chat Gateway v1.0); 8x8 documents neither
          --seed N                random seed for fault injection
          --ready-file PATH       once listening, write {"baseUri": ..., "pid": ...} to PATH, whole (written
                                  beside it and renamed into place): how scripts learn the port of --urls :0
          --exit-with PID         stop when the process PID ends (a test run, demo or benchmark that owns the
                                  emulator), so it never outlives its owner
          --help                  this text

        The Chat API V2 is served under /oauth/v2/token and /vcc/{region}/chat/v2/..., the Chat Gateway under
        /chat-gateway/v1/webhooks, /channels, /conversations (with interactions, participants, messages, attachments, typing,
        thinking, read-receipt, post-agent-assignment) and /jwk/{kid}/public (header x-api-key, optional X-8x8-Tenant).
        Gateway attachments (upload, list, one, content) are kept in memory, at most 100 MB each.
        Cards of a message: GET /chat-gateway/v1/conversations/{id}/messages/{messageId}/cards; card actions:
        PUT /api/v1/tenant/{tenantId}/conversations/{id}/cards/{cardId}/action-submit|action-execute (same key).

        Test-only endpoints (no authentication; not part of 8x8's API):
          GET  /_emulator/deliveries?webhookId=&eventType=&conversationId=   every delivery attempt (headers, body, status)
          POST /_emulator/rotate-key                 new signing key; answers {kid}; old keys stay served
          GET  /_emulator/keys                       {current, kids}
          GET  /_emulator/requests?after=N           the API calls ended after N ({last, requests: [{seq, method, path,
                                                     status, aborted}]}; aborted: the client went away first) and
                                                     the ones still in flight (inFlight: [{method, path}])
          POST /_emulator/faults?paused=true|false   pause or resume --fail-rate (a test's setup and read-back meet no faults)
          GET  /_emulator/off-machine                the webhook URIs held or delivered to whose host is not
                                                     this machine (the test suites expect none)
          GET  /_emulator/contract-violations        the requests and answers that broke 8x8's contract
                                                     (operation, request|answer, JSON pointer, rule; the
                                                     test suites expect none); DELETE lists and forgets them
          POST /_emulator/conversations/{id}/agent-joined|text|agent-left|transfer|typing
                                                     play the agent; optional JSON {agentId, agentName, message,
                                                     nextAgentId, nextAgentName, stopped: "true"}; answers 202 {eventType, eventId};
                                                     typing reaches Gateway webhooks only (ACTIVITY typing)
          POST /_emulator/conversations/{id}/attachment?fileName=&text=&agentId=&agentName=
                                                     the agent sends the body as a file, with an optional text (TEXT for
                                                     V2 webhooks, MESSAGE with a pre-signed URL for Gateway ones); answers
                                                     {eventType, eventId, attachmentId}
          POST /_emulator/conversations/{id}/card    the agent sends cards: JSON {agentId, agentName, message, cards:
                                                     [{contentType, content}]} (MESSAGE data.cards for Gateway webhooks)
          POST /_emulator/conversations/{id}/read-receipt
                                                     the agent read the chat: optional JSON {agentId, readAt: "<epoch ms>"};
                                                     ACTIVITY read-receipts for Gateway webhooks
          POST /_emulator/conversations/{id}/attachments/{attachmentId}/listed-size?size=N
                                                     the attachment's listing shows N bytes; its content keeps its own
          GET  /_files/{token}                       the pre-signed URL of an attachment (its bytes)
          POST /_receiver/{name}                     a receiver that answers 200 and records the request
          GET  /_receiver/{name}                     what it recorded: [{body, headers, time}], oldest first
          POST /_broken/{name}                       a receiver that always answers 500

        Where 8x8's documents are silent, the emulator assumes:
        """;

    /// <summary>Returns null when the command line asks for help.</summary>
    public static EmulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        List<TenantOption>? tenants = null;
        List<ApiKeyOption>? keys = null;
        List<GatewayKeyOption>? gatewayKeys = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Count) throw new OptionsException($"{name} needs a value.");
                return args[++i];
            }
            switch (name)
            {
                case "--help" or "-h" or "-?": return null;
                case "--urls": options.Urls = ParseUrls(Value()); break;
                case "--tenant": (tenants ??= []).Add(ParseTenant(Value())); break;
                case "--api-key": (keys ??= []).Add(ParseKey(Value())); break;
                case "--gateway-key": (gatewayKeys ??= []).Add(ParseGatewayKey(Value())); break;
                case "--rate-limit": options.RateLimit = ParseDouble(name, Value(), 0, 100000, "a number of requests per second, 0 or more"); break;
                case "--token-lifetime": options.TokenLifetimeSeconds = ParseInt(name, Value(), 1, int.MaxValue, "a whole number of seconds, at least 1"); break;
                case "--seed-legacy": options.SeedLegacy = ParseInt(name, Value(), 0, 100000, "a whole number from 0 to 100000"); break;
                case "--seed-uris": options.SeedUris = ParseInt(name, Value(), 1, 100000, "a whole number from 1 to 100000"); break;
                case "--seed-broken": options.SeedBroken = ParseInt(name, Value(), 0, 100000, "a whole number from 0 to 100000"); break;
                case "--seed-other-channels": options.SeedOtherChannels = ParseInt(name, Value(), 0, 100000, "a whole number from 0 to 100000"); break;
                case "--fail-rate": options.FailRate = ParseDouble(name, Value(), 0, 1, "a fraction from 0 to 1"); break;
                case "--latency": options.LatencyMs = ParseInt(name, Value(), 0, 60000, "whole milliseconds from 0 to 60000"); break;
                case "--legacy-mode":
                    if (inline is not null) throw new OptionsException("--legacy-mode is a flag and takes no value.");
                    options.LegacyMode = true; break;
                case "--idempotency": options.Idempotency = ParseIdempotency(Value()); break;
                case "--no-verify-on-create":
                    if (inline is not null) throw new OptionsException("--no-verify-on-create is a flag and takes no value.");
                    options.VerifyOnCreate = false; break;
                case "--echo-messages":
                    if (inline is not null) throw new OptionsException("--echo-messages is a flag and takes no value.");
                    options.EchoMessages = true; break;
                case "--shared-configuration":
                    if (inline is not null) throw new OptionsException("--shared-configuration is a flag and takes no value.");
                    options.SharedConfiguration = true; break;
                case "--participant-list":
                    if (inline is not null) throw new OptionsException("--participant-list is a flag and takes no value.");
                    options.ParticipantList = true; break;
                case "--etags":
                    if (inline is not null) throw new OptionsException("--etags is a flag and takes no value.");
                    options.ETags = true; break;
                case "--ready-file":
                    options.ReadyFile = Value();
                    if (options.ReadyFile.Length == 0) throw new OptionsException("--ready-file needs a file path.");
                    break;
                case "--exit-with": options.ExitWithPid = ParseInt(name, Value(), 1, int.MaxValue, "a process id, a whole number from 1"); break;
                case "--seed": options.RandomSeed = ParseInt(name, Value(), int.MinValue, int.MaxValue, "a whole number"); break;
                default: throw new OptionsException($"Unknown option '{args[i]}'. Run with --help for the list.");
            }
        }
        if (tenants is not null)
        {
            var duplicate = tenants.GroupBy(t => t.Tenant).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new OptionsException($"--tenant '{duplicate.Key}' is given more than once; a tenant lives in one region.");
            options.Tenants = tenants;
        }
        if (keys is not null) options.ApiKeys = keys;
        if (gatewayKeys is not null) options.GatewayKeys = gatewayKeys;
        foreach (var unknown in options.GatewayKeys.SelectMany(k => k.Tenants ?? []).Where(t => options.Tenants.All(o => o.Tenant != t)))
            throw new OptionsException($"--gateway-key names the tenant '{unknown}', which no --tenant gives.");
        if (options.SeedUris is not null && options.SeedLegacy == 0)
            throw new OptionsException("--seed-uris needs --seed-legacy greater than 0.");
        return options;
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static string ParseUrls(string value)
    {
        foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new OptionsException($"--urls '{url}' must be an absolute http or https URL such as http://127.0.0.1:5080.");
        }
        if (string.IsNullOrWhiteSpace(value)) throw new OptionsException("--urls must not be empty.");
        return value;
    }

    private static TenantOption ParseTenant(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 2 || parts[1].Length == 0)
            throw new OptionsException($"--tenant '{value}' must be REGION:TENANT, for example us:acme.");
        var region = parts[0].ToLowerInvariant();
        if (!EmulatorOptions.Regions.Contains(region))
            throw new OptionsException($"--tenant '{value}': the region must be one of {string.Join(", ", EmulatorOptions.Regions)}.");
        if (!parts[1].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new OptionsException($"--tenant '{value}': the tenant may hold only letters, digits, '-', '_' and '.'.");
        return new(region, parts[1]);
    }

    private static GatewayKeyOption ParseGatewayKey(string value)
    {
        var colon = value.IndexOf(':');
        var key = colon < 0 ? value : value[..colon];
        if (key.Length == 0) throw new OptionsException("--gateway-key needs a key: KEY or KEY:TENANT,TENANT.");
        if (colon < 0) return new(key);
        var tenants = value[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tenants.Length == 0) throw new OptionsException($"--gateway-key '{key}:' needs tenant names after the colon.");
        return new(key, tenants.Distinct().ToList());
    }

    private static IdempotencyMode ParseIdempotency(string value) => value.ToLowerInvariant() switch
    {
        "ignore" => IdempotencyMode.Ignore,
        "honour" or "honor" => IdempotencyMode.Honour,
        _ => throw new OptionsException($"--idempotency '{value}' must be ignore or honour."),
    };

    /// <summary>
    /// KEY:SECRET or KEY:SECRET:SCOPES. The part after the last colon is a scope list when every item
    /// starts with <c>vcc-chat.</c>; otherwise it belongs to the secret (secrets may hold colons).
    /// </summary>
    private static ApiKeyOption ParseKey(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
            throw new OptionsException($"--api-key '{Shown(value)}' must be KEY:SECRET or KEY:SECRET:SCOPES with key and secret non-empty.");
        var key = value[..colon];
        var secret = value[(colon + 1)..];
        IReadOnlyList<string>? scopes = null;
        var last = secret.LastIndexOf(':');
        if (last > 0)
        {
            var items = secret[(last + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (items.All(i => i.StartsWith(Auth.Scopes.Prefix, StringComparison.Ordinal)))
            {
                var unknown = items.FirstOrDefault(i => !Auth.Scopes.All.Contains(i));
                if (unknown is not null)
                    throw new OptionsException($"--api-key for '{key}': unknown scope '{unknown}'; the scopes are {string.Join(", ", Auth.Scopes.All)}.");
                scopes = items.Distinct().ToList();
                secret = secret[..last];
            }
        }
        return new(key, secret, scopes);
    }

    /// <summary>An --api-key value with its secret hidden, for error messages.</summary>
    private static string Shown(string value) => value.IndexOf(':') is var c and > 0 ? value[..c] + ":***" : "***";

    private static int ParseInt(string name, string value, int min, int max, string rule)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new OptionsException($"{name} '{value}' must be {rule}.");
        return n;
    }

    private static double ParseDouble(string name, string value, double min, double max, string rule)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || double.IsNaN(n) || n < min || n > max)
            throw new OptionsException($"{name} '{value}' must be {rule}.");
        return n;
    }
}
