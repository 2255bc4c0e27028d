using System;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;
using Polly;
using Polly.Retry;
using RestSharp;

namespace ConflictFixture;

/// <summary>
/// Uses its own RestSharp and Polly.Core for real (a retry pipeline that recovers from one
/// failure, a request URI built by RestSharp) and reports which versions and load context
/// answered.
/// </summary>
[Cmdlet(VerbsCommon.Get, "FixtureDependency")]
public sealed class GetFixtureDependencyCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        int attempts = 0;
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.Zero, ShouldHandle = new PredicateBuilder().Handle<InvalidOperationException>() })
            .Build();
        int answer = pipeline.Execute(() => { if (++attempts < 2) throw new InvalidOperationException("once"); return 42; });

        using var client = new RestClient(new RestClientOptions("http://fixture.invalid/api"));
        var request = new RestRequest("items/{id}").AddUrlSegment("id", 7);
        var uri = client.BuildUri(request);

        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("PollyVersion", PackageVersion(typeof(ResiliencePipeline).Assembly)));
        result.Properties.Add(new PSNoteProperty("PollyContext", AssemblyLoadContext.GetLoadContext(typeof(ResiliencePipeline).Assembly).Name));
        result.Properties.Add(new PSNoteProperty("PollyAttempts", attempts));
        result.Properties.Add(new PSNoteProperty("PollyResult", answer));
        result.Properties.Add(new PSNoteProperty("RestSharpVersion", PackageVersion(typeof(RestClient).Assembly)));
        result.Properties.Add(new PSNoteProperty("RestSharpContext", AssemblyLoadContext.GetLoadContext(typeof(RestClient).Assembly).Name));
        result.Properties.Add(new PSNoteProperty("RestSharpUri", uri.ToString()));
        WriteObject(result);
    }

    /// <summary>The package version (Polly keeps its assembly version at 8.0.0.0 across 8.x).</summary>
    private static string PackageVersion(Assembly assembly)
    {
        string informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version.ToString();
        int plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
