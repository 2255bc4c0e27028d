#requires -Version 7.2
<#
.SYNOPSIS
    A GET of one webhook by id through Invoke-ChatApiRequest against Invoke-RestMethod with the same
    headers, in the same run, against the emulator with no rate limit and no latency.
.DESCRIPTION
    Both sides read GET /vcc/us/chat/v2/tenant/acme/web-hooks/<id> and turn the JSON into objects.
    Invoke-RestMethod sends the same Authorization (a token of the same key) and Accept headers the
    module sends. The session's own rate limit is off (-RequestsPerSecond 0), as is the emulator's.
    The sides alternate which goes first each round. The bar: Invoke-ChatApiRequest reaches at least
    the rate of Invoke-RestMethod (median ratio of rates >= 1.0): the session's client, with its
    retries, timeouts, answer cap and redaction, costs nothing over a bare call.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ChatApi/ChatApi.psd1'),
    [string] $EmulatorPath = (Join-Path $PSScriptRoot '../src/ChatApi.Emulator/bin/Release/net10.0/ChatApi.Emulator.dll'),
    [int] $Calls = 1000,
    [int] $Rounds = 9
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$EmulatorPath = Import-BenchTarget -ModulePath $ModulePath -EmulatorPath $EmulatorPath

$result = Invoke-BenchSession -EmulatorPath $EmulatorPath -Arguments @('--rate-limit', '0') -Rate 0 -Body {
    param($emu)
    $hook = New-ChatWebhook -Name 'bench-request' -Uri 'http://127.0.0.1:9/bench' -Version v2.0
    $path = "web-hooks/$($hook.Id)"
    $uri = "$($emu.BaseUri)/vcc/us/chat/v2/tenant/acme/$path"
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('demo-key:demo-secret'))
    $token = (Invoke-RestMethod -Method Post -Uri "$($emu.BaseUri)/oauth/v2/token" -Headers @{ Authorization = "Basic $basic" } `
            -ContentType 'application/x-www-form-urlencoded' -Body 'grant_type=client_credentials').access_token
    $headers = @{ Authorization = "Bearer $token"; Accept = 'application/hal+json, application/json, application/problem+json' }

    $viaModule = { for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-ChatApiRequest GET $path } }
    $viaIrm = { for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-RestMethod -Uri $uri -Headers $headers } }
    # Warm both up (JIT, connection pools), and check they read the same webhook.
    if ((Invoke-ChatApiRequest GET $path).name -ne (Invoke-RestMethod -Uri $uri -Headers $headers).name) { throw 'The two sides read different answers.' }
    & $viaModule; & $viaIrm

    $ratios = [System.Collections.Generic.List[double]]::new()
    Write-Host ('{0,-6} {1,18} {2,18} {3,8}' -f 'round', 'module calls/s', 'IRM calls/s', 'ratio')
    for ($round = 1; $round -le $Rounds; $round++) {
        $watch = [Diagnostics.Stopwatch]::new()
        $measureModule = { $watch.Restart(); & $viaModule; $script:moduleSeconds = $watch.Elapsed.TotalSeconds }
        $measureIrm = { $watch.Restart(); & $viaIrm; $script:irmSeconds = $watch.Elapsed.TotalSeconds }
        if ($round % 2) { . $measureModule; . $measureIrm } else { . $measureIrm; . $measureModule }
        $moduleRate = $Calls / $moduleSeconds
        $irmRate = $Calls / $irmSeconds
        $ratios.Add($moduleRate / $irmRate)
        Write-Host ('{0,-6} {1,18:n0} {2,18:n0} {3,8:n2}' -f $round, $moduleRate, $irmRate, ($moduleRate / $irmRate))
    }
    Remove-ChatWebhook -Id $hook.Id -Confirm:$false
    $median = Get-Median $ratios.ToArray()
    Write-Host ''
    Write-Host ('Median ratio Invoke-ChatApiRequest/Invoke-RestMethod over {0} rounds of {1} GETs: {2:n2} (bar: at least 1.00) -> {3}' -f $Rounds, $Calls, $median, $(if ($median -ge 1.0) { 'PASS' } else { 'FAIL' }))
    [pscustomobject]@{ Bench = 'request'; Calls = $Calls; Rounds = $Rounds; MedianRatio = [math]::Round($median, 3); Pass = ($median -ge 1.0) }
}
$result | Select-Object -Last 1
