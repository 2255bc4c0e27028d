# Starts and stops the real forward proxy of proxy.mjs for the Pester suites, and names this machine
# by a host name other than localhost, so that no request to the emulator can bypass the proxy.
Set-StrictMode -Version Latest

function Install-TestProxy {
    <# npm ci in tests/Proxy when its packages are missing or older than package-lock.json. #>
    $dir = $PSScriptRoot
    $marker = Join-Path $dir 'node_modules/.package-lock.json'
    $lock = Join-Path $dir 'package-lock.json'
    if ((Test-Path $marker) -and (Get-Item $marker -Force).LastWriteTimeUtc -ge (Get-Item $lock).LastWriteTimeUtc) { return }
    if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { throw 'npm is needed for the proxy tests (tests/Proxy): install Node.js and npm.' }
    Push-Location $dir
    try {
        $out = & npm ci --no-audit --no-fund 2>&1
        if ($LASTEXITCODE -ne 0) { throw "npm ci in tests/Proxy failed ($LASTEXITCODE): $out" }
    }
    finally { Pop-Location }
}

function Start-TestProxy {
    <#
    .SYNOPSIS
        Starts the proxy on a free port of 127.0.0.1, asking for Basic authentication with -User and
        -Password; returns Uri, Process, LogPath. Stop it with Stop-TestProxy (it also exits when this
        process goes away: it stops when its standard input closes).
    #>
    param([Parameter(Mandatory)] [string] $User, [Parameter(Mandatory)] [string] $Password, [int] $TimeoutSeconds = 30)
    Install-TestProxy
    $log = [IO.Path]::GetTempFileName()
    $psi = [Diagnostics.ProcessStartInfo]::new('node')
    $psi.ArgumentList.Add((Join-Path $PSScriptRoot 'proxy.mjs'))
    $psi.WorkingDirectory = $PSScriptRoot
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.Environment['PROXY_USER'] = $User
    $psi.Environment['PROXY_PASSWORD'] = $Password
    $psi.Environment['PROXY_LOG'] = $log
    $process = [Diagnostics.Process]::Start($psi)
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or -not $line.Result) {
        $process.Kill($true)
        throw "The proxy did not start within $TimeoutSeconds s: $($process.StandardError.ReadToEnd())"
    }
    $port = ($line.Result | ConvertFrom-Json).port
    [pscustomobject]@{ Uri = [uri]"http://127.0.0.1:$port"; Process = $process; LogPath = $log }
}

function Stop-TestProxy {
    <# Stops the proxy (closing its input, then killing it if it is still there) and removes its log. #>
    param($Proxy)
    if (-not $Proxy) { return }
    if (-not $Proxy.Process.HasExited) {
        $Proxy.Process.StandardInput.Close()
        if (-not $Proxy.Process.WaitForExit(5000)) { $Proxy.Process.Kill($true); $Proxy.Process.WaitForExit(5000) | Out-Null }
    }
    Remove-Item $Proxy.LogPath -ErrorAction SilentlyContinue
}

function Get-TestProxyRequest {
    <# What the proxy was asked, oldest first: Method, Url (absolute for a plain request, host:port for CONNECT) and Authorized. #>
    param([Parameter(Mandatory)] $Proxy)
    Get-Content $Proxy.LogPath | Where-Object { $_ } | ForEach-Object {
        $r = $_ | ConvertFrom-Json
        [pscustomobject]@{ Method = $r.method; Url = $r.url; Authorized = [bool]$r.authorized }
    }
}

function Get-TestHostName {
    <#
    This machine's host name and the IPv4 address it resolves to, when that address is this machine's
    (a loopback address, or one of its interfaces). Never localhost: .NET sends requests to localhost
    and 127.0.0.1 around a proxy, so those would prove nothing.
    #>
    $name = [Net.Dns]::GetHostName()
    if ($name -eq 'localhost') { throw 'This machine is named localhost: the proxy tests need another name that resolves to it.' }
    $local = @([Net.NetworkInformation.NetworkInterface]::GetAllNetworkInterfaces() | ForEach-Object { foreach ($u in $_.GetIPProperties().UnicastAddresses) { $u.Address } })
    $address = [Net.Dns]::GetHostAddresses($name) | Where-Object {
        $_.AddressFamily -eq 'InterNetwork' -and ([Net.IPAddress]::IsLoopback($_) -or $local -contains $_)
    } | Select-Object -First 1
    if (-not $address) { throw "The host name '$name' does not resolve to an IPv4 address of this machine; the proxy tests need one (add it to /etc/hosts)." }
    [pscustomobject]@{ Name = $name; Address = "$address" }
}

Export-ModuleMember -Function Install-TestProxy, Start-TestProxy, Stop-TestProxy, Get-TestProxyRequest, Get-TestHostName
