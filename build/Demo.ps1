<#
.SYNOPSIS
    The whole road, V1-era channels to V2 to the Chat Gateway, against a local emulator seeded with V1-era data.
.DESCRIPTION
    Starts the emulator with 200 V1-era channels (each on its own v1.0 webhook, 20 receiver URIs
    shared between them, and a few URIs that no longer answer), connects, shows the plan, runs the
    migration with progress, prints the summary, checks through the API that every migratable
    channel sits on a v2.0 webhook, starts a conversation on one of them, verifies the signed event
    that reaches its receiver; then connects to the Chat Gateway (which lists only its own webhooks:
    the old URIs are read through V2 with -SourceSession), moves the channels from their v2.0 webhooks to Chat Gateway v1.0 webhooks at
    new receiver URIs (-UriMap), starts a conversation on a moved channel and verifies the signed
    Gateway-format QUEUED event with the Gateway session; and stops the emulator.
    The emulator and the session run at 20 requests/second to keep it short (8x8's limit is 5).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Channels = 200,
    [int] $Uris = 20,
    [int] $Broken = 4,
    [double] $Rate = 20
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'ChatEmulator.psm1') -Force
Import-Module $ModulePath -Force

function Say([string] $Text, [string] $Color = 'Gray') { Write-Host $Text -ForegroundColor $Color }
function Step([string] $Text) { Write-Host ''; Write-Host "== $Text" -ForegroundColor Cyan }
function Ok([string] $Text) { Write-Host "   [ok] " -ForegroundColor Green -NoNewline; Write-Host $Text }
function Bad([string] $Text) { Write-Host "   [!!] " -ForegroundColor Red -NoNewline; Write-Host $Text; $script:problems++ }

$problems = 0
$started = Get-Date
$journal = Join-Path ([IO.Path]::GetTempPath()) "ChatMigration-demo-$(Get-Date -Format yyyyMMdd-HHmmss).jsonl"

Step "Starting the emulator: $Channels V1-era channels over $Uris receiver URIs, $Broken more whose URIs answer 500"
$emu = Start-ChatEmulator -EmulatorPath $EmulatorPath -Arguments @(
    '--seed-legacy', "$Channels", '--seed-uris', "$Uris", '--seed-broken', "$Broken", '--rate-limit', "$Rate")
