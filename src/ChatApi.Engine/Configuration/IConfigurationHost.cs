using ChatApi.Engine.Migration;

namespace ChatApi.Engine.Configuration;

/// <summary>What the applier needs from its caller: consent per change, a place for results and progress. Any thread.</summary>
public interface IConfigurationHost
{
    Task<Consent> ConfirmAsync(string target, string action);

    /// <summary>One change is done; <paramref name="error"/> is set when it failed.</summary>
    void ConfigurationResult(ConfigurationResult result, Exception error);

    void Progress(MigrationProgress progress);
}
