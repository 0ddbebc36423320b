using NetGuard.Fuzz;
using NetGuard.Http;
using NetGuard.Testing;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// Replays the http-request fuzz corpus (byte 0 = largest receive piece, 0 = unlimited; the rest = what the client
/// sends) through <see cref="HttpConnectionProcessor.Process"/>, as the fuzz target does.
/// </summary>
public class HttpRequestRegressionTests
{
    public static TheoryData<string> Seeds => FuzzSeeds.Names("http-request");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_KeepsServerInvariants(string name)
    {
        byte[] input = FuzzSeeds.Read("http-request", name);

        // HttpFuzz checks the response shape, security headers, Content-Length and that the connection is closed.
        HttpOracle.Run(input.AsSpan(1).ToArray(), input[0] == 0 ? int.MaxValue : input[0]);
    }

    [Theory]
    [InlineData("get-root", 200)]
    [InlineData("get-status-chunked-reads", 200)]
    [InlineData("post-login", 200)]
    [InlineData("post-login-bytewise", 200)]
    [InlineData("post-upload", 200)]
    [InlineData("near-transfer-encoding", 400)]
    [InlineData("near-http10-unknown", 404)]
    [InlineData("near-bad-header", 400)]
    public void Seed_AnswersExpectedStatus(string name, int status)
    {
        byte[] input = FuzzSeeds.Read("http-request", name);
        var connection = new ByteArrayConnection(input.AsSpan(1).ToArray(), input[0] == 0 ? int.MaxValue : input[0]);
        var processor = new HttpConnectionProcessor(HttpOracle.Router(), new ManualClock(0), new HttpServerOptions());

        processor.Process(connection);

        Assert.Equal(status, processor.LastStatus);
        Assert.True(connection.IsClosed);
    }
}
