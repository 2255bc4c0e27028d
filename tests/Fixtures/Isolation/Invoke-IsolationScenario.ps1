# Runs in a fresh pwsh (started by tests/Pester/Isolation.Tests.ps1): imports ChatApi and the
# ConflictFixture module (RestSharp 112.1.0, Polly.Core 8.4.2) in the order asked, uses both for
# real, and prints one JSON object describing what each saw and where the assemblies loaded.
param(
    [Parameter(Mandatory)] [ValidateSet('FixtureFirst', 'ChatApiFirst', 'ChatApiOnly')] [string] $Order,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $FixturePath
)
$ErrorActionPreference = 'Stop'
$result = [ordered]@{ Order = $Order }

function Get-LoadedNames([string] $Pattern) {
    [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match $Pattern } | ForEach-Object { $_.GetName().Name } | Sort-Object -Unique
}

function Use-Fixture([string] $Key) {
    Import-Module $FixturePath
    $info = Get-FixtureDependency
    $result[$Key] = [ordered]@{
        PollyVersion = $info.PollyVersion; PollyContext = $info.PollyContext; PollyResult = $info.PollyResult; PollyAttempts = $info.PollyAttempts
        RestSharpVersion = $info.RestSharpVersion; RestSharpContext = $info.RestSharpContext; RestSharpUri = $info.RestSharpUri
    }
}

# Who loads ChatApi.Engine first: the thread and its stack. A load on this script's thread, or one
# whose stack runs the module's own code (other than the loader that resolves it), is the module's
# doing; a load by the runtime or PowerShell on a thread of their own is reported, not counted.
Add-Type -TypeDefinition @'
public static class EngineLoadWatch
{
    public static volatile string Trace;
    public static int Thread;
    public static void Start() => System.AppDomain.CurrentDomain.AssemblyLoad += (s, e) =>
    {
        if (e.LoadedAssembly.GetName().Name == "ChatApi.Engine" && Trace == null)
        {
            Thread = System.Environment.CurrentManagedThreadId;
            Trace = System.Environment.StackTrace;
        }
    };
}
'@
[EngineLoadWatch]::Start()

function Test-EngineLoadedByModule {
    $trace = [EngineLoadWatch]::Trace
    [bool]$trace -and ([EngineLoadWatch]::Thread -eq [Environment]::CurrentManagedThreadId -or $trace -match 'at ChatApi\.(?!Loader\.)')
}

function Use-ChatApi([string] $Key) {
    Import-Module $ModulePath
    $state = [ordered]@{}
    $state.EngineLoadedAfterImport = Test-EngineLoadedByModule
    # Binding metadata of every cmdlet (parameter types, attributes) must not need the engine either.
    $null = Get-Command -Module ChatApi | ForEach-Object { $_.Parameters.Count }
    $state.EngineLoadedAfterGetCommand = Test-EngineLoadedByModule
    # What PowerShell can reach by reflection (base types, interfaces, public properties of the
    # exported types) must not name an engine type: the engine's types stay behind the cmdlets.
    $engineName = 'ChatApi.Engine'
    $state.EngineTypesInPublicSurface = @((Get-Module ChatApi).ImplementingAssembly.GetExportedTypes() | ForEach-Object {
        $type = $_
        $reachable = @($type.BaseType) + $type.GetInterfaces() +
            ($type.GetProperties([Reflection.BindingFlags]'Public, Instance, Static') | ForEach-Object PropertyType)
        $reachable | Where-Object { $_ -and $_.Assembly.GetName().Name -eq $engineName } | ForEach-Object { "$($type.FullName): $($_.FullName)" }
    })
    $state.EngineLoadedAfterReflection = Test-EngineLoadedByModule
    # Where the engine was first loaded from, if it was by now: the tests print it when they fail.
    $state.EngineLoadTrace = [EngineLoadWatch]::Trace
    $credential = [pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
    Connect-ChatApi -Region us -TenantId acme -Credential $credential -BaseUri $BaseUri
    $null = New-ChatWebhook -Name "isolation-$Key" -Uri 'http://127.0.0.1:9/hooks/isolation'
    $hooks = @(Get-ChatWebhook)
    $state.WebhookCount = $hooks.Count
    $state.WebhookType = $hooks[0].GetType().FullName
    $state.WebhookIsTypeLiteral = $hooks[0] -is [ChatApi.Webhook]
    $state.WebhookTypeContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([ChatApi.Webhook].Assembly).Name
    $result[$Key] = $state
}

switch ($Order) {
    'FixtureFirst' { Use-Fixture 'FixtureBefore'; Use-ChatApi 'ChatApi'; Use-Fixture 'FixtureAfter' }
    'ChatApiFirst' { Use-ChatApi 'ChatApi'; Use-Fixture 'FixtureAfter'; Use-ChatApi 'ChatApiAgain' }
    'ChatApiOnly'  { Use-ChatApi 'ChatApi' }
}

$moduleRoot = Split-Path $ModulePath -Parent
$result.Contexts = @([System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object {
    $alc = $_
    $alc.Assemblies | Where-Object { $_.GetName().Name -match '^(ChatApi.*|RestSharp|Polly\.Core|System\.IO\.Hashing|Microsoft\.Bcl\.TimeProvider)$' } | ForEach-Object {
        [ordered]@{
            Context = $alc.Name
            IsDefault = [object]::ReferenceEquals($alc, [System.Runtime.Loader.AssemblyLoadContext]::Default)
            Name = $_.GetName().Name
            Version = (($_.GetCustomAttributes([Reflection.AssemblyInformationalVersionAttribute], $false) | Select-Object -First 1).InformationalVersion -split '\+')[0]
            FromChatApi = $_.Location.StartsWith($moduleRoot)
        }
    }
})
$result | ConvertTo-Json -Depth 5 -Compress
