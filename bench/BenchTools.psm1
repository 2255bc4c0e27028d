# Shared by the bench scripts.
Set-StrictMode -Version Latest

function Get-Median {
    <# The median of a list of numbers (the mean of the two middle ones for an even count). #>
    param([double[]] $Values)
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

Export-ModuleMember -Function Get-Median
