#requires -Version 7.2
<#
.SYNOPSIS
    Verifies 10,000 signed webhook events through Test-ChatWebhookSignature -Jwk in one pipeline and
    compares with a raw RSA-SHA256 verify loop over the same events, in the same run.
.DESCRIPTION
    The events are made here, offline, with one RSA-2048 key, exactly as 8x8 signs them (detached,
    unencoded RS256 JWS over {"checksum","cid","eid","retry","tid","tt"}). The raw loop calls
    RSA.VerifyData on the precomputed signing inputs: the cost floor of a check in a script. The
    cmdlet does everything else on top (header parsing, CRC-32 of the body, payload rebuild, base64url,
    parameter binding of each pipeline object). The bar: the cmdlet reaches at least 0.5 of the raw rate.
    A compiled (C#) raw loop is printed as well, for scale.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ChatApi/ChatApi.psd1'),
    [string] $EmulatorPath,       # not needed: everything here is offline
    [int] $Events = 10000,
    [int] $Rounds = 7
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module $ModulePath -Force
$moduleDir = Split-Path (Get-Module ChatApi).Path
# The bench's own signer uses System.IO.Hashing too (the staged copy; the engine's lives in its own load context).
Add-Type -Path (Get-ChildItem $moduleDir -Recurse -Filter 'System.IO.Hashing.dll' | Select-Object -First 1).FullName

function ConvertTo-B64Url([byte[]] $Bytes) { [Convert]::ToBase64String($Bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_') }

# --- make the events (not timed) ---
$rsa = [System.Security.Cryptography.RSA]::Create(2048)
$public = $rsa.ExportParameters($false)
$kid = 'bench-key-1'
$jwk = @{ kty = 'RSA'; kid = $kid; use = 'sig'; alg = 'RS256'; n = (ConvertTo-B64Url $public.Modulus); e = (ConvertTo-B64Url $public.Exponent) } | ConvertTo-Json -Compress
$protected = ConvertTo-B64Url ([Text.Encoding]::UTF8.GetBytes("{`"b64`":false,`"crit`":[`"b64`"],`"kid`":`"$kid`",`"alg`":`"RS256`"}"))
$sha256 = [System.Security.Cryptography.HashAlgorithmName]::SHA256
$pkcs1 = [System.Security.Cryptography.RSASignaturePadding]::Pkcs1

$made = [Diagnostics.Stopwatch]::StartNew()
$items = [System.Collections.Generic.List[object]]::new($Events)
$inputs = [System.Collections.Generic.List[byte[]]]::new($Events)
$signatures = [System.Collections.Generic.List[byte[]]]::new($Events)
$now = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
$types = 'QUEUED', 'AGENT_JOINED', 'TEXT', 'AGENT_LEFT'
for ($i = 0; $i -lt $Events; $i++) {
    $type = $types[$i % 4]
    $body = "{`"eventType`":`"$type`",`"conversationId`":`"conv-$($i % 97)`",`"timestamp`":$($now - $i),`"messageType`":`"SYSTEM`",`"agentId`":`"agent-$($i % 13)`",`"agentName`":`"Agent $($i % 13)`",`"message`":`"Message number $i`"}"
    $bytes = [Text.Encoding]::UTF8.GetBytes($body)
    $eid = [guid]::NewGuid().ToString()
    $retry = $i % 3
    $tt = $now - $i
    $payload = "{`"checksum`":$([System.IO.Hashing.Crc32]::HashToUInt32($bytes)),`"cid`":`"customer-1`",`"eid`":`"$eid`",`"retry`":$retry,`"tid`":`"tenant-1`",`"tt`":$tt}"
    $signingInput = [Text.Encoding]::ASCII.GetBytes("$protected.$payload")
    $signature = $rsa.SignData($signingInput, $sha256, $pkcs1)
    $inputs.Add($signingInput)
    $signatures.Add($signature)
    $items.Add([pscustomobject]@{
        Body    = $body
        Headers = @{
            'x-8x8-tenant-id'         = 'tenant-1'
            'x-8x8-customer-id'       = 'customer-1'
            'x-8x8-event-id'          = $eid
            'x-8x8-retry'             = "$retry"
            'x-8x8-transmission-time' = "$tt"
            'x-8x8-signature'         = "$protected..$(ConvertTo-B64Url $signature)"
        }
    })
}
$captured = $items.ToArray()
Write-Host ("Made {0:n0} signed events in {1:n1} s (RSA-2048, one key)" -f $Events, $made.Elapsed.TotalSeconds)

# The raw verifier: the same public key, imported once.
$verifier = [System.Security.Cryptography.RSA]::Create()
$verifier.ImportParameters($public)

Add-Type -TypeDefinition @'
public static class RawRsaLoop
{
    public static int Run(System.Security.Cryptography.RSA rsa, System.Collections.Generic.List<byte[]> inputs, System.Collections.Generic.List<byte[]> signatures)
    {
        int ok = 0;
        for (int i = 0; i < inputs.Count; i++)
            if (rsa.VerifyData(inputs[i], signatures[i], System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)) ok++;
        return ok;
    }
}
'@

# Warm-up: one full pass of each (JIT tiers, first key import), not counted.
$null = $captured | Test-ChatWebhookSignature -Jwk $jwk -MaxAge 0
for ($j = 0; $j -lt $Events; $j++) { $null = $verifier.VerifyData($inputs[$j], $signatures[$j], $sha256, $pkcs1) }
$null = [RawRsaLoop]::Run($verifier, $inputs, $signatures)

$ratios = [System.Collections.Generic.List[double]]::new()
$compiledRatios = [System.Collections.Generic.List[double]]::new()
Write-Host ''
Write-Host ('{0,-6} {1,14} {2,14} {3,16} {4,8} {5,14}' -f 'Round', 'cmdlet ev/s', 'raw ev/s', 'compiled ev/s', 'ratio', 'vs compiled')
for ($round = 1; $round -le $Rounds; $round++) {
    # The cmdlet: one pipeline, Body and Headers bound by property name, key from -Jwk (offline).
    # -MaxAge 0: these are captured events; the time window is not what is measured.
    $measureCmdlet = {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $answers = $captured | Test-ChatWebhookSignature -Jwk $jwk -MaxAge 0
        $script:cmdletSeconds = $watch.Elapsed.TotalSeconds
        $valid = @($answers | Where-Object { $_ }).Count
        if ($valid -ne $Events) { throw "The cmdlet accepted $valid of $Events events." }
    }
    # Raw: RSA-SHA256 verify of the precomputed signing inputs, in a script loop.
    $measureRaw = {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $ok = 0
        for ($j = 0; $j -lt $Events; $j++) { if ($verifier.VerifyData($inputs[$j], $signatures[$j], $sha256, $pkcs1)) { $ok++ } }
        $script:rawSeconds = $watch.Elapsed.TotalSeconds
        if ($ok -ne $Events) { throw "The raw loop accepted $ok of $Events events." }
        $watch.Restart()
        $ok = [RawRsaLoop]::Run($verifier, $inputs, $signatures)
        $script:compiledSeconds = $watch.Elapsed.TotalSeconds
        if ($ok -ne $Events) { throw "The compiled loop accepted $ok of $Events events." }
    }
    # Alternate which goes first, so a burst of load on the machine does not always hit the same side.
    if ($round % 2) { . $measureCmdlet; . $measureRaw } else { . $measureRaw; . $measureCmdlet }

    $cmdletRate = $Events / $cmdletSeconds
    $rawRate = $Events / $rawSeconds
    $compiledRate = $Events / $compiledSeconds
    $ratios.Add($cmdletRate / $rawRate)
    $compiledRatios.Add($cmdletRate / $compiledRate)
    Write-Host ('{0,-6} {1,14:n0} {2,14:n0} {3,16:n0} {4,8:n2} {5,14:n2}' -f $round, $cmdletRate, $rawRate, $compiledRate, ($cmdletRate / $rawRate), ($cmdletRate / $compiledRate))
}

$median = Get-Median $ratios.ToArray()
$medianCompiled = Get-Median $compiledRatios.ToArray()
Write-Host ''
Write-Host ('Median ratio cmdlet/raw over {0} rounds: {1:n2} (bar: at least 0.50) -> {2}' -f $Rounds, $median, $(if ($median -ge 0.5) { 'PASS' } else { 'FAIL' }))
Write-Host ('Median ratio cmdlet/compiled raw loop: {0:n2} (for scale)' -f $medianCompiled)
[pscustomobject]@{ Bench = 'signature'; Events = $Events; Rounds = $Rounds; MedianRatio = [math]::Round($median, 3); MedianRatioCompiled = [math]::Round($medianCompiled, 3); Pass = ($median -ge 0.5) }
