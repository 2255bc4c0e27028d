# Every kind of call through a real forward proxy asking for Basic authentication (issue 20): the npm
# package `proxy` (tests/Proxy) on 127.0.0.1, the emulator reached by this machine's host name (not
# localhost, so nothing bypasses the proxy). The proxy logs what it is asked; the tests count there.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Proxy/TestProxy.psm1') -Force
    $script:machine = Get-TestHostName
    $script:emu = Start-TestEmulator -Address $machine.Address -Arguments '--rate-limit', '0'
    # The cmdlets reach the emulator by name; the test's own checks go to its address directly.
    $script:base = "http://$($machine.Name):$(([uri]$emu.BaseUri).Port)"
    $script:proxyPassword = 'Pr0xy-P4ss-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:proxy = Start-TestProxy -User 'proxy-user' -Password $proxyPassword
    $script:proxyCred = [pscredential]::new('proxy-user', (ConvertTo-SecureString $proxyPassword -AsPlainText -Force))

    function script:Connect-ThroughProxy {
        [CmdletBinding()]
        param([string] $Api = 'V2', [switch] $NoCredential)
        $common = @{ BaseUri = $base; Proxy = $proxy.Uri; AllowUnencryptedHttp = $true; RequestsPerSecond = 0; PassThru = $true }
        if (-not $NoCredential) { $common.ProxyCredential = $proxyCred }
        if ($Api -eq 'Gateway') { Connect-ChatApi -Api Gateway -ApiKey 'demo-gateway-key' -TenantId acme @common }
        else { Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) @common }
    }

    # The authorized requests the proxy passed on since a mark (a count of its log lines), as 'METHOD /path?query'.
    function script:Get-ProxiedSince([int] $Mark) {
        @(Get-TestProxyRequest $proxy | Select-Object -Skip $Mark | Where-Object Authorized | ForEach-Object {
            $u = [uri]$_.Url
            $u.Host | Should -Be $machine.Name
            "$($_.Method) $($u.PathAndQuery)"
        })
    }
    function script:Get-ProxyMark { @(Get-TestProxyRequest $proxy).Count }
    function script:Get-ArrivedSince([long] $Mark) { @(Get-EmulatorCall $emu -After $Mark | ForEach-Object { "$($_.Method) $($_.Path)" }) }
}

AfterAll {
    Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }
    Stop-TestProxy $proxy
    Stop-TestEmulator $emu
}

