using System.IO;
using System.Linq;

namespace NetGuard.HostTests.Build;

/// <summary>
/// A temporary copy of the parts of the repository the nanoFramework gate needs (root build files,
/// build/gate, nf-guard, the samples), restored once, so tests can inject code into a library file and build the gate
/// without touching the working tree.
/// </summary>
public sealed class GateFixture : IDisposable
{
    private static readonly string[] CopiedFolders = { "build/gate", "nf-guard", "samples", "docs/examples" };
    private static readonly string[] CopiedFiles = { "Directory.Build.props", "NuGet.Config", "NetGuard.sln" };

    public GateFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "netguard-gate-" + Guid.NewGuid().ToString("N"));
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
                if (parts.Contains("bin") || parts.Contains("obj") || parts.Contains("data"))
                {
                    continue;
                }

                Copy(file, Path.Combine(Root, folder, relative));
            }
        }

        foreach (string project in new[] { GateProject, SamplesGateProject })
        {
            BuildResult restore = Run("restore", project);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException("restore of the gate copy failed:\n" + restore.Output);
            }
        }
    }

    /// <summary>The copy's root folder.</summary>
    public string Root { get; }

    /// <summary>The gate project of the lowest library layer (NetGuard.Core) in the copy.</summary>
    public string GateProject => Path.Combine(Root, "build", "gate", "NetGuard.Core", "NetGuard.Core.csproj");

    /// <summary>The SmartSocket firmware's gate project in the copy (both ban lists; references every library layer).</summary>
    public string SamplesGateProject => Path.Combine(Root, "build", "gate", "SmartSocket.Device", "SmartSocket.Device.csproj");

    /// <summary>Builds NetGuard.Core's gate in the copy.</summary>
    public BuildResult BuildGate() => Run("build", GateProject, "--no-restore", "-c", "Release");

    /// <summary>Builds the sample firmware gate (and every library gate it references) in the copy.</summary>
    public BuildResult BuildSamplesGate() => Run("build", SamplesGateProject, "--no-restore", "-c", "Release");

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
    }

    private BuildResult Run(string verb, string project, params string[] extra)
    {
        string[] arguments = new string[extra.Length + 3];
        arguments[0] = verb;
        arguments[1] = project;
        arguments[2] = "-nologo";
        extra.CopyTo(arguments, 3);
        return DotnetCli.Run(Root, arguments);
    }

    private static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
    }
}

/// <summary>Exit code and combined output of one build.</summary>
public sealed record BuildResult(int ExitCode, string Output);
