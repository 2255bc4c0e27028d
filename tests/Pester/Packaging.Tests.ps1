# The module as users get it: the manifest's metadata, the exported cmdlets, and the package made
# by `./build.ps1 -Task Package` installed with Install-PSResource from a local repository and
# imported by name in a fresh pwsh.
BeforeAll {
    Import-Module $PSScriptRoot/TestHelpers.psm1 -Force
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:staged = Split-Path $env:CHATAPI_TEST_MODULE -Parent
    $script:manifest = Import-PowerShellDataFile $env:CHATAPI_TEST_MODULE
    $script:psData = $manifest.PrivateData.PSData
    $script:version = $manifest.ModuleVersion

    # The same packing step as the Package task, on the module the Test task staged.
    Import-Module (Join-Path $root 'build/BuildTasks.psm1') -Force
    $script:repo = Join-Path $TestDrive 'repo'
    $script:package = Invoke-ChatPackage -Root $root -Configuration Release -Staged $staged -OutputPath $repo -NoBuild 6>$null
    Remove-Module BuildTasks -ErrorAction Ignore

    # The cmdlets the assembly defines, read by reflection.
    $script:defined = & {
        Import-Module $env:CHATAPI_TEST_MODULE -Force
        (Get-Module ChatApi).ImplementingAssembly.GetExportedTypes() |
            Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) -and -not $_.IsAbstract } |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
    }
}

Describe 'Packaging: manifest' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest $env:CHATAPI_TEST_MODULE -ErrorAction Stop
        $info.Name | Should -Be 'ChatApi'
        $info.Version | Should -Be ([version]$version)
    }

    It 'exports exactly the cmdlets ChatApi.dll defines, by name, no wildcards' {
        $defined | Should -Not -BeNullOrEmpty
        @($manifest.CmdletsToExport | Sort-Object) | Should -Be @($defined)
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $manifest.ContainsKey($key) | Should -BeTrue -Because "$key must be explicit"
            $manifest[$key] | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        }
        @((Get-Module ChatApi).ExportedCmdlets.Keys | Sort-Object) | Should -Be @($defined)
    }

    It 'declares editions, PowerShell version, version, GUID, author and description' {
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        [version]$manifest.PowerShellVersion | Should -BeGreaterOrEqual ([version]'7.4') -Because 'ChatApi.Loader targets net8.0 (PowerShell 7.4 and later)'
        [version]$version | Should -Not -BeNullOrEmpty
        [guid]$manifest.GUID | Should -Not -Be ([guid]::Empty)
        $manifest.Author | Should -Not -BeNullOrEmpty
        $manifest.Description.Length | Should -BeGreaterThan 20
        $manifest.RootModule | Should -Be 'ChatApi.dll'
    }

    It 'declares Tags, ProjectUri, LicenseUri and ReleaseNotes' {
        $psData.Tags | Should -Contain 'PSEdition_Core'
        @($psData.Tags).Count | Should -BeGreaterThan 3
        $psData.Tags | Where-Object { $_ -match '\s' } | Should -BeNullOrEmpty -Because 'NuGet tags cannot hold spaces'
        [uri]::IsWellFormedUriString($psData.ProjectUri, 'Absolute') | Should -BeTrue
        [uri]::IsWellFormedUriString($psData.LicenseUri, 'Absolute') | Should -BeTrue
        $psData.ReleaseNotes | Should -Match "(?m)^## $([regex]::Escape($version))\s*$"
    }

    It 'has a CHANGELOG entry for this version and an MIT LICENSE, both shipped' {
        Get-Content (Join-Path $root 'CHANGELOG.md') -Raw | Should -Match "(?m)^## \[$([regex]::Escape($version))\]"
        $license = Get-Content (Join-Path $root 'LICENSE') -Raw
        $license | Should -Match '^MIT License'
        $license | Should -Match 'ChatApi contributors'
        Join-Path $staged 'LICENSE' | Should -Exist
        Join-Path $staged 'CHANGELOG.md' | Should -Exist
    }
}

