using System;

namespace ChatApi;

public enum ConfigurationItemKind
{
    Webhook,
    Channel,
}

public enum ConfigurationAction
{
    Create,
    Update,
    Remove,
    Unchanged,
    /// <summary>The target API cannot hold the item (Reason says why): reported, never applied.</summary>
    Skip,
}

/// <summary>
/// One difference between a configuration document and a tenant (Compare-ChatConfiguration), in the
/// order Import-ChatConfiguration applies them. Flat strings, ready for Format-Table and Export-Csv.
/// </summary>
public sealed class ConfigurationChange
{
    public ConfigurationAction Action { get; set; }
    public ConfigurationItemKind Kind { get; set; }
    public string Name { get; set; }
    /// <summary>The id in the target tenant; null for a create.</summary>
    public string Id { get; set; }
    /// <summary>The fields an update changes, comma-separated (Name, Uri, Version, Webhook, QueueId).</summary>
    public string Fields { get; set; }
    /// <summary>The target's values of those fields (field=value; ...), null for a create.</summary>
    public string Current { get; set; }
    /// <summary>The document's values, null for a removal.</summary>
    public string Desired { get; set; }
    /// <summary>Why an item is skipped.</summary>
    public string Reason { get; set; }
    /// <summary>The webhook's key in the document (webhooks), or the key of the channel's webhook (channels).</summary>
    public string WebhookKey { get; set; }

    public override string ToString() => $"{Action} {Kind} '{Name}'" + (Fields != null ? $" ({Fields})" : "") + (Reason != null ? $": {Reason}" : "");
}

public enum ConfigurationStatus
{
    Done,
    Unchanged,
    Skipped,
    Failed,
    WhatIf,
    /// <summary>Declined at -Confirm.</summary>
    Declined,
}

/// <summary>What Import-ChatConfiguration did with one change.</summary>
public sealed class ConfigurationResult
{
    public ConfigurationStatus Status { get; set; }
    public ConfigurationAction Action { get; set; }
    public ConfigurationItemKind Kind { get; set; }
    public string Name { get; set; }
    public string Id { get; set; }
    public string Fields { get; set; }
    public string Message { get; set; }

    public override string ToString() => $"{Status}: {Action} {Kind} '{Name}'" + (Message != null ? $": {Message}" : "");
}

/// <summary>The last object Import-ChatConfiguration writes.</summary>
public sealed class ConfigurationSummary
{
    public string Source { get; set; }
    public string Target { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Removed { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    public int WhatIf { get; set; }
    public int Declined { get; set; }
    public TimeSpan Duration { get; set; }

    /// <summary>True when nothing was left to do.</summary>
    public bool NothingToDo => Created + Updated + Removed + Failed + WhatIf + Declined == 0;

    public override string ToString() =>
        $"{Source} -> {Target}: {Created} created, {Updated} updated, {Removed} removed, {Unchanged} unchanged, {Skipped} skipped, {Failed} failed" +
        (WhatIf > 0 ? $", {WhatIf} what-if" : "") + (Declined > 0 ? $", {Declined} declined" : "") + $" in {Duration.TotalSeconds:0.0} s";
}
