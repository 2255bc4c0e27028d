using System.Collections;
using System.Collections.Specialized;

namespace ChatApi.Engine.Signatures;

/// <summary>
/// The headers of one webhook request, names compared case-insensitively. Built from any
/// IDictionary (Hashtable, Dictionary&lt;string,string&gt;, Dictionary&lt;string,string[]&gt;, ...) or a
/// NameValueCollection; a value may be a string or a list of strings.
/// </summary>
public sealed class WebhookHeaders
{
    public const string TenantId = "x-8x8-tenant-id";
    public const string CustomerId = "x-8x8-customer-id";
    public const string EventId = "x-8x8-event-id";
    public const string Retry = "x-8x8-retry";
    public const string TransmissionTime = "x-8x8-transmission-time";
    public const string Signature = "x-8x8-signature";

    private readonly Dictionary<string, List<string>> values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

    public static readonly WebhookHeaders Empty = new WebhookHeaders();

    public WebhookHeaders() { }

    /// <summary>Reads headers from a dictionary; null gives no headers. Values: string, byte-free lists of strings, or anything with a ToString.</summary>
    public static WebhookHeaders From(IDictionary headers) => From(headers, null);

    /// <summary>As <see cref="From(IDictionary)"/>; <paramref name="unwrap"/> first turns each key, value and list item into a plain object (the cmdlets unwrap PSObjects with it).</summary>
    public static WebhookHeaders From(IDictionary headers, Func<object, object> unwrap)
    {
        var result = new WebhookHeaders();
        if (headers == null) return result;
        result.unwrap = unwrap;
        foreach (DictionaryEntry entry in headers)
        {
            var key = unwrap == null ? entry.Key : unwrap(entry.Key);
            var name = key?.ToString();
            if (string.IsNullOrEmpty(name)) continue;
            result.AddValue(name, unwrap == null ? entry.Value : unwrap(entry.Value));
        }
        result.unwrap = null;
        return result;
    }

    private Func<object, object> unwrap;

    public static WebhookHeaders From(NameValueCollection headers)
    {
        var result = new WebhookHeaders();
        if (headers == null) return result;
        foreach (string name in headers.AllKeys)
        {
            if (string.IsNullOrEmpty(name)) continue;
            var list = headers.GetValues(name);
            if (list == null) continue;
            foreach (var v in list) result.Add(name, v);
        }
        return result;
    }

    public static WebhookHeaders FromPairs(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var result = new WebhookHeaders();
        if (headers == null) return result;
        foreach (var pair in headers) if (!string.IsNullOrEmpty(pair.Key)) result.Add(pair.Key, pair.Value);
        return result;
    }

    /// <summary>Adds one value under a name (a second value for the same name makes that header ambiguous).</summary>
    public void Add(string name, string value)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        if (!values.TryGetValue(name, out var list)) values[name] = list = new List<string>(1);
        if (value != null) list.Add(value);
    }

    private void AddValue(string name, object value)
    {
        switch (value)
        {
            case null: Add(name, null); break;
            case string s: Add(name, s); break;
            case IEnumerable many:
                bool any = false;
                foreach (var item in many) { any = true; Add(name, (unwrap == null ? item : unwrap(item))?.ToString()); }
                if (!any) Add(name, null);
                break;
            default: Add(name, value.ToString()); break;
        }
    }

    public bool Contains(string name) => values.ContainsKey(name);

    public IEnumerable<string> Names => values.Keys;

    /// <summary>The single non-empty value of a header; false when it is absent, empty or appears more than once.</summary>
    public HeaderLookup TryGet(string name, out string value)
    {
        value = null;
        if (!values.TryGetValue(name, out var list)) return HeaderLookup.Missing;
        string found = null;
        int count = 0;
        foreach (var v in list)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            count++;
            found = v.Trim();
        }
        if (count == 0) return HeaderLookup.Missing;
        if (count > 1)
        {
            // The same value twice (a list with duplicates) is still unambiguous.
            foreach (var v in list) if (!string.IsNullOrWhiteSpace(v) && v.Trim() != found) return HeaderLookup.Ambiguous;
        }
        value = found;
        return HeaderLookup.Found;
    }

    /// <summary>The value of a header, or null when absent or ambiguous.</summary>
    public string Get(string name) => TryGet(name, out var v) == HeaderLookup.Found ? v : null;

    /// <summary>True when any of the v2.0 signature headers is present.</summary>
    public bool HasSignatureHeaders =>
        Contains(Signature) || Contains(EventId) || Contains(TransmissionTime);

    /// <summary>A case-insensitive copy with one value per name (several values joined with ", ").</summary>
    public Dictionary<string, string> ToDictionary()
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values) copy[pair.Key] = string.Join(", ", pair.Value);
        return copy;
    }
}

public enum HeaderLookup { Found, Missing, Ambiguous }
