# Format views and output polish: every public output type has a table and a list view, a table of a
# realistic (long-valued) object fits 80 columns, Get-Member shows the stable type name and ToString()
# says something an admin can read.
BeforeDiscovery {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:ModelTypes = @([ChatApi.Webhook].Assembly.GetExportedTypes() |
            Where-Object { $_.IsClass -and -not $_.IsAbstract -and -not $_.IsNested } |
            Sort-Object FullName |
            ForEach-Object { @{ Type = $_; Name = $_.FullName } })
}

BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # The views load with the module's first command, as they would for a user (see the last Describe).
    Get-ChatSession -All | Out-Null

    # Values as long as real ones get (ids are GUIDs, URIs are long), so a view that does not fit shows up.
    $script:Long = @{
        String         = 'ContosoSupportEnterpriseProductionChannelNumberOne-with-a-very-long-name-that-goes-on-and-on-past-120-columns'
        Uri            = 'https://hooks.contoso-enterprise.example.com/8x8/chat/events/production/region-eu/tenant-acme01/v2?x=1'
        Guid           = '9f0c6a1e-3b7d-4c2a-8e51-0d6f4b2a7c93'
        DateTimeOffset = [DateTimeOffset]::new(2026, 11, 26, 13, 54, 28, [TimeSpan]::FromHours(1))
    }

    function New-RealisticObject {
        param([Type] $Type)
        if ($Type -eq [ChatApi.ChatSession]) {
            return [ChatApi.ChatSession]::new('eu', 'acme-enterprise-01', [uri]'https://api.8x8.com/', 'p8Zk1mQw7rT2yU5iO9aS3dF6gH', 5, [Func[Nullable[DateTimeOffset]]] { [DateTimeOffset]::Now.AddHours(1) })
        }
        $o = [Activator]::CreateInstance($Type)
        foreach ($p in $Type.GetProperties()) {
            if (-not $p.CanWrite) { continue }
            $t = [Nullable]::GetUnderlyingType($p.PropertyType); if (-not $t) { $t = $p.PropertyType }
            $value = switch ($t) {
                ([string]) {
                    switch -Wildcard ($p.Name) {
                        '*Uri' { $script:Long.Uri; break } '*Id' { $script:Long.Guid; break }
                        'Version' { 'v2.0'; break } 'NotificationVersion' { 'v2.0'; break } 'Status' { 'handling'; break } 'Region' { 'eu'; break }
                        'EventType' { 'TEXT'; break } 'AuthorType' { 'user'; break } 'Type' { 'agent'; break } 'Kind' { 'Channel'; break }
                        default { $script:Long.String }
                    }
                }
                ([int]) { 12345 }
                ([bool]) { $true }
                ([DateTimeOffset]) { $script:Long.DateTimeOffset }
                ([TimeSpan]) { [TimeSpan]::FromSeconds(83.4) }
                default {
                    if ($t.IsEnum) { [Enum]::GetValues($t)[1] }
                    elseif ($t -eq [ChatApi.SignatureCheckResult]) { New-RealisticObject $t }
                    elseif ($t -eq [ChatApi.Events.WebhookEvent]) { New-RealisticObject ([ChatApi.Events.TextEvent]) }
                    elseif ($t.IsGenericType -and $t.GetGenericTypeDefinition() -eq [Collections.Generic.IDictionary`2]) {
                        $d = [Collections.Generic.Dictionary[string, string]]::new(); $d['caseId'] = 'C-1001'; $d['x-8x8-retry'] = '0'; $d
                    }
                    elseif ($t.IsGenericType -and $t.GetGenericTypeDefinition() -eq [Collections.Generic.IList`1]) {
                        $l = [Activator]::CreateInstance([Collections.Generic.List`1].MakeGenericType($t.GetGenericArguments()[0]))
                        $l.Add((New-RealisticObject $t.GetGenericArguments()[0])); , $l
                    }
                }
            }
            if ($null -ne $value) { $p.SetValue($o, $value) }
        }
        $o
    }

    function Test-HasView {
        param([Type] $Type, [string] $Control)
        for ($t = $Type; $t -and $t -ne [object]; $t = $t.BaseType) {
            $data = Get-FormatData -TypeName $t.FullName -PowerShellVersion $PSVersionTable.PSVersion
            if ($data -and @($data.FormatViewDefinition | Where-Object { $_ -and $_.Control.GetType().Name -eq $Control }).Count) { return $true }
        }
        $false
    }
}

Describe 'Formatting: view for <Name>' -ForEach $ModelTypes {
    BeforeAll { $object = New-RealisticObject $Type }

    It 'has a table view and a list view' {
        Test-HasView $Type 'TableControl' | Should -BeTrue -Because "$Name needs a default table"
        Test-HasView $Type 'ListControl' | Should -BeTrue -Because "$Name needs a list view with the detail"
    }

    It 'prints a table within 80 columns' {
        $text = $object | Format-Table | Out-String -Width 80
        $lines = $text -split "`r?`n"
        $tooLong = @($lines | Where-Object { $_.Length -gt 80 })
        $tooLong | Should -BeNullOrEmpty -Because "every line of Format-Table for $Name must fit 80 columns:`n$text"
        ($lines | Where-Object { $_.Trim() }).Count | Should -BeGreaterOrEqual 3 -Because 'a header, a rule and a row'
    }

    It 'uses its own table view rather than the default property table' {
        $formats = @($object | Format-Table)
        $formats[0].GetType().Name | Should -Be 'FormatStartData'
        $text = $object | Format-Table | Out-String -Width 120
        $text | Should -Not -Match 'Microsoft\.PowerShell|System\.Collections'
    }

    It 'prints a list with the detail' {
        $text = $object | Format-List | Out-String -Width 120
        ($text -split "`r?`n" | Where-Object { $_ -match '^\S.*\s:\s' -or $_ -match '^\S.*:$' }).Count | Should -BeGreaterOrEqual 3
    }

    It 'shows its stable type name in Get-Member' {
        ($object | Get-Member | Select-Object -First 1).TypeName | Should -Be $Name
        $object.PSObject.TypeNames[0] | Should -Be $Name
    }

    It 'has a meaningful ToString()' {
        $s = $object.ToString()
        $s | Should -Not -BeNullOrEmpty
        $s | Should -Not -Be $Name
        $s | Should -Not -Match '^ChatApi\.'
    }
}

Describe 'Formatting: the session' {
    It 'shows Region, TenantId, BaseUri and ApiKey in its table, TokenExpiresAt in its list, and no secret or token' {
        $session = New-RealisticObject ([ChatApi.ChatSession])
        $table = $session | Format-Table | Out-String -Width 80
        foreach ($column in 'Region', 'TenantId', 'BaseUri', 'ApiKey') { $table | Should -Match $column }
        $list = $session | Format-List | Out-String -Width 80
        $list | Should -Match 'TokenExpiresAt'
        $list | Should -Not -Match 'Secret|AccessToken|Bearer'
        $session.PSObject.Properties.Name | Should -Not -Contain 'ApiSecret'
    }
}

Describe 'Formatting: a mixed stream of webhook events' {
    It 'prints every event type in one table' {
        $events = foreach ($t in 'QueuedEvent', 'AgentJoinedEvent', 'AgentLeftEvent', 'TransferEvent', 'TextEvent', 'WebhookVerifyEvent', 'UnknownEvent') {
            New-RealisticObject ("ChatApi.Events.$t" -as [Type])
        }
        $text = $events | Format-Table | Out-String -Width 80
        ($text -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
        # One table: a single header line for all seven events.
        @($text -split "`r?`n" | Where-Object { $_ -match '^EventType\s' }).Count | Should -Be 1
    }
}

# Display that fits (issue 15): every table fits 80 columns;
# at its target width a table shows every column with its whole header, named after its property.
Describe 'Formatting: tables fit their target width' {
    BeforeDiscovery {
        $format = [xml](Get-Content (Join-Path $PSScriptRoot '../../src/ChatApi/ChatApi.format.ps1xml') -Raw)
        $script:Tables = @($format.Configuration.ViewDefinitions.View | Where-Object { $_.TableControl } | ForEach-Object {
                @{ View = $_.Name; Target = 80; Xml = $_ }
            })
    }

    It '<View> leaves room within <Target> columns (declared widths, separators and at least 8 for the last column)' -ForEach $Tables {
        $headers = @($Xml.TableControl.TableHeaders.TableColumnHeader)
        $widths = @($headers | ForEach-Object { if ($_.Width) { [int]$_.Width } else { 8 } })
        (($widths | Measure-Object -Sum).Sum + $widths.Count - 1) | Should -BeLessOrEqual $Target
        $headers | Where-Object Width | ForEach-Object { [int]$_.Width | Should -BeGreaterOrEqual $_.Label.Length -Because "the header '$($_.Label)' must not be cut" }
    }

    It '<View> names each header after the property it shows' -ForEach $Tables {
        $headers = @($Xml.TableControl.TableHeaders.TableColumnHeader)
        $items = @($Xml.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
        # Detail sums up whichever event it is (queue, agent, text): it shows no one property.
        $computed = @{ 'ChatApi.Events.WebhookEvent' = 'Detail' }
        for ($i = 0; $i -lt $headers.Count; $i++) {
            if ($computed[$View] -eq $headers[$i].Label) { continue }
            $shown = if ($items[$i].PropertyName) { $items[$i].PropertyName } else { $items[$i].ScriptBlock }
            $shown | Should -Match "\b$([regex]::Escape($headers[$i].Label))\b" -Because "column $($headers[$i].Label) of $View"
        }
    }

    It '<View> shows every header whole at <Target> columns' -ForEach ($Tables | Where-Object { ($_.View -as [Type]) -and -not ($_.View -as [Type]).IsAbstract }) {
        $object = New-RealisticObject ($View -as [Type])
        $lines = @(($object | Format-Table | Out-String -Width $Target) -split "`r?`n" | Where-Object { $_.Trim() })
        foreach ($h in $Xml.TableControl.TableHeaders.TableColumnHeader) { $lines[0] | Should -Match "(^|\s)$([regex]::Escape($h.Label))(\s|$)" }
        @($lines | Where-Object { $_.Length -gt $Target }) | Should -BeNullOrEmpty
    }

    It 'cuts a long URI in the middle, keeping its host and the end of its path' {
        $hook = [ChatApi.Webhook]@{ Id = '12'; Name = 'support'; Version = 'v2.0'; Uri = 'https://hooks.contoso-enterprise.example.com/8x8/chat/events/production/tenant-acme01/v2' }
        $row = @(($hook | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ -match '^12\s' })[0]
        $row | Should -Match 'https://hooks\.cont.*…\S*tenant-acme01/v2\s*$'
        $row.Length | Should -BeLessOrEqual 80
        [ChatApi.Display]::Cut('abcdefghij', 5) | Should -Be 'ab…ij'
        [ChatApi.Display]::Cut('short', 37) | Should -Be 'short'
    }
}

Describe 'Formatting: the views load with the first command, not at import' {
    It 'has no ChatApi view right after Import-Module, and every one after the first ChatApi command' {
        $exe, $rest = Get-PwshCommand
        $script = "Import-Module '$($env:CHATAPI_TEST_MODULE -replace "'", "''")'; " +
            "'before=' + @(Get-FormatData -TypeName ChatApi.Webhook).Count; " +
            "Get-ChatSession -All | Out-Null; " +
            "'after=' + @(Get-FormatData -TypeName ChatApi.Webhook, ChatApi.Channel, ChatApi.ChatSession).Count"
        $lines = & $exe @rest -NoProfile -NonInteractive -c $script
        $LASTEXITCODE | Should -Be 0 -Because ($lines -join "`n")
        $lines | Should -Contain 'before=0' -Because 'importing reads no format file (bench/import.ps1 measures what that saves)'
        $lines | Should -Contain 'after=3'
    }
}
