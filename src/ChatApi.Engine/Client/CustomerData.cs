using System.Collections;

namespace ChatApi.Engine;

/// <summary>
/// The customer's data of a conversation: 8x8's standard keys and custom ones, at most
/// <see cref="ChatValues.MaxCustomerProperties"/> in all. The key names and the limit live here only.
/// </summary>
public sealed class CustomerData : IEnumerable<KeyValuePair<string, string>>
{
    public const string Name = "name";
    public const string CustomerId = "customerId";
    public const string Email = "email";
    public const string Company = "company";
    public const string CaseId = "caseId";
    public const string Language = "language";
    public const string UserId = "userId";
    public const string Phone = "phone";
    public const string IpAddress = "ipaddress";
    public const string TimezoneOffset = "timezoneOffset";

    /// <summary>
    /// The Chat Gateway's predefined user fields; any other key is a free property, sent there as
    /// <c>additionalProperties: [{key, value}]</c> (at most <see cref="ChatValues.MaxCustomerProperties"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> UserFields = new[] { Name, UserId, CustomerId, Email, Phone, Company, CaseId, Language, IpAddress, TimezoneOffset };

    public static bool IsUserField(string key) => UserFields.Contains(key);

    private readonly Dictionary<string, string> values = new Dictionary<string, string>();

    public int Count => values.Count;

    /// <summary>The value of a key, or null.</summary>
    public string this[string key]
    {
        get => values.TryGetValue(key, out var v) ? v : null;
        set => Set(key, value);
    }

    /// <summary>Sets a key; an empty or null value is left out.</summary>
    public CustomerData Set(string key, string value)
    {
        if (!string.IsNullOrEmpty(value)) values[key] = value;
        return this;
    }

    /// <summary>Null when within 8x8's limit, else the rule it breaks (for the parameter Property).</summary>
    public string Check() => CheckCount(Count);

    public static string CheckCount(int count) =>
        count <= ChatValues.MaxCustomerProperties ? null : $"a conversation carries at most {ChatValues.MaxCustomerProperties} customer properties (got {count})";

    /// <summary>The Chat Gateway's rule: at most 30 free properties besides its predefined user fields.</summary>
    public string CheckFree()
    {
        int free = values.Keys.Count(k => !IsUserField(k));
        return free <= ChatValues.MaxCustomerProperties ? null
            : $"a Chat Gateway conversation carries at most {ChatValues.MaxCustomerProperties} free properties besides its user fields (got {free})";
    }

    internal Dictionary<string, string> ToDictionary() => new Dictionary<string, string>(values);

    /// <summary>Fills a conversation's standard customer fields from its Customer dictionary.</summary>
    internal static void Stamp(Conversation c)
    {
        string Get(string key) => c.Customer.TryGetValue(key, out var v) ? v : null;
        c.CustomerName = Get(Name);
        c.Email = Get(Email);
        c.CustomerId = Get(CustomerId);
        c.Company = Get(Company);
        c.CaseId = Get(CaseId);
        c.Language = Get(Language);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
