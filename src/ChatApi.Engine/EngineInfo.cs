namespace ChatApi.Engine;

/// <summary>Version facts about the engine.</summary>
public static class EngineInfo
{
    public static string Version => typeof(EngineInfo).Assembly.GetName().Version.ToString();
}
