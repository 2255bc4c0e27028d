# Invoke-ChatApiRequest (issue 20): calls the cmdlets do not make, through the session's client,
# against the emulator over real HTTP; the emulator's request log says what reached the server.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # 150 channels: two pages of 100 through -All.
    $script:emu = Start-TestEmulator -Arguments '--rate-limit', '0', '--seed-legacy', '150', '--seed-uris', '3'
    $script:v2 = Connect-TestSession -Emulator $emu
    $script:gw = Connect-ChatApi -Api Gateway -ApiKey 'demo-gateway-key' -TenantId acme -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -ErrorAction Stop
}

AfterAll {
    Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $emu
}

Describe 'Invoke-ChatApiRequest: paths under the session''s API root' {
    It 'reads a V2 list relative to the tenant root, as the cmdlet reads it' {
        $mark = Get-EmulatorCallMark $emu
        $answer = Invoke-ChatApiRequest GET 'web-hooks' -Query @{ size = 5 } -Session $v2
        $answer.data.Count | Should -Be 5
        $answer.data[0].id | Should -Not -BeNullOrEmpty
        $calls = @(Get-EmulatorCall $emu -After $mark)
        $calls.Count | Should -Be 1
        $calls[0].Path | Should -BeLike '/vcc/us/chat/v2/tenant/acme/web-hooks?*size=5*'
    }

    It 'reads one item by id, on V2 and on the Gateway (x-api-key and X-8x8-Tenant sent for it)' {
        $channel = Get-ChatChannel -Session $v2 -First 1
        (Invoke-ChatApiRequest GET "channels/$($channel.Id)" -Session $v2).name | Should -Be $channel.Name
        $mark = Get-EmulatorCallMark $emu
        (Invoke-ChatApiRequest GET "channels/$($channel.Id)" -Session $gw).name | Should -Be $channel.Name
        (Get-EmulatorCall $emu -After $mark)[0].Path | Should -Be "/chat-gateway/v1/channels/$($channel.Id)"
    }

    It 'takes a full URI on the session''s host and refuses another host before any call' {
        $uri = "$($emu.BaseUri)/vcc/us/chat/v2/tenant/acme/web-hooks?size=2"
        (Invoke-ChatApiRequest GET $uri -Session $v2).data.Count | Should -Be 2
        $mark = Get-EmulatorCallMark $emu
        $err = $null
        Invoke-ChatApiRequest GET 'http://other.example.invalid/vcc/us/chat/v2/tenant/acme/web-hooks' -Session $v2 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidArgument,*'
        "$($err[0])" | Should -Match "Path.*session's host"
        @(Get-EmulatorCall $emu -After $mark).Count | Should -Be 0
    }

    It 'refuses a header the session sets itself' {
        { Invoke-ChatApiRequest GET 'web-hooks' -Headers @{ Authorization = 'Bearer stolen' } -Session $v2 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*Parameter 'Headers'*must not set 'Authorization'*"
    }

    It 'ends a failed call in the ChatApi error id of every cmdlet, with the server''s message' {
        $err = $null
        Invoke-ChatApiRequest GET 'web-hooks/999999' -Session $v2 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ChatApi.NotFound,ChatApi.Cmdlets.InvokeChatApiRequestCommand'
        "$($err[0])" | Should -Match '404 GET /vcc/us/chat/v2/tenant/acme/web-hooks/999999'
    }
}

Describe 'Invoke-ChatApiRequest: output types' {
    It 'gives the text with -OutputType Json and the answer with -OutputType HttpResponse' {
        $json = Invoke-ChatApiRequest GET 'web-hooks' -Query @{ size = 1 } -OutputType Json -Session $v2
        $json | Should -BeOfType [string]
        ($json | ConvertFrom-Json).data.Count | Should -Be 1
        $r = Invoke-ChatApiRequest GET 'web-hooks' -Query @{ size = 1 } -OutputType HttpResponse -Session $v2
        $r | Should -BeOfType [ChatApi.ChatHttpResponse]
        $r.StatusCode | Should -Be 200
        $r.Headers['Content-Type'] | Should -BeLike 'application/json*'
        $r.Attempts | Should -Be 1
        $r.Content | Should -Be $json
    }
}

Describe 'Invoke-ChatApiRequest: changes' {
    It 'creates with a hashtable body, and -WhatIf sends nothing' {
        $body = @{ name = 'raw-hook'; uri = 'http://127.0.0.1:9/raw'; version = 'v2.0' }
        $mark = Get-EmulatorCallMark $emu
        Invoke-ChatApiRequest POST 'web-hooks' -Body $body -Session $v2 -WhatIf
        @(Get-EmulatorCall $emu -After $mark).Count | Should -Be 0
        $created = Invoke-ChatApiRequest POST 'web-hooks' -Body $body -Session $v2 -Confirm:$false
        $created.id | Should -Not -BeNullOrEmpty
        (Get-ChatWebhook -Id $created.id -Session $v2).Name | Should -Be 'raw-hook'
        Invoke-ChatApiRequest DELETE "web-hooks/$($created.id)" -Session $v2 -Confirm:$false
        { Get-ChatWebhook -Id $created.id -Session $v2 -ErrorAction Stop } | Should -Throw
    }

    It 'asks for non-GET methods only' {
        $attr = Get-CmdletAttribute Invoke-ChatApiRequest
        $attr.SupportsShouldProcess | Should -BeTrue
        $mark = Get-EmulatorCallMark $emu
        $out = Invoke-ChatApiRequest GET 'web-hooks' -Query @{ size = 1 } -Session $v2 -WhatIf
        $out.data.Count | Should -Be 1
        @(Get-EmulatorCall $emu -After $mark).Count | Should -Be 1
    }
}

Describe 'Invoke-ChatApiRequest -All' {
    It 'follows V2''s pages: <_>' -ForEach 'V2', 'Gateway' {
        $session = if ($_ -eq 'V2') { $v2 } else { $gw }
        $expected = @(Get-ChatChannel -Session $session).Count
        $expected | Should -BeGreaterThan 100
        $mark = Get-EmulatorCallMark $emu
        $items = @(Invoke-ChatApiRequest GET channels -All -Session $session)
        $items.Count | Should -Be $expected
        @($items.id | Sort-Object -Unique).Count | Should -Be $expected
        @(Get-EmulatorCall $emu -After $mark | Where-Object Method -eq GET).Count | Should -Be 2
    }

    It 'writes items as each page arrives: -First 3 reads one page' {
        $mark = Get-EmulatorCallMark $emu
        $items = @(Invoke-ChatApiRequest GET channels -All -OutputType Json -Session $gw | Select-Object -First 3)
        $items.Count | Should -Be 3
        ($items[0] | ConvertFrom-Json).id | Should -Not -BeNullOrEmpty
        @(Get-EmulatorCall $emu -After $mark).Count | Should -Be 1
    }

    It 'refuses -All with HttpResponse, and a page or size of its own' {
        { Invoke-ChatApiRequest GET channels -All -OutputType HttpResponse -Session $v2 -ErrorAction Stop } | Should -Throw -ExpectedMessage "*OutputType*"
        { Invoke-ChatApiRequest GET channels -All -Query @{ size = 5 } -Session $v2 -ErrorAction Stop } | Should -Throw -ExpectedMessage "*page or size*"
    }
}

Describe 'Invoke-ChatApiRequest: -Path completion' {
    It 'offers the paths of the session''s API description' {
        $line = 'Invoke-ChatApiRequest GET conv'
        Set-ChatSession $v2
        $v2Paths = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $v2Paths | Should -Contain 'conversations'
        $v2Paths | Should -Contain "'conversations/{conversation-id}/messages'"
        $gwPaths = (TabExpansion2 -inputScript "$line -Session `$gw" -cursorColumn $line.Length).CompletionMatches.CompletionText
        $gwPaths | Should -Contain "'conversations/{conversationId}/attachments'"
    }
}
