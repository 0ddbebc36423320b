using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NetGuard.HostTests.Build;

/// <summary>
/// The .nfproj files cannot be built on Linux (no nanoFramework project system), so their shape is checked here
/// against build/assemblies.txt, read independently of build/nfproj.py: every source file is compiled by exactly one
/// device assembly, each project lists exactly its folder's files, references only layers below it, and carries what
/// the nanoFramework project system needs.
/// </summary>
public class DeviceProjectShapeTests
{
    private const string NanoFrameworkTypeGuids = "{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";

    public static TheoryData<string> Assemblies() => new(Table().Select(a => a.Name));

    [Fact]
    public void GeneratedProjects_AreUpToDate()
    {
        var start = new ProcessStartInfo("python3", "build/nfproj.py --check") { WorkingDirectory = RepositoryLayout.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, output);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void CompileList_EqualsSourceFiles(string name)
    {
        DeviceAssembly a = Table().Single(x => x.Name == name);
        string projectFolder = RepositoryLayout.PathOf(a.Folder);
        IEnumerable<string> linked = LinkedFiles(a);
        if (a.Kind is "lib" or "support")
        {
            linked = linked.Append("nf-guard/SharedAssemblyInfo.cs");
        }
        else if (a.Kind is "test" or "hwtest")
        {
            linked = linked.Append("nf-guard.Tests/TestAssemblyInfo.cs");
        }

        string[] expected = SourceFiles(a.Folder)
            .Concat(linked.Select(f => Path.GetRelativePath(projectFolder, RepositoryLayout.PathOf(f)).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, CompileItems(a.ProjectFile));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Project_HasNanoFrameworkShape(string name)
    {
        DeviceAssembly a = Table().Single(x => x.Name == name);
        XDocument document = XDocument.Load(RepositoryLayout.PathOf(a.ProjectFile));

        Assert.Equal(NanoFrameworkTypeGuids, Property(document, "ProjectTypeGuids"));
        Assert.Equal("v1.0", Property(document, "TargetFrameworkVersion"));
        Assert.Equal(a.Kind is "test" or "hwtest" or "bench" ? "NFUnitTest" : a.Name, Property(document, "AssemblyName"));
        Assert.Equal(a.Kind == "app" ? "Exe" : "Library", Property(document, "OutputType"));
        Assert.Equal("true", Property(document, "RestorePackagesWithLockFile"));
        Assert.Contains(document.Descendants().Where(e => e.Name.LocalName == "Import"), e => ((string?)e.Attribute("Project") ?? "").EndsWith("NFProjectSystem.CSharp.targets", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepositoryLayout.PathOf(a.Folder), "packages.config")));
        if (a.Kind is not ("test" or "hwtest"))
        {
            Assert.True(File.Exists(Path.Combine(RepositoryLayout.PathOf(a.Folder), "Properties", "AssemblyInfo.cs")));
        }

        if (a.Kind is "test" or "hwtest" or "bench")
        {
            Assert.Equal("true", Property(document, "IsTestProject"));
            string settings = Property(document, "RunSettingsFilePath")!.Replace("$(MSBuildProjectDirectory)", RepositoryLayout.PathOf(a.Folder)).Replace('\\', '/');
            Assert.Equal(a.Kind == "hwtest" ? "True" : "False", XDocument.Load(settings).Descendants("IsRealHardware").Single().Value);
        }
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void ProjectReferences_FollowTheLayering(string name)
    {
        List<DeviceAssembly> table = Table();
        int index = table.FindIndex(x => x.Name == name);
        DeviceAssembly a = table[index];
        string[] referenced = XDocument.Load(RepositoryLayout.PathOf(a.ProjectFile)).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string)e.Attribute("Include")!).Replace('\\', '/')))
            .ToArray();

