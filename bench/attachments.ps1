<#
.SYNOPSIS
    A large attachment moves through pwsh without pwsh holding it: Add-ChatAttachment then
    Save-ChatAttachment of a 50 MB file, the process's memory growing by less than 20 MB. Bar: the median
    peak working-set growth over the runs below -BarMB, and every saved file the same as the one sent.
.DESCRIPTION
    Starts the emulator (rate limit off), makes a Gateway conversation, writes a file of random bytes and,
    per run, measures one upload and one download in a fresh pwsh (bench/attachments/Measure-Transfer.ps1):
    the peak working set during the transfer minus the working set just before (the bar's figure: all the
    memory the process held, as the OS counts it), and the managed bytes allocated meanwhile (a file read
    whole would allocate its size at least once). Medians are printed.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $SizeMB = 50,
    [int] $Runs = 3,
    [double] $BarMB = 20
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../build/ChatEmulator.psm1') -Force
$ModulePath = (Resolve-Path $ModulePath).Path
$EmulatorPath = (Resolve-Path $EmulatorPath).Path
$pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
$pwshArgs = if (Test-Path $pwsh) { @() } else { $pwsh = 'dotnet'; @((Join-Path $PSHOME 'pwsh.dll')) }

$work = Join-Path ([IO.Path]::GetTempPath()) "chatapi-bench-attachments-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null
$emu = Start-ChatEmulator -EmulatorPath $EmulatorPath -Arguments @('--rate-limit', '0')
try {
    $conversation = & (Join-Path $PSScriptRoot 'attachments/New-GatewayConversation.ps1') -BaseUri $emu.BaseUri
    $file = Join-Path $work 'large.bin'
    $bytes = [byte[]]::new(1MB)
    $random = [Random]::new(42)
    $stream = [IO.File]::Create($file)
    try { for ($i = 0; $i -lt $SizeMB; $i++) { $random.NextBytes($bytes); $stream.Write($bytes, 0, $bytes.Length) } } finally { $stream.Dispose() }

    # The baseline, measured the same way in the same run: the file read whole and written whole.
    $baseline = foreach ($run in 1..$Runs) {
        $line = & $pwsh @pwshArgs -NoProfile -File (Join-Path $PSScriptRoot 'attachments/Measure-Transfer.ps1') -ModulePath $ModulePath `
            -BaseUri $emu.BaseUri -ConversationId $conversation.ConversationId -File $file -Destination (Join-Path $work "buffered-$run.bin") -Buffered
        if ($LASTEXITCODE -ne 0) { throw "baseline run $run failed: $line" }
        @($line)[-1] | ConvertFrom-Json
    }
    $rows = foreach ($run in 1..$Runs) {
        $line = & $pwsh @pwshArgs -NoProfile -File (Join-Path $PSScriptRoot 'attachments/Measure-Transfer.ps1') -ModulePath $ModulePath `
            -BaseUri $emu.BaseUri -ConversationId $conversation.ConversationId -File $file -Destination (Join-Path $work "saved-$run.bin")
        if ($LASTEXITCODE -ne 0) { throw "run $run failed: $line" }
        $row = @($line)[-1] | ConvertFrom-Json
        Write-Host ("run {0}: {1:n0} MB up in {2:n2} s, down in {3:n2} s; peak working set +{4:n1} MB, {5:n1} MB allocated; same file: {6}" -f `
            $run, ($row.Bytes / 1MB), $row.UploadSeconds, $row.DownloadSeconds, ($row.PeakGrowthBytes / 1MB), ($row.AllocatedBytes / 1MB), $row.Same)
        $row
    }
}
finally {
    Stop-ChatEmulator $emu
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

$growth = (Get-Median @($rows.PeakGrowthBytes)) / 1MB
$bufferedGrowth = (Get-Median @($baseline.PeakGrowthBytes)) / 1MB
Write-Host ("baseline, the file read and written whole: median peak working-set growth {0:n1} MB; streamed / buffered: {1:n3}" -f `
    $bufferedGrowth, $(if ($bufferedGrowth -gt 0) { $growth / $bufferedGrowth } else { [double]::NaN }))
$allocated = (Get-Median @($rows.AllocatedBytes)) / 1MB
$up = Get-Median @($rows.UploadSeconds)
$down = Get-Median @($rows.DownloadSeconds)
$different = @($rows | Where-Object { -not $_.Same }).Count
$ok = $growth -lt $BarMB -and $different -eq 0
$color = if ($ok) { 'Green' } else { 'Red' }
Write-Host ("attachments: {0} MB up and down, median peak working-set growth {1:n1} MB (bar < {2} MB), median {3:n1} MB allocated, median {4:n2} s up / {5:n2} s down, {6} of {7} saved file(s) different: {8}" -f `
    $SizeMB, $growth, $BarMB, $allocated, $up, $down, $different, $Runs, $(if ($ok) { 'PASS' } else { 'FAIL' })) -ForegroundColor $color
