namespace ChatApi.Emulator.Tests;

public class SmokeTests
{
    [Fact]
    public void EmulatorAssemblyLoads() => Assert.Equal("ChatApi.Emulator", typeof(Program).Assembly.GetName().Name);
}
