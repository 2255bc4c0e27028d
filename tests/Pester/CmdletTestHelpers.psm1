# Helpers shared by the Pester suites that drive the cmdlets: a demo credential, a session, and readers of -Verbose output.
Set-StrictMode -Version Latest

function New-TestCredential {
    param([string] $Key = 'demo-key', [string] $Secret = 'demo-secret')
    [pscredential]::new($Key, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

function Connect-TestSession {
    <# Connects to the emulator with the demo key and returns the session; no client-side rate limit unless given. #>
    param([Parameter(Mandatory)] $Emulator, [string] $Region = 'us', [string] $Tenant = 'acme', [double] $RequestsPerSecond = 0)
    Connect-ChatApi -Region $Region -TenantId $Tenant -Credential (New-TestCredential) -BaseUri $Emulator.BaseUri `
        -RequestsPerSecond $RequestsPerSecond -PassThru -ErrorAction Stop
}

function Get-ApiCall {
    <#
    The calls the engine reported on the Verbose stream ('GET /path?query -> 200 (attempt 1, 3 ms)'),
    as objects with Method, Path, Status and Attempt. Pass the merged output of a command run with -Verbose 4>&1
    or the lines of a file it was redirected to.
    #>
    param([Parameter(ValueFromPipeline)] $Record)
    process {
        $text = if ($Record -is [System.Management.Automation.VerboseRecord]) { $Record.Message } elseif ($Record -is [string]) { $Record } else { return }
        if ($text -match '^(GET|POST|PUT|DELETE) (/\S+) -> (\d+) \(attempt (\d+)') {
            [pscustomobject]@{ Method = $Matches[1]; Path = $Matches[2]; Status = [int]$Matches[3]; Attempt = [int]$Matches[4] }
        }
    }
}

function Select-Output {
    <# Drops Verbose, Debug, Warning and Information records from merged output. #>
    param([Parameter(ValueFromPipeline)] $Record)
    process {
        if ($Record -is [System.Management.Automation.VerboseRecord] -or $Record -is [System.Management.Automation.DebugRecord] -or
            $Record -is [System.Management.Automation.WarningRecord] -or $Record -is [System.Management.Automation.InformationRecord]) { return }
        $Record
    }
}

function Get-CmdletAttribute {
    <# The [Cmdlet] attribute of a module cmdlet (ConfirmImpact, SupportsShouldProcess). #>
    param([Parameter(Mandatory)] [string] $Name)
    (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
}

Export-ModuleMember -Function New-TestCredential, Connect-TestSession, Get-ApiCall, Select-Output, Get-CmdletAttribute
