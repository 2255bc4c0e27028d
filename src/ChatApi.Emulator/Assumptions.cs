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
        // How the Chat API V2 and the Chat Gateway share one tenant (GATEWAY-NOTES.md: 8x8 publishes no guide for this).
        "One tenant, two views of its webhooks (8x8 does not say which holds): by default each API lists, reads, changes and deletes the webhooks of the versions its contract defines (V2: v1.0 and v2.0; the Gateway: Chat Gateway v1.0); with --shared-configuration both list every webhook (the same webhooks and channels through both), and either may delete any.",
        "A webhook's version is v1.0, v2.0 or Chat Gateway v1.0; the V2 paths create and change only v1.0/v2.0 webhooks, the Gateway paths only Chat Gateway v1.0 ones; none goes back to an older version.",
        "Channels are one list in both views: a channel may point at a webhook its API does not list (a Gateway channel still on its v2.0 webhook) and keep it when changed; a channel write may point it only at a webhook its API lists.",
        "The V2 paths see ChatAPI channels only; the Gateway paths see every type and create or change ChatAPI ones only.",
        "A channel's events follow its webhook's version: V2 bodies for v1.0/v2.0 (signed for v2.0), Gateway bodies (signed) for Chat Gateway v1.0.",
        "Gateway events for what V2 calls AGENT_JOINED/AGENT_LEFT are MEMBERS_CHANGED, for TEXT a MESSAGE; timestamps are epoch milliseconds.",
        "Gateway webhooks also hear CONVERSATION_UPDATE when the conversation is created and whenever its state changes (created, active, idle), and MEMBERS_CHANGED (user, left) when the user leaves; the agent shows as assignment {type: agent, id, resourceId: queue}.",
        "A Gateway key serves the tenants --gateway-key binds it to; X-8x8-Tenant may be left out when it serves one; a tenant it does not serve is 403.",
        "Gateway requests are checked strictly: a field the description does not define is a 400; the webhook version is required (as version or notificationVersion, the description requires the one and defines the other).",
        "Gateway query parameters other than page, size, sort and filter are a 400 (a misspelt one would otherwise be ignored).",
        "Gateway verify takes any of the three versions and sends WEB_HOOK_VERIFY in that version's format.",
        "A conversation's Gateway state is created while queued, active with an agent, idle once ended (8x8 does not map V2's status).",
        "Gateway user fields beyond the ten predefined ones go in additionalProperties; V2 sees them all as customer keys.",
        "Moving a conversation to another queue or script (PUT/PATCH assignment) ends the agent's part and queues it again (QUEUED).",
        "The typing, thinking and read-receipt indicators are checked and answered 204; no agent is played who would see them.",
        "A card action sets the card's flag and sends a Gateway webhook ACTIVITY {name: adaptiveCard/action, value: {cardId, action, name}}; its body may hold only name, as the description defines.",
        "Cards sent without an id get one (card-CONVERSATION-MESSAGE-N); history messages keep their text only.",
        "CONVERSATION_UPDATE carries data.msisdn as the user's phone when one was given, and leaves it out otherwise.",
        "A card action on a card of quick replies (application/8x8.quick.replies) is ACTIVITY quickReply/action; on any other card adaptiveCard/action.",
        "ACTIVITY read-receipts {users, readAt} comes only from the test endpoint (8x8 defines it and sends it from no channel yet).",
        "An agent's file or cards reach a Gateway webhook as MESSAGE (isEcho false) with data.attachments or data.cards; a message sent through the API is not echoed unless --echo-messages.",
        "An upload's multipart parts may be attachment (a file) and authorType only; another part is a 400 naming it.",
        "After a post-agent assignment, the agent leaving (agent-left; not a transfer, the user leaving or a move) hands the conversation to the webhook, once: from MEMBERS_CHANGED (agent left) on its events go to that webhook in its version's format, instead of the channel's webhook unless configuration.notifyChannelWebhookIfExists is \"true\" (then to both); CONVERSATION_UPDATE and the conversation show assignment {type: webhook, id} (8x8 names agent, queue and script only); a user message is not queued again; an agent joining or a move ends the hand-back; maxTotalMinutes and userTimeoutInMinutes are checked, not played.",
    ];

    public static string Text => string.Join(Environment.NewLine, All.Select(a => "  - " + a));
}
