<#
.SYNOPSIS
    Run in a fresh pwsh by bench/attachments.ps1 and tests/Pester/GatewayAttachments.Tests.ps1: uploads a
    file to a Gateway conversation with Add-ChatAttachment and saves it back with Save-ChatAttachment,
    and writes one JSON line with what that did to this process's memory.
.DESCRIPTION
    After a warm-up transfer (JIT, connection pool) and a full garbage collection, a sampler thread reads
    the process's working set every 5 ms while the two cmdlets run. Two figures, both from this process:
      PeakGrowthBytes  the highest working set seen minus the working set just before: everything the
                       process held at once (managed heap, native buffers, sockets), as the OS counts it.
                       This is the figure the bar applies to.
      AllocatedBytes   bytes allocated on the managed heap during the transfer (GC.GetTotalAllocatedBytes):
                       a file buffered whole would show up here at least once, even if collected at once.
    With -Buffered the two cmdlets are replaced by reading the file whole and writing it whole: the
    baseline of what a transfer that buffers costs, measured the same way in the same kind of process.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ConversationId,
    [Parameter(Mandatory)] [string] $File,
    [Parameter(Mandatory)] [string] $Destination,
    [switch] $Buffered
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Add-Type -TypeDefinition @'
using System;
using System.Diagnostics;
using System.Threading;
public sealed class WorkingSetSampler : IDisposable
{
    private readonly Thread thread;
    private volatile bool stop;
    public long Peak;
    public WorkingSetSampler()
    {
        thread = new Thread(() =>
        {
            using (var p = Process.GetCurrentProcess())
                while (!stop)
                {
                    p.Refresh();
                    if (p.WorkingSet64 > Peak) Peak = p.WorkingSet64;
                    Thread.Sleep(5);
                }
        }) { IsBackground = true };
        thread.Start();
    }
    public void Dispose() { stop = true; thread.Join(); }
}
'@
Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId acme -BaseUri $BaseUri -RequestsPerSecond 0

$warm = "$Destination.warm"
[IO.File]::WriteAllBytes($warm, [byte[]]::new(2MB))
$null = Add-ChatAttachment -ConversationId $ConversationId -LiteralPath $warm | Save-ChatAttachment -Destination "$warm.out" -Force
Remove-Item $warm, "$warm.out"

[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
$self = [Diagnostics.Process]::GetCurrentProcess()
$self.Refresh()
$before = $self.WorkingSet64
$allocated = [GC]::GetTotalAllocatedBytes($true)
$sampler = [WorkingSetSampler]::new()
$watch = [Diagnostics.Stopwatch]::StartNew()
if ($Buffered) {
    $data = [IO.File]::ReadAllBytes($File)
    $uploaded = $watch.Elapsed.TotalSeconds
    [IO.File]::WriteAllBytes($Destination, $data)
    $saved = Get-Item $Destination
    $data = $null
}
else {
    $attachment = Add-ChatAttachment -ConversationId $ConversationId -LiteralPath $File
    $uploaded = $watch.Elapsed.TotalSeconds
    $saved = $attachment | Save-ChatAttachment -Destination $Destination -Force
}
$downloaded = $watch.Elapsed.TotalSeconds - $uploaded
$sampler.Dispose()
$allocated = [GC]::GetTotalAllocatedBytes($true) - $allocated

[pscustomobject]@{
    Bytes           = (Get-Item $File).Length
    Same            = (Get-FileHash $File).Hash -eq (Get-FileHash $saved.FullName).Hash
    BeforeBytes     = $before
    PeakGrowthBytes = [math]::Max(0, $sampler.Peak - $before)
    AllocatedBytes  = $allocated
    UploadSeconds   = [math]::Round($uploaded, 2)
    DownloadSeconds = [math]::Round($downloaded, 2)
} | ConvertTo-Json -Compress
