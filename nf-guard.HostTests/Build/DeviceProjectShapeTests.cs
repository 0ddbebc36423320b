using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NetGuard.HostTests.Build;

/// <summary>
/// The .nfproj files cannot be built on Linux (no nanoFramework project system), so their shape is
/// checked here: every source file of the host build is compiled by the device build and vice versa,
/// and the project carries what the nanoFramework project system needs.
/// </summary>
public class DeviceProjectShapeTests
{
    private const string NanoFrameworkTypeGuids = "{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";

    [Theory]
    [InlineData("nf-guard/nf-guard.nfproj", "nf-guard", "Platform/Host/", "")]
    [InlineData("nf-guard.Tests/NFUnitTest.nfproj", "nf-guard.Tests", null, "samples/SmartSocket/SmartSocket.App;samples/Camera/Camera.App")]
    [InlineData("samples/SmartSocket/SmartSocket.Device/SmartSocket.Device.nfproj", "samples/SmartSocket/SmartSocket.Device", null, "samples/SmartSocket/SmartSocket.App;samples/Common/Device")]
    [InlineData("samples/Camera/Camera.Device/Camera.Device.nfproj", "samples/Camera/Camera.Device", null, "samples/Camera/Camera.App;samples/Common/Device")]
    public void CompileList_EqualsSourceFiles(string project, string folder, string? hostOnlyPrefix, string linkedFolders)
    {
        string[] listed = CompileItems(project);
        string projectFolder = RepositoryLayout.PathOf(folder);
        string[] onDisk = SourceFiles(folder).Where(f => hostOnlyPrefix == null || !f.StartsWith(hostOnlyPrefix, StringComparison.Ordinal))
            .Concat(linkedFolders.Split(';', StringSplitOptions.RemoveEmptyEntries).SelectMany(linked =>
                SourceFiles(linked).Select(f => Path.GetRelativePath(projectFolder, Path.Combine(RepositoryLayout.PathOf(linked), f)).Replace(Path.DirectorySeparatorChar, '/'))))
            .ToArray();

        Assert.Empty(onDisk.Except(listed));
        Assert.Empty(listed.Except(onDisk));
    }

    [Theory]
    [InlineData("nf-guard/nf-guard.nfproj", "NetGuard")]
    [InlineData("nf-guard.Tests/NFUnitTest.nfproj", "NFUnitTest")]
    [InlineData("samples/SmartSocket/SmartSocket.Device/SmartSocket.Device.nfproj", "SmartSocket.Device")]
    [InlineData("samples/Camera/Camera.Device/Camera.Device.nfproj", "Camera.Device")]
    public void Project_HasNanoFrameworkShape(string project, string assemblyName)
    {
        XDocument document = XDocument.Load(RepositoryLayout.PathOf(project));

        Assert.Equal(NanoFrameworkTypeGuids, Property(document, "ProjectTypeGuids"));
        Assert.Equal("v1.0", Property(document, "TargetFrameworkVersion"));
        Assert.Equal(assemblyName, Property(document, "AssemblyName"));
        Assert.Equal("true", Property(document, "RestorePackagesWithLockFile"));
        Assert.Contains(document.Descendants().Where(e => e.Name.LocalName == "Import"), e => ((string?)e.Attribute("Project") ?? "").EndsWith("NFProjectSystem.CSharp.targets", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryLayout.PathOf(project))!, "packages.config")));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryLayout.PathOf(project))!, "Properties", "AssemblyInfo.cs")));
    }

    [Fact]
    public void Library_IsSignedWithTheKeyInTheRepository()
    {
        XDocument document = XDocument.Load(RepositoryLayout.PathOf("nf-guard/nf-guard.nfproj"));

        Assert.Equal("true", Property(document, "SignAssembly"));
        Assert.Equal("key.snk", Property(document, "AssemblyOriginatorKeyFile"));
        Assert.True(new FileInfo(RepositoryLayout.PathOf("nf-guard/key.snk")).Length > 0);
    }

    [Fact]
    public void TestProject_HasRunSettingsForTheEmulator()
    {
        XDocument settings = XDocument.Load(RepositoryLayout.PathOf("nf-guard.Tests/nano.runsettings"));

        Assert.Equal("False", settings.Descendants("IsRealHardware").Single().Value);
    }

    [Fact]
    public void ReferencedPackages_MatchPackagesConfig()
    {
        foreach (string folder in new[] { "nf-guard", "nf-guard.Tests", "samples/SmartSocket/SmartSocket.Device", "samples/Camera/Camera.Device" })
        {
            string project = Directory.GetFiles(RepositoryLayout.PathOf(folder), "*.nfproj").Single();
            string[] hintPaths = XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value).ToArray();
            var packages = XDocument.Load(Path.Combine(RepositoryLayout.PathOf(folder), "packages.config")).Descendants("package")
                .Select(p => (string)p.Attribute("id")! + "." + (string)p.Attribute("version")!).ToArray();

            foreach (string hint in hintPaths)
            {
                Assert.Contains(packages, p => hint.Contains("packages\\" + p + "\\", StringComparison.Ordinal));
            }

            Assert.All(packages, p => Assert.Contains(hintPaths, h => h.Contains("packages\\" + p + "\\", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Nuspec_ShipsLibraryFilesFlatInLib()
    {
        XDocument nuspec = XDocument.Load(RepositoryLayout.PathOf("NetGuard.nuspec"));
        string[] targets = nuspec.Descendants().Where(e => e.Name.LocalName == "file").Select(e => (string)e.Attribute("target")!).ToArray();

        foreach (string extension in new[] { ".dll", ".pdb", ".pdbx", ".pe", ".xml" })
        {
            Assert.Contains(nuspec.Descendants().Where(e => e.Name.LocalName == "file"), f => ((string)f.Attribute("src")!).EndsWith("NetGuard" + extension, StringComparison.Ordinal) && (string)f.Attribute("target")! == "lib");
        }

        Assert.DoesNotContain(targets, t => t.StartsWith("lib/", StringComparison.Ordinal) || t.StartsWith("lib\\", StringComparison.Ordinal));
    }

    private static string? Property(XDocument document, string name) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string[] CompileItems(string project) =>
        XDocument.Load(RepositoryLayout.PathOf(project)).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => ((string)e.Attribute("Include")!).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();

    private static string[] SourceFiles(string folder)
    {
        string root = RepositoryLayout.PathOf(folder);
        return Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}
