namespace ChatApi.Tests;

public class SmokeTests
{
    [Fact]
    public void EngineAssemblyLoads() => Assert.Equal("ChatApi.Engine", typeof(ChatApi.Engine.EngineInfo).Assembly.GetName().Name);
}
