namespace ChatApi;

/// <summary>What a configuration item is.</summary>
public enum ConfigurationItemKind
{
    Webhook,
    Channel,
}

/// <summary>What applying a configuration document would do with one item.</summary>
public enum ConfigurationAction
{
    Create,
    Update,
    Remove,
    Unchanged,
    /// <summary>The target API cannot hold the item (Reason says why): reported, never applied.</summary>
    Skip,
}

/// <summary>How one change of Import-ChatConfiguration ended.</summary>
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
