# The tasks behind build.ps1. Each function does one task; build.ps1 only dispatches.
Set-StrictMode -Version Latest

# The files that make the module: the cmdlet and model assemblies beside the manifest (default
# load context), and the engine with its packages in Dependencies/, where only the private load
# context of ChatApi.Loader looks (see src/ChatApi/ModuleInitializer.cs). Dependencies/ holds the
# engine's publish output less what stays in the default context and what PowerShell 7 already
# carries (its own folder and the .NET shared framework): see Get-EngineFiles.
$script:ModuleFiles = @('ChatApi.dll', 'ChatApi.Models.dll')
$script:DependencyFolder = 'Dependencies'

function Get-EngineFiles {
    param([string] $Root, [string] $Configuration)
    $publish = Join-Path $Root 'out/publish/ChatApi.Engine'
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    Invoke-Dotnet @('publish', (Join-Path $Root 'src/ChatApi.Engine/ChatApi.Engine.csproj'), '-c', $Configuration, '--no-build', '-o', $publish, '--nologo', '-v', 'q')
    $runtime = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
    Get-ChildItem $publish -Filter *.dll | Where-Object {
        $_.Name -notin $script:ModuleFiles -and
        -not (Test-Path (Join-Path $PSHOME $_.Name)) -and -not (Test-Path (Join-Path $runtime $_.Name))
    }
}

