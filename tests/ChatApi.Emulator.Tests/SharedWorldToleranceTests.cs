using ChatApi.Emulator.Contract;

namespace ChatApi.Emulator.Tests;

/// <summary>
/// The errata file's shared-world assumptions tolerate the Gateway listing older webhooks only under
/// <c>--shared-configuration</c>: in the default world, which follows the contract, the same break fails.
/// </summary>
public class SharedWorldToleranceTests
{
    private static readonly ContractViolation GatewayListsAV2Webhook =
        new("GET /chat-gateway/v1/webhooks", ContractViolations.Answer, "/body/_embedded/webhooks/0/version", "enum: Value should match one of the values specified by the enum");

    [Fact]
    public void TheSharedWorldToleratesItWithTheAssumptionsId()
    {
        var violations = new ContractViolations(ContractBook.Instance, sharedConfiguration: true);
        violations.Add([GatewayListsAV2Webhook]);
        Assert.Equal("shared-gateway-lists-older-webhooks", Assert.Single(violations.List()).Tolerated);
        violations.Check();
    }

    [Fact]
    public void TheDefaultWorldFailsOnIt()
    {
        var violations = new ContractViolations(ContractBook.Instance, sharedConfiguration: false);
        violations.Add([GatewayListsAV2Webhook]);
        Assert.Null(Assert.Single(violations.List()).Tolerated);
        var e = Assert.Throws<InvalidOperationException>(violations.Check);
        Assert.Contains("/body/_embedded/webhooks/0/version", e.Message);
    }

    [Fact]
    public void AnotherBreakIsNotToleratedEvenInTheSharedWorld()
    {
        var violations = new ContractViolations(ContractBook.Instance, sharedConfiguration: true);
        violations.Add([GatewayListsAV2Webhook with { Pointer = "/body/_embedded/webhooks/0/name" }]);
        Assert.Throws<InvalidOperationException>(violations.Check);
    }
}