Describe 'Packaging: the .nupkg' {
    BeforeAll {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package)
        try {
            $script:entries = @($zip.Entries | ForEach-Object FullName)
            $reader = [IO.StreamReader]::new(($zip.Entries | Where-Object FullName -EQ 'ChatApi.nuspec').Open())
            $script:nuspec = ([xml]$reader.ReadToEnd()).package.metadata
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
    }

    It 'is named ChatApi.<version>.nupkg' {
        Split-Path $package -Leaf | Should -Be "ChatApi.$version.nupkg"
    }

    It 'carries the module with its engine in Dependencies/' {
        foreach ($file in 'ChatApi.psd1', 'ChatApi.dll', 'ChatApi.Models.dll', 'ChatApi.Loader.dll', 'LICENSE',
            'Dependencies/ChatApi.Engine.dll', 'Dependencies/RestSharp.dll', 'Dependencies/Polly.Core.dll') {
            $entries | Should -Contain $file
        }
        $entries | Where-Object { $_ -match '^(RestSharp|Polly\.Core|ChatApi\.Engine)\.dll$' } | Should -BeNullOrEmpty
    }

    It 'has a nuspec made from the manifest' {
        $nuspec.id | Should -Be 'ChatApi'
        $nuspec.version | Should -Be $version
        $nuspec.projectUrl | Should -Be $psData.ProjectUri
        $nuspec.licenseUrl | Should -Be $psData.LicenseUri
        $nuspec.tags -split ' ' | Should -Contain 'PSModule'
        $nuspec.releaseNotes | Should -Match ([regex]::Escape("## $version"))
    }
}

Describe 'Packaging: Install-PSResource from a local repository' {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0')
        $script:dataHome = Join-Path $TestDrive 'userdata'
        New-Item -ItemType Directory -Path $dataHome | Out-Null
        $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        $pwshArgs = if (Test-Path $pwsh) { @() } else { $pwsh = 'dotnet'; @(Join-Path $PSHOME 'pwsh.dll') }
        # A temporary profile for the child: PSResourceGet keeps its repository list under the user's
        # data folder and installs CurrentUser modules under HOME.
        $names = 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'
        $saved = @{}; foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            $env:HOME = $dataHome
            $env:XDG_DATA_HOME = Join-Path $dataHome '.local/share'
            $env:XDG_CONFIG_HOME = Join-Path $dataHome '.config'
            $env:XDG_CACHE_HOME = Join-Path $dataHome '.cache'
            # .NET answers "" for a special folder that does not exist, and PSResourceGet would then
            # keep its repository list relative to the current directory: create them first.
            foreach ($name in $names) { New-Item -ItemType Directory -Path ([Environment]::GetEnvironmentVariable($name)) -Force | Out-Null }
            $output = & $pwsh @pwshArgs -WorkingDirectory $dataHome -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot '../Fixtures/Packaging/Install-FromLocalRepository.ps1') `
                -RepositoryPath $repo -BaseUri $emu.BaseUri 2>&1
        }
        finally { foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        $json = $output | Where-Object { $_ -is [string] -and $_.StartsWith('{') } | Select-Object -Last 1
        if (-not $json) { throw "The install scenario failed (exit code $LASTEXITCODE): $($output -join [Environment]::NewLine)" }
        $script:install = $json | ConvertFrom-Json
    }

    AfterAll {
        Stop-TestEmulator $script:emu
    }

    It 'finds and installs this version into the temporary user folder' {
        $install.Registered | Should -BeTrue
        $install.FoundVersion | Should -Be $version
        $install.InstalledVersion | Should -Be $version
        $install.ModulesFolder | Should -BeLike "$dataHome*"
        Join-Path $install.ModulesFolder "ChatApi/$version/ChatApi.psd1" | Should -Exist
        Join-Path $install.ModulesFolder "ChatApi/$version/Dependencies/ChatApi.Engine.dll" | Should -Exist
    }

    It 'imports by name from the installed folder with every cmdlet' {
        $install.ModuleBase | Should -Be (Join-Path $install.ModulesFolder "ChatApi/$version")
        $install.ModuleVersion | Should -Be $version
        $install.CommandCount | Should -Be @($manifest.CmdletsToExport).Count
    }

    It 'connects to the emulator and lists webhooks' {
        $install.SessionType | Should -Be 'ChatApi.ChatSession'
        $install.WebhookNames | Should -Contain 'packaged'
    }

    It 'unregisters the repository afterwards' {
        $install.RegisteredAfter | Should -BeFalse
    }
}