function Invoke-Dotnet {
    param([string[]] $DotnetArgs)
    & dotnet @DotnetArgs
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($DotnetArgs -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-EmulatorPath {
    param([string] $Root, [string] $Configuration)
    Join-Path $Root "src/ChatApi.Emulator/bin/$Configuration/net10.0/ChatApi.Emulator.dll"
}

function Invoke-ChatBuild {
    param([string] $Root, [string] $Configuration, [string] $Staged)
    Write-Host "Building ChatApi ($Configuration)" -ForegroundColor Cyan
    Invoke-Dotnet @('build', (Join-Path $Root 'ChatApi.sln'), '-c', $Configuration, '--nologo', '-v', 'q', '-clp:NoSummary')
    Invoke-Dotnet @('restore', (Join-Path $Root 'build/Pester.Restore.csproj'), '-v', 'q')

    $bin = Join-Path $Root "src/ChatApi/bin/$Configuration/netstandard2.0"
    if (Test-Path $Staged) { Remove-Item $Staged -Recurse -Force }
    New-Item -ItemType Directory -Path $Staged -Force | Out-Null
    foreach ($file in $script:ModuleFiles) { Copy-Item (Join-Path $bin $file) $Staged }
    Copy-Item (Join-Path $Root "src/ChatApi.Loader/bin/$Configuration/net8.0/ChatApi.Loader.dll") $Staged
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $Staged $script:DependencyFolder) -Force
    foreach ($file in Get-EngineFiles -Root $Root -Configuration $Configuration) { Copy-Item $file.FullName $dependencies }
    Copy-Item (Join-Path $Root 'ChatApi.psd1'), (Join-Path $Root 'LICENSE'), (Join-Path $Root 'CHANGELOG.md') $Staged
    foreach ($extra in 'ChatApi.format.ps1xml', 'ChatApi.types.ps1xml', 'en-US') {
        $path = Join-Path $Root "src/ChatApi/$extra"
        if (Test-Path $path) { Copy-Item $path $Staged -Recurse }
    }
    Import-Module (Join-Path $PSScriptRoot 'HelpBuilder.psm1') -Force
    $null = Build-ChatHelp -DocsPath (Join-Path $Root 'docs/help') -ModuleFolder $Staged
    Write-Host "Staged module: $Staged" -ForegroundColor Cyan
    $Staged
}

function Get-PesterModulePath {
    $cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $path = Join-Path $cache 'pester/6.2.0/tools/Pester.psd1'
    if (-not (Test-Path $path)) { throw "Pester 6.2.0 is not in the NuGet cache ($path); run the Build task first." }
    $path
}

function Invoke-XunitSuite {
    param([string] $Root, [string] $Configuration)
    $results = Join-Path $Root 'out/test-results/xunit'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results -Force | Out-Null
    $projects = Get-ChildItem (Join-Path $Root 'tests') -Filter '*.Tests.csproj' -Recurse
    $passed = 0; $failed = 0; $failedNames = @()
    foreach ($project in $projects) {
        Write-Host "Running xunit: $($project.BaseName)" -ForegroundColor Cyan
        $trx = "$($project.BaseName).trx"
        & dotnet test $project.FullName -c $Configuration --no-build `
            --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
        $path = Join-Path $results $trx
        if (-not (Test-Path $path)) { $failed++; Write-Host "No results from $($project.BaseName)" -ForegroundColor Red; continue }
        $run = ([xml](Get-Content $path -Raw)).TestRun
        $counters = $run.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $failedNames += @($run.Results.UnitTestResult | Where-Object outcome -ne 'Passed' | ForEach-Object testName)
    }
    [pscustomobject]@{ Suite = 'xunit'; Passed = $passed; Failed = $failed; FailedNames = $failedNames }
}

# The Pester suites that spend their time waiting (on a rate limit, latency, retries' pauses) rather
# than computing: they run in a second lane beside the others, which keeps the whole run well under
# CI's 15 minutes on two cores. Each suite starts its own emulator on its own port: the lanes share nothing.
$script:WaitingSuites = @('Migration', 'Resilience', 'Cancellation', 'GatewayMigration', 'BulkSafety')

function Invoke-PesterSuite {
    param([string] $Root, [string] $Configuration, [string] $Staged, [string[]] $Filter)
    Write-Host 'Running Pester suites' -ForegroundColor Cyan
    $pester = Get-PesterModulePath
    # Child pwsh processes keep the module under test out of the build process.
    $runner = Join-Path $Root 'tests/Pester/Run-Pester.ps1'
    $results = Join-Path $Root 'out/test-results'
    $null = New-Item -ItemType Directory -Path $results -Force
    $files = @(Get-ChildItem (Join-Path $Root 'tests/Pester') -Filter '*.Tests.ps1' | Sort-Object Name)
    $lanes = [Collections.Generic.List[object]]::new()
    foreach ($waits in $false, $true) {
        $lane = @($files | Where-Object { (($_.Name -replace '\.Tests\.ps1$', '') -in $script:WaitingSuites) -eq $waits })
        if ($lane.Count -gt 0) { $lanes.Add($lane) }
    }
    $runs = for ($i = 0; $i -lt $lanes.Count; $i++) {
        $summary = Join-Path $results "pester-$i.json"
        $log = Join-Path $results "pester-$i.log"
        Remove-Item $summary, $log, "$log.err" -ErrorAction SilentlyContinue
        $runnerArgs = @('pwsh', '-NoProfile', '-File', $runner, '-PesterPath', $pester, '-ModulePath', (Join-Path $Staged 'ChatApi.psd1'),
            '-EmulatorPath', (Get-EmulatorPath $Root $Configuration), '-SummaryPath', $summary, '-Path', ($lanes[$i].FullName -join ','))
        if ($Filter) { $runnerArgs += @('-Filter', ($Filter -join ',')) }
        # Start-Process joins its arguments with spaces: quote the ones that hold any.
        $quoted = $runnerArgs | ForEach-Object { if ($_ -match '\s') { '"' + $_ + '"' } else { $_ } }
        $process = Start-Process -FilePath 'dotnet' -ArgumentList $quoted -RedirectStandardOutput $log -RedirectStandardError "$log.err" -PassThru -NoNewWindow
        [pscustomobject]@{ Process = $process; Summary = $summary; Log = $log }
    }
    $passed = 0; $failed = 0; $failedNames = @()
    foreach ($run in $runs) {
        $run.Process.WaitForExit()
        Get-Content $run.Log, "$($run.Log).err" -ErrorAction SilentlyContinue | Out-Host
        if (-not (Test-Path $run.Summary)) { $failed++; $failedNames += "the Pester runner wrote no summary ($($run.Log))"; continue }
        $counts = Get-Content $run.Summary -Raw | ConvertFrom-Json
        $passed += [int]$counts.Passed; $failed += [int]$counts.Failed; $failedNames += @($counts.FailedNames)
    }
    [pscustomobject]@{ Suite = 'Pester'; Passed = $passed; Failed = $failed; FailedNames = $failedNames }
}

function Invoke-ChatTest {
    param([string] $Root, [string] $Configuration, [string] $Staged, [string[]] $Filter)
    $started = Get-Date
    Invoke-ChatBuild -Root $Root -Configuration $Configuration -Staged $Staged | Out-Null
    # The Pester contract suite (Prism.Tests.ps1) runs the cmdlets against Prism: npm ci in tests/Contract when missing or stale.
    Import-Module (Join-Path $Root 'tests/Contract/PrismMock.psm1') -Force
    try { Install-PrismMock } catch { Write-Host "Prism could not be installed, the contract suite will fail: $_" -ForegroundColor Red }
    $suites = @()
    if (-not $Filter) { $suites += Invoke-XunitSuite -Root $Root -Configuration $Configuration }
    $suites += Invoke-PesterSuite -Root $Root -Configuration $Configuration -Staged $Staged -Filter $Filter
    $passed = ($suites | Measure-Object Passed -Sum).Sum
    $failed = ($suites | Measure-Object Failed -Sum).Sum
    # The failures are named again at the end, where a CI log's tail shows them.
    foreach ($s in $suites) { foreach ($name in $s.FailedNames) { Write-Host "FAILED ($($s.Suite)): $name" -ForegroundColor Red } }
    foreach ($s in $suites) { Write-Host ("{0,-8} {1} passed, {2} failed" -f $s.Suite, $s.Passed, $s.Failed) }
    Write-Host ("Test task took {0:n0} s" -f ((Get-Date) - $started).TotalSeconds)
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Split-EmulatorArguments {
    <#
    .SYNOPSIS
        Undoes the join of 'pwsh -File build.ps1 -Arguments a,b' (from bash, -File passes one string
        "a,b"): splits at commas, then glues a piece back to the one before when neither starts with
        '--', since every emulator option takes at most one value and a value may hold commas
        ('--api-key','k:s:vcc-chat.webhooks.read,vcc-chat.channels.read').
    #>
    param([string[]] $Arguments)
    $result = [Collections.Generic.List[string]]::new()
    $previousIsValue = $false
    foreach ($piece in @($Arguments | ForEach-Object { $_ -split ',' })) {
        $isOption = $piece.StartsWith('--')
        if (-not $isOption -and $previousIsValue) { $result[$result.Count - 1] += ",$piece"; continue }
        $result.Add($piece)
        $previousIsValue = -not $isOption -and $result.Count -gt 1 -and $result[$result.Count - 2].StartsWith('--')
    }
    , $result.ToArray()
}

function Invoke-ChatEmulator {
    param([string] $Root, [string] $Configuration, [string[]] $Arguments)
    Invoke-Dotnet @('build', (Join-Path $Root 'src/ChatApi.Emulator/ChatApi.Emulator.csproj'), '-c', $Configuration, '--nologo', '-v', 'q', '-clp:NoSummary')
    $emulatorArgs = Split-EmulatorArguments $Arguments
    & dotnet (Get-EmulatorPath $Root $Configuration) @emulatorArgs
    exit $LASTEXITCODE
}

function Invoke-ChatDemo {
    param([string] $Root, [string] $Configuration, [string] $Staged)
    Invoke-ChatBuild -Root $Root -Configuration $Configuration -Staged $Staged | Out-Null
    & dotnet pwsh -NoProfile -File (Join-Path $Root 'build/Demo.ps1') -ModulePath (Join-Path $Staged 'ChatApi.psd1') -EmulatorPath (Get-EmulatorPath $Root $Configuration)
    exit $LASTEXITCODE
}

function Invoke-ChatBench {
    param([string] $Root, [string] $Configuration, [string] $Staged, [string[]] $Names)
    Invoke-ChatBuild -Root $Root -Configuration $Configuration -Staged $Staged | Out-Null
    # 'pwsh -File build.ps1 -Arguments a,b' passes one string "a,b".
    $Names = @($Names | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
    $scripts = Get-ChildItem (Join-Path $Root 'bench') -Filter '*.ps1' | Where-Object { -not $Names -or $_.BaseName -in $Names }
    foreach ($script in $scripts) {
        Write-Host "== bench/$($script.Name)" -ForegroundColor Cyan
        & dotnet pwsh -NoProfile -File $script.FullName -ModulePath (Join-Path $Staged 'ChatApi.psd1') -EmulatorPath (Get-EmulatorPath $Root $Configuration)
    }
}

function Invoke-ChatPackage {
    <#
    .SYNOPSIS
        Builds and stages the module, then packs it as out/ChatApi.<version>.nupkg: the package
        Install-PSResource and Save-PSResource take from any NuGet or file repository.
        -NoBuild packs the module already staged (the Packaging tests use it); -OutputPath
        puts the package elsewhere. Returns the package path.
    #>
    param([string] $Root, [string] $Configuration, [string] $Staged, [string] $OutputPath, [switch] $NoBuild)
    if (-not $NoBuild) { Invoke-ChatBuild -Root $Root -Configuration $Configuration -Staged $Staged | Out-Null }
    if (-not $OutputPath) { $OutputPath = Split-Path $Staged -Parent }
    $manifest = Import-PowerShellDataFile (Join-Path $Staged 'ChatApi.psd1')
    $package = Join-Path $OutputPath "ChatApi.$($manifest.ModuleVersion).nupkg"
    if (Test-Path $package) { Remove-Item $package -Force }
    New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
    # PSResourceGet writes the nuspec from the manifest (id, version, authors, description, tags,
    # ProjectUri, LicenseUri, ReleaseNotes) and validates the manifest on the way.
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    Compress-PSResource -Path $Staged -DestinationPath $OutputPath
    if (-not (Test-Path $package)) { throw "Compress-PSResource did not produce $package" }
    Write-Host "Package: $package" -ForegroundColor Cyan
    $package
}

Export-ModuleMember -Function Invoke-Chat*, Split-EmulatorArguments
