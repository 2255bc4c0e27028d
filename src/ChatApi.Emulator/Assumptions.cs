namespace ChatApi.Emulator;

/// <summary>
/// Every place where 8x8's documents are silent and the emulator had to choose, in one list; <c>--help</c>
/// prints it. Kinder behaviour that goes beyond 8x8 sits behind options and is not listed here.
/// </summary>
public static class Assumptions
{
    public static readonly IReadOnlyList<string> All =
    [
        "FIQL filter values compare ignoring case; '*' matches any run of characters; only == and != are supported.",
        "sort takes field, field,asc|desc or field:asc|desc; whole numbers sort as numbers, other values ignoring case.",
        "The channel filter accepts routingOptions.id and routingOption.id (the description's example spells it so).",
        "A key without a scope gets 403 {message, errors[]} naming the scope; 8x8 documents the 403, not its text.",
        "Participants carry 'removed' (the Gateway's field; V2's description has none) so who left is visible.",
        "The customer leaving sends AGENT_LEFT only when an agent had the conversation.",
        "Deliveries are retried 3 times (0.5, 1, 2 s) with a 5 s timeout; 8x8 documents neither count nor schedule.",
        "Webhook and channel ids are numbers shared by every tenant; a deleted channel's conversations stay readable with status deleted.",
        "Deleting a webhook that channels use answers 409; 8x8 does not document that case.",
    ];

    public static string Text => string.Join(Environment.NewLine, All.Select(a => "  - " + a));
}