Describe 'Proxy: a real proxy asking for Basic authentication' {
    It 'reaches the emulator by a host name that is not localhost' {
        $machine.Name | Should -Not -Be 'localhost'
        ([uri]$base).IsLoopback | Should -BeFalse
    }

    It 'fails Connect-ChatApi at once on a 407, naming -ProxyCredential, and keeps no session' {
        $before = @(Get-ChatSession -All).Count
        $mark = Get-ProxyMark
        $err = $null
        Connect-ThroughProxy -NoCredential -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -Be 'ChatApi.ProxyAuthentication,ChatApi.Cmdlets.ConnectChatApiCommand'
        "$($err[0])" | Should -Match '-ProxyCredential'
        @(Get-ChatSession -All).Count | Should -Be $before
        $asked = @(Get-TestProxyRequest $proxy | Select-Object -Skip $mark)
        $asked.Count | Should -Be 1 -Because 'a 407 is not retried'
        $asked[0].Authorized | Should -BeFalse
    }

    It 'sends every call of a V2 session through it: token, API calls, Invoke-ChatApiRequest, key fetches' {
        $emuMark = Get-EmulatorCallMark $emu
        $proxyMark = Get-ProxyMark
        $s = Connect-ThroughProxy
        $s.Proxy | Should -Be "$($proxy.Uri.Scheme)://$($proxy.Uri.Host):$($proxy.Uri.Port)"
        $hook = New-ChatWebhook -Name 'via-proxy' -Uri 'http://127.0.0.1:9/proxy' -Version v2.0 -Session $s
        @(Get-ChatWebhook -Session $s).Id | Should -Contain $hook.Id
        (Invoke-ChatApiRequest GET "web-hooks/$($hook.Id)" -Session $s).name | Should -Be 'via-proxy'
        # A signed delivery into the emulator's receiver; its key is fetched through the session's proxy.
        Invoke-ChatApiRequest POST 'web-hooks/verify' -Body @{ version = 'v2.0'; uri = "$($emu.BaseUri)/_receiver/proxied" } -Session $s | Out-Null
        $delivery = (Get-TestDelivery -BaseUri $emu.BaseUri -Name proxied)[-1]
        $headers = @{}; foreach ($p in $delivery.headers.PSObject.Properties) { $headers[$p.Name] = [string]$p.Value }
        Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Session $s | Should -BeTrue

        $proxied = Get-ProxiedSince $proxyMark
        $arrived = Get-ArrivedSince $emuMark
        $proxied | Should -Contain 'POST /oauth/v2/token'
        @($proxied | Where-Object { $_ -like 'GET /vcc/us/chat/v2/jwk/*' }).Count | Should -Be 1
        $arrived.Count | Should -BeGreaterOrEqual 6
        # Nothing reached the emulator that the proxy did not pass on, and the other way round.
        ($arrived | Sort-Object) -join "`n" | Should -Be (($proxied | Sort-Object) -join "`n")
    }

    It 'sends a sessionless key fetch through -Proxy with -ProxyCredential' {
        $direct = Connect-TestSession $emu
        Invoke-RestMethod -Method Post "$($emu.BaseUri)/_emulator/rotate-key" | Out-Null   # a key no cache holds yet
        Invoke-ChatApiRequest POST 'web-hooks/verify' -Body @{ version = 'v2.0'; uri = "$($emu.BaseUri)/_receiver/sessionless" } -Session $direct | Out-Null
        Disconnect-ChatApi -Session $direct
        $delivery = (Get-TestDelivery -BaseUri $emu.BaseUri -Name sessionless)[-1]
        $headers = @{}; foreach ($p in $delivery.headers.PSObject.Properties) { $headers[$p.Name] = [string]$p.Value }
        $proxyMark = Get-ProxyMark
        Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Region us -BaseUri $base -Proxy $proxy.Uri -ProxyCredential $proxyCred | Should -BeTrue
        @(Get-ProxiedSince $proxyMark | Where-Object { $_ -like 'GET /vcc/us/chat/v2/jwk/*' }).Count | Should -Be 1
    }

    It 'sends a Gateway session''s calls and file transfers through it' {
        $conv = & (Join-Path $PSScriptRoot '../../bench/attachments/New-GatewayConversation.ps1') -BaseUri $emu.BaseUri -Receiver 'gw-proxy'
        $file = Join-Path ([IO.Path]::GetTempPath()) "chatapi-proxy-$PID.bin"
        $bytes = [byte[]]::new(100KB); [Random]::new(5).NextBytes($bytes); [IO.File]::WriteAllBytes($file, $bytes)
        try {
            $emuMark = Get-EmulatorCallMark $emu
            $proxyMark = Get-ProxyMark
            $gw = Connect-ThroughProxy -Api Gateway
            $a = Add-ChatAttachment -ConversationId $conv.ConversationId -Path $file -Session $gw
            $saved = $a | Save-ChatAttachment -Destination "$file.copy" -Session $gw
            (Get-FileHash $saved.FullName).Hash | Should -Be (Get-FileHash $file).Hash
            $proxied = Get-ProxiedSince $proxyMark
            $proxied | Should -Contain "POST /chat-gateway/v1/conversations/$($conv.ConversationId)/attachments"
            @($proxied | Where-Object { $_ -like 'GET */content*' }).Count | Should -BeGreaterOrEqual 1
            ((Get-ArrivedSince $emuMark) | Sort-Object) -join "`n" | Should -Be (($proxied | Sort-Object) -join "`n")
        }
        finally { Remove-Item $file, "$file.copy" -ErrorAction SilentlyContinue }
    }

    It 'never shows the proxy password: not in any stream, the error of a refused one, or Get-ChatSession' {
        $wrong = [pscredential]::new('proxy-user', (ConvertTo-SecureString "$proxyPassword-wrong" -AsPlainText -Force))
        $all = & {
            Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $base -Proxy $proxy.Uri -ProxyCredential $wrong `
                -AllowUnencryptedHttp -Verbose -Debug -ErrorAction Continue
            $s = Connect-ThroughProxy -Verbose -Debug
            Get-ChatWebhook -Session $s -Verbose -Debug
            Get-ChatSession -All | Format-List * | Out-String
            Get-ChatSession -All | ConvertTo-Json -Depth 3
        } *>&1 | Out-String
        $all | Should -Match 'ProxyAuthentication|-ProxyCredential'
        $all | Should -Not -Match ([regex]::Escape($proxyPassword))
        $all | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("proxy-user:$proxyPassword"))))
    }
}