try {
    Say "   $($emu.BaseUri), rate limit $Rate requests/second (8x8 allows 5; raised here to keep the demo short)" DarkGray
    $credential = [pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
    $session = Connect-ChatApi -Region us -TenantId acme -Credential $credential -BaseUri $emu.BaseUri -RequestsPerSecond $Rate -PassThru
    Ok "connected to tenant acme in region us"

    Step 'The plan (Get-ChatMigrationPlan; Export-Csv it for a change approval)'
    $plan = @(Get-ChatMigrationPlan)
    $plan | Group-Object Action | Sort-Object { @('VerifyUri', 'CreateWebhook', 'ReuseWebhook', 'RepointChannel', 'None').IndexOf($_.Name) } |
        ForEach-Object { Say ("   {0,5}  {1}" -f $_.Count, $_.Name) }
    $sample = $plan | Where-Object Action -EQ 'RepointChannel' | Select-Object -First 1
    Say "   e.g. step $($sample.Step): channel '$($sample.ChannelName)' leaves v1.0 webhook $($sample.FromWebhookId) for the shared v2.0 webhook of $($sample.Uri)" DarkGray

    Step "Migrating (Invoke-ChatMigration, journal $journal)"
    $output = @(Invoke-ChatMigration -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable failures)
    $summary = $output | Where-Object { $_ -is [ChatApi.MigrationSummary] }
    $results = @($output | Where-Object { $_ -is [ChatApi.MigrationResult] })
    Say ("   {0} migrated, {1} already migrated, {2} failed; {3} v2.0 webhooks created, {4} reused" -f `
        $summary.Migrated, $summary.AlreadyMigrated, $summary.Failed, $summary.WebhooksCreated, $summary.WebhooksReused) White
    Say ("   {0} requests in {1:n1} s (floor at {2}/s: {3:n1} s)" -f $summary.Requests, $summary.Duration.TotalSeconds, $Rate, ($summary.Requests / $Rate)) DarkGray
    foreach ($r in $results | Where-Object Status -EQ 'Failed' | Sort-Object ChannelName) {
        $why = if ($r.Error -match 'verify') { 'its URI failed the v2.0 verify' } else { $r.Error }
        Say "   reported, left untouched: channel '$($r.ChannelName)' ($($r.ChannelId)): $why ($($r.Uri))" Yellow
    }

    Step 'Checking through the API'
    $hooks = @{}; foreach ($w in Get-ChatWebhook) { $hooks[$w.Id] = $w }
    $all = @(Get-ChatChannel)
    $reachable = @($all | Where-Object Name -NotLike '*broken*')
    $onV2 = @($reachable | Where-Object { $hooks[$_.WebhookId].Version -eq 'v2.0' })
    $v2PerUri = @($hooks.Values | Where-Object Version -EQ 'v2.0' | Group-Object Uri)
    $untouched = @($all | Where-Object Name -Like '*broken*' | Where-Object { $hooks[$_.WebhookId].Version -eq 'v1.0' })
    if ($onV2.Count -eq $reachable.Count) { Ok "all $($reachable.Count) migratable channels sit on a v2.0 webhook" } else { Bad "$($reachable.Count - $onV2.Count) migratable channel(s) are not on a v2.0 webhook" }
    if ($v2PerUri.Count -eq $Uris -and -not ($v2PerUri | Where-Object Count -NE 1)) { Ok "one shared v2.0 webhook per receiver URI ($Uris)" } else { Bad "v2.0 webhooks per URI: $(($v2PerUri | ForEach-Object Count) -join ',')" }
    if ($untouched.Count -eq $Broken -and $failures.Count -eq $Broken) { Ok "the $Broken channels with broken URIs were reported and left untouched" } else { Bad "broken channels: $($untouched.Count) untouched, $($failures.Count) reported" }

    Step 'A conversation through a migrated channel, and its signed event'
    $channel = $onV2 | Select-Object -First 1
    $hook = $hooks[$channel.WebhookId]
    $receiver = ([uri]$hook.Uri).AbsolutePath.TrimStart('/')
    $before = @(Invoke-RestMethod "$($emu.BaseUri)/$receiver" | ForEach-Object { $_ }).Count
    $conversation = New-ChatConversation -ChannelId $channel.Id -CustomerName 'Jo Demo' -Email 'jo@example.com'
    $conversationId = if ($conversation.PSObject.Properties['ConversationId']) { $conversation.ConversationId } else { $conversation.Id }
    Say "   conversation $conversationId on channel '$($channel.Name)' -> v2.0 webhook $($hook.Id) -> $($hook.Uri)" DarkGray
    $null = Invoke-RestMethod -Method Post "$($emu.BaseUri)/_emulator/conversations/$conversationId/agent-joined"
    $events = @()
    $deadline = (Get-Date).AddSeconds(15)
    while ((Get-Date) -lt $deadline) {
        $events = @(Invoke-RestMethod "$($emu.BaseUri)/$receiver" | ForEach-Object { $_ } | Select-Object -Skip $before |
            Where-Object { ($_.body | ConvertFrom-Json).conversationId -eq $conversationId })
        if ($events.Count -ge 2) { break }
        Start-Sleep -Milliseconds 200
    }
    if ($events.Count -eq 0) { Bad 'no event reached the receiver' }
    foreach ($event in $events) {
        $type = ($event.body | ConvertFrom-Json).eventType
        if (-not $event.headers.'x-8x8-signature') { Bad "$type arrived unsigned"; continue }
        if (Get-Command Test-ChatWebhookSignature -ErrorAction SilentlyContinue) {
            $check = $event | Test-ChatWebhookSignature -Detailed
            $valid = if ($check.PSObject.Properties['IsValid']) { $check.IsValid } else { [bool]$check }
            if ($valid) { Ok "$type event: signature valid (Test-ChatWebhookSignature, key fetched from the API)" } else { Bad "$type event: signature refused: $($check.Reason)" }
        }
        else {
            Ok "$type event arrived signed (x-8x8-signature present; Test-ChatWebhookSignature is not in this build)"
        }
    }

    Step 'On to the Chat Gateway: the same tenant through the Gateway (Connect-ChatApi -Api Gateway)'
    $gw = Connect-ChatApi -Api Gateway -ApiKey (ConvertTo-SecureString 'demo-gateway-key' -AsPlainText -Force) -TenantId acme -BaseUri $emu.BaseUri -RequestsPerSecond $Rate -PassThru
    Ok "connected to the Chat Gateway for tenant acme (x-api-key, X-8x8-Tenant, no region)"
    $map = @{}
    Get-ChatWebhook -Session $session -Version v2.0 | ForEach-Object { $map[$_.Uri] = $_.Uri -replace '/_receiver/', '/_receiver/gateway-' }
    Say "   the Gateway's events have another format, so each receiver gets a new URI: $($map.Count) entries in -UriMap" DarkGray
    $gwJournal = $journal -replace '\.jsonl$', '-gateway.jsonl'
    $gwOutput = @($onV2 | Invoke-ChatMigration -Session $gw -SourceSession $session -TargetVersion 'Chat Gateway v1.0' -UriMap $map -JournalPath $gwJournal -ErrorAction SilentlyContinue -ErrorVariable gwFailures)
    $gwSummary = $gwOutput | Where-Object { $_ -is [ChatApi.MigrationSummary] }
    Say ("   {0} moved, {1} failed; {2} Chat Gateway v1.0 webhooks created, {3} reused; {4} requests" -f `
        $gwSummary.Migrated, $gwSummary.Failed, $gwSummary.WebhooksCreated, $gwSummary.WebhooksReused, $gwSummary.Requests) White
    $gwHooks = @{}; foreach ($w in Get-ChatWebhook -Session $gw) { $gwHooks[$w.Id] = $w }
    $moved = @(Get-ChatChannel -Session $gw | Where-Object { $onV2.Id -contains $_.Id })
    $atMapped = @($moved | Where-Object { $w = $gwHooks[$_.WebhookId]; $w.Version -eq 'Chat Gateway v1.0' -and $map.Values -contains $w.Uri })
    $gwPerUri = @($gwHooks.Values | Where-Object Version -EQ 'Chat Gateway v1.0' | Group-Object Uri)
    if ($atMapped.Count -eq $onV2.Count) { Ok "all $($onV2.Count) channels sit on a Chat Gateway v1.0 webhook at their mapped URI" } else { Bad "$($onV2.Count - $atMapped.Count) channel(s) are not on a Chat Gateway v1.0 webhook at their mapped URI" }
    if ($gwPerUri.Count -eq $map.Count -and -not ($gwPerUri | Where-Object Count -NE 1)) { Ok "one Chat Gateway v1.0 webhook per new URI ($($map.Count))" } else { Bad "Chat Gateway v1.0 webhooks per URI: $(($gwPerUri | ForEach-Object Count) -join ',')" }

    Step 'A conversation through a moved channel, and its signed Gateway event'
    $gwChannel = $moved | Select-Object -First 1
    $gwHook = $gwHooks[$gwChannel.WebhookId]
    $gwReceiver = ([uri]$gwHook.Uri).AbsolutePath.TrimStart('/')
    $gwConversation = New-ChatConversation -Session $session -ChannelId $gwChannel.Id -CustomerName 'Jo Gateway'
    Say "   conversation $($gwConversation.Id) on channel '$($gwChannel.Name)' -> Chat Gateway v1.0 webhook $($gwHook.Id) -> $($gwHook.Uri)" DarkGray
    $queued = $null
    $deadline = (Get-Date).AddSeconds(15)
    while (-not $queued -and (Get-Date) -lt $deadline) {
        $queued = Invoke-RestMethod "$($emu.BaseUri)/$gwReceiver" | ForEach-Object { $_ } |
            Where-Object { $b = $_.body | ConvertFrom-Json; $b.conversationId -eq $gwConversation.Id -and $b.eventType -eq 'QUEUED' } | Select-Object -First 1
        if (-not $queued) { Start-Sleep -Milliseconds 200 }
    }
    if (-not $queued) { Bad 'no QUEUED event reached the new receiver' }
    else {
        $parsed = $queued | ConvertFrom-ChatWebhookEvent
        $valid = $queued | Test-ChatWebhookSignature -Session $gw
        if ($parsed.Api -eq 'Gateway' -and $parsed.QueueId) { Ok "QUEUED arrived in the Gateway's format (data.queueId $($parsed.QueueId))" } else { Bad "the QUEUED event is not in the Gateway's format: $($queued.body)" }
        if ($valid) { Ok 'its signature is valid (Test-ChatWebhookSignature -Session $gw, key from /chat-gateway/v1/jwk)' } else { Bad 'its signature was refused' }
    }

    Step 'Done'
    $elapsed = (Get-Date) - $started
    Say ("   journal: {0} lines in {1} (Invoke-ChatMigration -Resume finishes a killed run; Undo-ChatMigration puts it back)" -f @(Get-Content $journal).Count, $journal) DarkGray
    Say "   Gateway journal: $gwJournal (Undo-ChatMigration -Session `$gw -SourceSession `$session puts the channels back on their v2.0 webhooks)" DarkGray
    if ($problems -eq 0) { Say ("   The migration demo (V1 -> V2 -> Chat Gateway) passed in {0:n0} s." -f $elapsed.TotalSeconds) Green }
    else { Say ("   {0} check(s) failed ({1:n0} s)" -f $problems, $elapsed.TotalSeconds) Red }
}
finally {
    Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ -ErrorAction SilentlyContinue }
    Stop-ChatEmulator $emu
    Say '   emulator stopped' DarkGray
}
if ($problems -gt 0) { exit 1 }
