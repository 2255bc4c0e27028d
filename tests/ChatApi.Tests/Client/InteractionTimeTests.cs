using System.Text.Json;
using ChatApi.Engine.Wire;

namespace ChatApi.Tests.Client;

/// <summary>
/// Both descriptions type interactions' startTime/endTime <c>format: date</c>; 8x8 shows no example either way,
/// so the module reads a day and a date-time alike (the emulator sends days, as described).
/// </summary>
public class InteractionTimeTests
{
    [Theory]
    [InlineData("2026-12-07", "2026-12-07T00:00:00.0000000+00:00")]
    [InlineData("2026-12-07T08:30:00.000Z", "2026-12-07T08:30:00.0000000+00:00")]
    public void AnInteractionsTimeIsReadAsADayOrADateTime(string wire, string expected)
    {
        var read = JsonSerializer.Deserialize<InteractionAnswer>($$"""{"id":"i-1","startTime":"{{wire}}","endTime":"{{wire}}"}""", WireJson.Options)!
            .ToModel("c-1");
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), read.StartTime);
        Assert.Equal(read.StartTime, read.EndTime);
    }
}
