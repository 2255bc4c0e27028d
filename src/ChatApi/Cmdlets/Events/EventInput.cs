using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using ChatApi.Engine;
using ChatApi.Engine.Signatures;

namespace ChatApi.Cmdlets;

/// <summary>Turns what PowerShell hands the event cmdlets (PSObjects, hashtables, strings) into engine inputs.</summary>
internal static class EventInput
{
    private static readonly Func<object, object> UnwrapValue = PSValues.Unwrap;

    /// <summary>The exact body bytes: a string is taken as UTF-8, a byte[] as is.</summary>
    public static byte[] Body(object body)
    {
        switch (PSValues.Unwrap(body))
        {
            case null: return Array.Empty<byte>();
            case byte[] bytes: return bytes;
            case string text: return Encoding.UTF8.GetBytes(text);
            case object[] items when items.Length > 0 && Array.TrueForAll(items, i => PSValues.Unwrap(i) is byte):
                var copy = new byte[items.Length];
                for (int i = 0; i < items.Length; i++) copy[i] = (byte)PSValues.Unwrap(items[i]);
                return copy;
            default:
                throw new ArgumentException("-Body must be the event body as a string or a byte[].");
        }
    }

    /// <summary>Headers from a hashtable/dictionary, a NameValueCollection, or an object whose properties are the headers (Invoke-RestMethod output).</summary>
    public static WebhookHeaders Headers(object headers)
    {
        var value = PSValues.Unwrap(headers);
        switch (value)
        {
            case null: return WebhookHeaders.Empty;
            case System.Collections.Specialized.NameValueCollection collection: return WebhookHeaders.From(collection);
            case IDictionary dictionary: return WebhookHeaders.From(dictionary, UnwrapValue);
        }
        if (headers is PSObject ps && !(value is string))
        {
            var fromProperties = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var property in ps.Properties)
            {
                if (!(property is PSNoteProperty) && !(property is PSProperty)) continue;
                object v;
                try { v = property.Value; } catch (GetValueException) { continue; }
                if (!fromProperties.ContainsKey(property.Name)) fromProperties[property.Name] = Values(v);
            }
            return WebhookHeaders.From(fromProperties);
        }
        throw new ArgumentException("-Headers must be a hashtable or dictionary of header names and values.");
    }

    private static object Values(object value)
    {
        value = PSValues.Unwrap(value);
        if (value == null || value is string) return value;
        if (value is IEnumerable many)
        {
            var list = new List<string>();
            foreach (var item in many) list.Add(PSValues.Unwrap(item)?.ToString());
            return list.ToArray();
        }
        return value.ToString();
    }

    /// <summary>-Jwk as JSON text (a JWK or a set), a Jwk object (Get-ChatJwk), or several of them.</summary>
    public static SigningKeyProvider OfflineKeys(object jwk)
    {
        var value = PSValues.Unwrap(jwk);
        switch (value)
        {
            case string json: return SigningKeyProvider.FromJwkJson(json);
            case Jwk one: return SigningKeyProvider.FromJwks(new[] { one });
            case IEnumerable many:
                var keys = new List<Jwk>();
                var texts = new StringBuilder();
                foreach (var item in many)
                {
                    var v = PSValues.Unwrap(item);
                    if (v is Jwk k) keys.Add(k);
                    else if (v is string s) texts.Append(s).Append('\n');
                    else throw new FormatException("-Jwk must be JSON text (a JWK or a JWK set) or Jwk objects.");
                }
                if (keys.Count > 0) return SigningKeyProvider.FromJwks(keys);
                return SigningKeyProvider.FromJwkJson(texts.ToString()); // lines of one JSON file (Get-Content without -Raw)
            default:
                throw new FormatException("-Jwk must be JSON text (a JWK or a JWK set) or Jwk objects.");
        }
    }

    public static ErrorRecord BadJwk(Exception e, object jwk) =>
        new ErrorRecord(new ArgumentException("-Jwk is not usable: " + e.Message, e), "ChatApi.InvalidJwk", ErrorCategory.InvalidArgument, null);
}

/// <summary>A number means seconds (-MaxAge 600, -Timeout 30); a TimeSpan or "hh:mm:ss" text is taken as is.</summary>
public sealed class SecondsToTimeSpanAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = PSValues.Unwrap(inputData);
        switch (value)
        {
            case int i: return TimeSpan.FromSeconds(i);
            case long l: return TimeSpan.FromSeconds(l);
            case double d: return TimeSpan.FromSeconds(d);
            case decimal m: return TimeSpan.FromSeconds((double)m);
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds): return TimeSpan.FromSeconds(seconds);
            default: return inputData;
        }
    }
}
