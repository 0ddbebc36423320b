using System.IO;
using NetGuard.HostTests.Build;

namespace NetGuard.HostTests.Network;

/// <summary>
/// The compile-time ban (issue 6): a copy of the SmartSocket sample firmware, built like the device (the
/// samples gate: real mscorlib, the project's System.Net reference assembly, the gate's ban list and the
/// ban list NetGuard ships to firmware), fails with RS0030 as soon as it opens a raw socket, connects, or
/// reaches for a TCP client; the sample as it is, which goes through the guard, builds.
/// </summary>
[Collection(GateCollection.Name)]
public sealed class FirmwareBanTests
{
    private const string SampleProgram = "samples/SmartSocket/SmartSocket.Device/Program.cs";
    private readonly GateFixture _gate;

    public FirmwareBanTests(GateFixture gate)
    {
        _gate = gate;
    }

    [Theory]
    // What a bot does: open a socket and dial out over TCP.
    [InlineData("System.Net.Sockets.Socket s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp); s.Connect(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(\"192.0.2.1\"), 23));",
        "'Socket.Connect(EndPoint)' is banned")]
    // A raw socket used only for UDP still bypasses the limiter.
    [InlineData("System.Net.Sockets.Socket s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp); s.Close();",
        "'Socket.Socket(AddressFamily, SocketType, ProtocolType)' is banned")]
    public void SampleFirmwareThatOpensItsOwnSocket_FailsToBuild(string body, string expected)
    {
        string file = Path.Combine(_gate.Root, SampleProgram);
        string original = File.ReadAllText(file);
        try
        {
            File.WriteAllText(file, original + "\nnamespace Firmware.Injected { internal static class Bypass { internal static void Dial() { " + body + " } } }\n");

            BuildResult result = _gate.BuildSamplesGate();

            Assert.True(result.ExitCode != 0, result.Output);
            Assert.Contains("error RS0030", result.Output, StringComparison.Ordinal);
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.WriteAllText(file, original);
        }
    }

    [Fact]
    public void SampleFirmwareAsShipped_Builds()
    {
        BuildResult result = _gate.BuildSamplesGate();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("RS0030", result.Output, StringComparison.Ordinal);
    }
}
