using System;
using System.IO;
using System.Linq;

using NetGuard.HostTests.Build;

namespace NetGuard.HostTests.Network;

/// <summary>
/// The compile-time ban: a firmware project built like the device (the nanoFramework gate: real
/// mscorlib, project-written System.Net reference assembly, the library's gate build) with NetGuard's
/// shipped <c>nf-guard/BannedSymbols.txt</c> fails with RS0030 when it opens a raw socket and connects,
/// and its twin that goes through the guard builds. Runs in a temporary copy of build/gate and nf-guard,
/// in the gate tests' collection so the heavy builds do not run in parallel with them.
/// </summary>
[Collection(NetGuard.HostTests.Build.GateCollection.Name)]
public sealed class FirmwareBanTests : IClassFixture<FirmwareBanTests.Workspace>
{
    private readonly Workspace _workspace;

    public FirmwareBanTests(Workspace workspace)
    {
        _workspace = workspace;
    }

    private const string RawSocketFirmware = """
        using System.Net;
        using System.Net.Sockets;

        namespace Firmware
        {
            public static class Program
            {
                public static void Main()
                {
                    // What a bot does: dial out over TCP.
                    Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 23));
                }
            }
        }
        """;

    private const string GuardedFirmware = """
        using NetGuard.Diagnostics;
        using NetGuard.Network;
        using NetGuard.Platform.Device;
        using NetGuard.Policy;
        using NetGuard.RateLimiting;

        namespace Firmware
        {
            public static class Program
            {
                public static void Main()
                {
                    GuardPolicy policy = new GuardPolicyBuilder(EgressPolicy.CreateDefault(new uint[0], 0xC0A80101))
                        .AddTcpListener("admin", 80, 4, RateLimit.PerSeconds(4, 1, 1))
                        .Build();
                    NetworkGuard guard = DeviceNetworkGuard.Create(policy, new TickCountClock());
                    RefusalEventPoster poster = new RefusalEventPoster(guard, RefusalEventPoster.DefaultSubCategory);
                    GuardedListener listener;
                    Decision decision = guard.ListenTcp(80, out listener);
                    IConnection connection;
                    if (decision.IsAccepted && listener.Accept(1000, out connection).IsAccepted)
                    {
                        connection.Send(new byte[] { 1 }, 0, 1);
                        connection.Close();
                    }

                    poster.Detach();
                }
            }
        }
        """;

    [Fact]
    public void FirmwareOpeningARawSocket_FailsToBuildWithRS0030()
    {
        BuildResult outcome = _workspace.BuildFirmware("RawSocket", RawSocketFirmware);

        Assert.True(outcome.ExitCode != 0, outcome.Output);
        Assert.True(outcome.Output.Contains("error RS0030", StringComparison.Ordinal), outcome.Output);
        Assert.True(outcome.Output.Contains("'Socket.Socket(AddressFamily, SocketType, ProtocolType)' is banned", StringComparison.Ordinal), outcome.Output);
        Assert.True(outcome.Output.Contains("'Socket.Connect(EndPoint)' is banned", StringComparison.Ordinal), outcome.Output);
    }

    [Fact]
    public void TwinFirmwareUsingTheGuard_Builds()
    {
        BuildResult outcome = _workspace.BuildFirmware("Guarded", GuardedFirmware);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.DoesNotContain("RS0030", outcome.Output, StringComparison.Ordinal);
    }

    /// <summary>A temporary copy of the root build files, build/gate and nf-guard, shared by both tests.</summary>
    public sealed class Workspace : IDisposable
    {
        private static readonly string[] CopiedFolders = { "build/gate", "nf-guard" };
        private static readonly string[] CopiedFiles = { "Directory.Build.props", "NuGet.Config" };

        public Workspace()
        {
            Root = Path.Combine(Path.GetTempPath(), "netguard-firmware-" + Guid.NewGuid().ToString("N"));
            foreach (string file in CopiedFiles)
            {
                Copy(RepositoryLayout.PathOf(file), Path.Combine(Root, file));
            }

            foreach (string folder in CopiedFolders)
            {
                string source = RepositoryLayout.PathOf(folder);
                foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(source, file);
                    string[] parts = relative.Split(Path.DirectorySeparatorChar);
                    if (parts.Contains("bin") || parts.Contains("obj"))
                    {
                        continue;
                    }

                    Copy(file, Path.Combine(Root, folder, relative));
                }
            }

            // The library gate build needs the System.Net and Runtime.Events reference assemblies for
            // Platform/Device; add them to the copy if the gate project does not list them yet.
            string gate = Path.Combine(Root, "build", "gate", "NetGuard.Gate", "NetGuard.Gate.csproj");
            string text = File.ReadAllText(gate);
            foreach (string reference in new[] { "System.Net/System.Net.csproj", "nanoFramework.Runtime.Events/nanoFramework.Runtime.Events.csproj" })
            {
                if (!text.Contains(reference, StringComparison.Ordinal))
                {
                    text = text.Replace("</Project>", "  <ItemGroup><ProjectReference Include=\"../ref/" + reference + "\" /></ItemGroup>\n</Project>", StringComparison.Ordinal);
                }
            }

            File.WriteAllText(gate, text);
        }

        public string Root { get; }

        /// <summary>Writes a firmware project named <paramref name="name"/> with <paramref name="program"/> and builds it.</summary>
        public BuildResult BuildFirmware(string name, string program)
        {
            string folder = Path.Combine(Root, "firmware", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <!-- Firmware built like the device: the gate's properties and device ban list, plus NetGuard's shipped ban list. -->
                  <Import Project="../../build/gate/GateCode.props" />
                  <PropertyGroup>
                    <AssemblyName>{name}</AssemblyName>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="Program.cs" />
                    <AdditionalFiles Include="../../nf-guard/BannedSymbols.txt" />
                    <ProjectReference Include="../../build/gate/NetGuard.Gate/NetGuard.Gate.csproj" />
                    <ProjectReference Include="../../build/gate/ref/System.Net/System.Net.csproj" />
                  </ItemGroup>
                </Project>
                """);
            return Run(folder, "build", Path.Combine(folder, name + ".csproj"), "-nologo", "-c", "Release", "-v", "minimal");
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }

        private static BuildResult Run(string workingDirectory, params string[] arguments) =>
            NetGuard.HostTests.Build.DotnetCli.Run(workingDirectory, arguments);

        private static void Copy(string source, string destination)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite: true);
        }
    }
}

