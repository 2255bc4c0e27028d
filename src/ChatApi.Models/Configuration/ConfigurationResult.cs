using System;

namespace ChatApi;

/// <summary>What Import-ChatConfiguration did with one change.</summary>
public sealed class ConfigurationResult
{
    public ConfigurationResult()
    {
    }

    /// <summary>The result of <paramref name="change"/> before it is done: its action, kind, name, id and fields.</summary>
    public ConfigurationResult(ConfigurationChange change)
    {
        (Action, Kind, Name, Id, Fields) = (change.Action, change.Kind, change.Name, change.Id, change.Fields);
    }

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