        Assert.Equal(a.References.Where(r => table.Any(x => x.Name == r)).OrderBy(r => r), referenced.OrderBy(r => r));
        Assert.All(referenced, r => Assert.True(table.FindIndex(x => x.Name == r) < index, name + " references " + r + ", which is not a lower layer"));
        Assert.All(referenced, r => Assert.True(table.Single(x => x.Name == r).Kind is "lib" or "support", name + " references " + r));
        if (a.Kind == "lib")
        {
            Assert.All(referenced, r => Assert.Equal("lib", table.Single(x => x.Name == r).Kind));
        }
    }

    [Fact]
    public void EverySourceFile_BelongsToExactlyOneDeviceAssemblyOrTheHost()
    {
        List<DeviceAssembly> table = Table();
        foreach (string root in new[] { "nf-guard", "nf-guard.Tests" })
        {
            foreach (string file in SourceFiles(root).Select(f => root + "/" + f))
            {
                // A library's own folder, or a folder a library links (the socket adapters, shared with the host
                // build), or one the test doubles link (the publisher's side of the update format).
                int owners = table.Count(a => file.StartsWith(a.Folder + "/", StringComparison.Ordinal)
                    || (a.Kind is "lib" or "support" && a.Links.Any(link => file.StartsWith(link + "/", StringComparison.Ordinal))));
                bool shared = file is "nf-guard/SharedAssemblyInfo.cs" or "nf-guard.Tests/TestAssemblyInfo.cs";
                bool hostOnly = file.StartsWith("nf-guard/NetGuard.Host/", StringComparison.Ordinal);
                Assert.True(owners == 1 || (owners == 0 && (shared || hostOnly)), file + " is compiled by " + owners + " device assemblies");
            }
        }
    }

    [Fact]
    public void ThePublishersCode_StaysOffTheDevice()
    {
        // Issue 16: what only the signing tool and the tests run (the package, manifest and announcement writers) is
        // declared in nf-guard/NetGuard.Publishing, which the host build and the test doubles compile, and in no
        // source a library or a firmware compiles.
        string[] publisherTypes = { "UpdatePackage", "UpdatePublishing" };
        var declaration = new Regex(@"\b(?:class|struct)\s+(" + string.Join("|", publisherTypes) + @")\b");
        const string Folder = "nf-guard/NetGuard.Publishing";
        string[] declared = SourceFiles(Folder)
            .SelectMany(f => declaration.Matches(File.ReadAllText(RepositoryLayout.PathOf(Folder + "/" + f))).Select(m => m.Groups[1].Value))
            .OrderBy(t => t, StringComparer.Ordinal).ToArray();
        Assert.Equal(publisherTypes, declared);

        List<DeviceAssembly> table = Table();
        foreach (DeviceAssembly a in table.Where(x => x.Kind is "lib" or "app"))
        {
            foreach (string file in SourceFiles(a.Folder).Select(f => a.Folder + "/" + f).Concat(LinkedFiles(a)))
            {
                Match found = declaration.Match(File.ReadAllText(RepositoryLayout.PathOf(file)));
                Assert.False(found.Success, a.Name + " compiles " + file + ", which declares " + found.Groups[1].Value);
            }
        }

        Assert.Contains(table, a => a.Kind == "support" && a.Links.Contains(Folder));
    }

    [Fact]
    public void Libraries_AreSignedWithTheKeyInTheRepository()
    {
        Assert.True(new FileInfo(RepositoryLayout.PathOf("nf-guard/key.snk")).Length > 0);
        foreach (DeviceAssembly a in Table().Where(x => x.Kind == "lib"))
        {
            XDocument document = XDocument.Load(RepositoryLayout.PathOf(a.ProjectFile));
            Assert.Equal("true", Property(document, "SignAssembly"));
            string key = Path.GetFullPath(Path.Combine(RepositoryLayout.PathOf(a.Folder), Property(document, "AssemblyOriginatorKeyFile")!.Replace('\\', '/')));
            Assert.Equal(RepositoryLayout.PathOf("nf-guard/key.snk"), key);
        }
    }

    [Fact]
    public void ReferencedPackages_MatchPackagesConfig()
    {
        foreach (DeviceAssembly a in Table())
        {
            string[] hintPaths = XDocument.Load(RepositoryLayout.PathOf(a.ProjectFile)).Descendants().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value).ToArray();
            string[] packages = XDocument.Load(Path.Combine(RepositoryLayout.PathOf(a.Folder), "packages.config")).Descendants("package")
                .Select(p => (string)p.Attribute("id")! + "." + (string)p.Attribute("version")!).ToArray();

            Assert.NotEmpty(packages);
            Assert.All(hintPaths, hint => Assert.Contains(packages, p => hint.Contains("packages\\" + p + "\\", StringComparison.Ordinal)));
            Assert.All(packages, p => Assert.Contains(hintPaths, h => h.Contains("packages\\" + p + "\\", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Nuspec_ShipsEveryLibraryFlatInLibAndNothingElse()
    {
        XDocument nuspec = XDocument.Load(RepositoryLayout.PathOf("NetGuard.nuspec"));
        XElement[] files = nuspec.Descendants().Where(e => e.Name.LocalName == "file").ToArray();
        string[] libraries = Table().Where(a => a.Kind == "lib").Select(a => a.Name).ToArray();

        foreach (string library in libraries)
        {
            foreach (string extension in new[] { ".dll", ".pdb", ".pdbx", ".pe", ".xml" })
            {
                Assert.Contains(files, f => ((string)f.Attribute("src")!).EndsWith("\\" + library + extension, StringComparison.Ordinal) && (string)f.Attribute("target")! == "lib");
            }
        }

        Assert.All(files.Where(f => (string)f.Attribute("target")! == "lib"),
            f => Assert.Contains(libraries, l => ((string)f.Attribute("src")!).Contains("\\" + l + ".", StringComparison.Ordinal)));
        Assert.DoesNotContain(files, f => ((string)f.Attribute("src")!).Contains("Testing", StringComparison.Ordinal));
    }

    private static string? Property(XDocument document, string name) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string[] CompileItems(string project) =>
        XDocument.Load(RepositoryLayout.PathOf(project)).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => ((string)e.Attribute("Include")!).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();

    // The repository paths of the files an assembly's links column adds (folders expanded).
    private static IEnumerable<string> LinkedFiles(DeviceAssembly a)
    {
        return a.Links.SelectMany(link => link.EndsWith(".cs", StringComparison.Ordinal)
            ? new[] { link }
            : SourceFiles(link).Select(f => link + "/" + f));
    }

    private static string[] SourceFiles(string folder)
    {
        string root = RepositoryLayout.PathOf(folder);
        return Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Split('/').Contains("obj") && !f.Split('/').Contains("bin"))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }

    internal static List<DeviceAssembly> Table() =>
        File.ReadAllLines(RepositoryLayout.PathOf("build/assemblies.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(c => new DeviceAssembly(c[0], c[1], c[2], c[3].Split(','), c[4] == "-" ? Array.Empty<string>() : c[4].Split(',')))
            .ToList();

    internal sealed record DeviceAssembly(string Kind, string Name, string Folder, string[] References, string[] Links)
    {
        public string ProjectFile => Folder + "/" + Name + ".nfproj";
    }
}
