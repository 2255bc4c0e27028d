using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using ChatApi.Engine.Http;
using Xunit;

namespace ChatApi.Tests.Client;

/// <summary>Which failures Connect-ChatApi ends at once (DNS, refused, TLS) and how their reason reads.</summary>
public class UnreachableTests
{
    [Theory]
    [InlineData(SocketError.HostNotFound, true)]
    [InlineData(SocketError.NoData, true)]
    [InlineData(SocketError.ConnectionRefused, true)]
    [InlineData(SocketError.TryAgain, false)]
    [InlineData(SocketError.ConnectionReset, false)]
    [InlineData(SocketError.TimedOut, false)]
    public void A_socket_failure_is_permanent_only_when_another_attempt_cannot_help(SocketError code, bool permanent)
    {
        var e = new HttpRequestException("outer", new SocketException((int)code));
        Assert.Equal(permanent, Unreachable.IsPermanent(e));
    }

    [Fact]
    public void A_TLS_failure_is_permanent_and_its_inner_reason_is_shown()
    {
        var e = new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"));
        Assert.True(Unreachable.IsPermanent(e));
        Assert.Equal("The SSL connection could not be established, see inner exception: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot",
            Unreachable.Describe(e));
    }

    [Fact]
    public void The_host_of_a_base_uri_never_shows_user_info_path_or_query()
    {
        Assert.Equal("https://api.example.com:443", Unreachable.HostOf(new System.Uri("https://user:pass@api.example.com/x?token=abc")));
    }
}
