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
    /// <summary>
    /// The target will not create the item as the document has it (a v1.0 webhook: 8x8 creates no new ones;
    /// Reason names the rule): applying refuses the whole document before its first write.
    /// </summary>
    Refuse,
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
    /// <summary>The item cannot be created as the document has it, so nothing of the document was applied.</summary>
    Refused,
}
