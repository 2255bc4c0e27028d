# Runs in a fresh pwsh (started by tests/Pester/Packaging.Tests.ps1) whose HOME and XDG folders
# are temporary: the repository registration and the CurrentUser install land there, never in the
# real user's profile. Registers the folder holding the .nupkg as a repository, installs ChatApi
# with Install-PSResource, imports it BY NAME, runs cmdlets against the emulator, unregisters the
# repository, and prints one JSON object.
param(
    [Parameter(Mandatory)] [string] $RepositoryPath,
    [Parameter(Mandatory)] [string] $BaseUri
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$result = [ordered]@{}
$repository = "ChatApiTest$([guid]::NewGuid().ToString('n').Substring(0, 8))"

$result.RepositoryStore = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet'
if (-not $result.RepositoryStore.StartsWith($HOME)) { throw "PSResourceGet would keep its repositories outside the temporary HOME: '$($result.RepositoryStore)'" }
Register-PSResourceRepository -Name $repository -Uri $RepositoryPath -Trusted
try {
    $result.Registered = [bool](Get-PSResourceRepository -Name $repository -ErrorAction Ignore)
    $found = Find-PSResource -Name ChatApi -Repository $repository
    $result.FoundVersion = "$($found.Version)"
    $scratch = Join-Path ([IO.Path]::GetTempPath()) "chatapi-install-$([guid]::NewGuid().ToString('n'))"
    New-Item -ItemType Directory -Path $scratch | Out-Null
    if ($IsWindows) {
        # No per-process redirection of the CurrentUser scope on Windows: save into the temporary folder instead.
        $modules = Join-Path $env:XDG_DATA_HOME 'powershell/Modules'
        Save-PSResource -Name ChatApi -Repository $repository -Path $modules -TrustRepository -Quiet
    }
    else {
        Install-PSResource -Name ChatApi -Repository $repository -Scope CurrentUser -TrustRepository -Quiet -TemporaryPath $scratch
        $installed = Get-InstalledPSResource -Name ChatApi -Scope CurrentUser
        # InstalledLocation is the Modules folder that holds ChatApi/<version>.
        $modules = "$($installed.InstalledLocation)"
        if (-not (Test-Path (Join-Path $modules 'ChatApi'))) { $modules = Split-Path $modules -Parent }
        if (-not "$modules".StartsWith($HOME)) {
            # Not in the temporary profile after all: take it away again rather than leave it behind.
            Uninstall-PSResource -Name ChatApi -Scope CurrentUser -SkipDependencyCheck
            throw "Install-PSResource installed into '$modules', outside the temporary HOME '$HOME'."
        }
    }
    Remove-Item $scratch -Recurse -Force -ErrorAction Ignore
    $installed = Get-InstalledPSResource -Name ChatApi -Path $modules -ErrorAction Ignore
    $result.InstalledVersion = "$($installed.Version)"
    $result.InstalledPath = "$($installed.InstalledLocation)"
    $result.ModulesFolder = $modules

    if (($env:PSModulePath -split [IO.Path]::PathSeparator) -notcontains $modules) {
        $env:PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    $result.ListAvailable = @(Get-Module ChatApi -ListAvailable | ForEach-Object { $_.ModuleBase })
    Import-Module ChatApi
    $module = Get-Module ChatApi
    $result.ModuleBase = $module.ModuleBase
    $result.ModuleVersion = "$($module.Version)"
    $result.CommandCount = @(Get-Command -Module ChatApi).Count

    $credential = [pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
    $session = Connect-ChatApi -Region us -TenantId acme -Credential $credential -BaseUri $BaseUri -PassThru
    $result.SessionType = $session.GetType().FullName
    $null = New-ChatWebhook -Name 'packaged' -Uri 'http://127.0.0.1:9/hooks/packaged'
    $result.WebhookNames = @(Get-ChatWebhook | ForEach-Object Name)
}
finally {
    Unregister-PSResourceRepository -Name $repository
    $result.RegisteredAfter = [bool](Get-PSResourceRepository -Name $repository -ErrorAction Ignore)
}
$result | ConvertTo-Json -Depth 4 -Compress
