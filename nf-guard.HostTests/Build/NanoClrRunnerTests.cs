using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGuard.Build.NanoClr;

namespace NetGuard.HostTests.Build;

/// <summary>
/// The device test stage's own checks (build/nanoclr/NanoClrRunner): what a test assembly owes is read from its
/// metadata, and a run that printed less (the official launcher stops silently when it cannot read a method's
/// attributes), more, or failures is not a pass.
/// </summary>
public class NanoClrRunnerTests
{
    private static readonly Dictionary<string, int> Expected = new()
    {
        ["N.T.Setup"] = 1,
        ["N.T.Plain"] = 1,
        ["N.T.Rows"] = 3,
    };

    [Fact]
    public void Parse_EveryExpectedResultPassed_HasNoProblem()
    {
        LauncherOutput output = LauncherOutput.Parse(Lines("passed,N.T.Setup.0", "passed,N.T.Plain.0", "passed,N.T.Rows.0", "passed,N.T.Rows.1", "passed,N.T.Rows.2"), Expected);

        Assert.Equal(5, output.Passed);
        Assert.Equal(0, output.Failed);
        Assert.Empty(output.Problems);
    }

    [Fact]
    public void Parse_LauncherStoppedSilently_CountsWhatDidNotRun()
    {
        LauncherOutput output = LauncherOutput.Parse(Lines("passed,N.T.Setup.0", "passed,N.T.Plain.0"), Expected);

        Assert.Equal(2, output.Passed);
        Assert.Equal(1, output.Failed);
        Assert.Contains(output.Problems, p => p.StartsWith("N.T.Rows: 3 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OneDataRowMissing_IsAProblem()
    {
        LauncherOutput output = LauncherOutput.Parse(Lines("passed,N.T.Setup.0", "passed,N.T.Plain.0", "passed,N.T.Rows.0", "passed,N.T.Rows.2"), Expected);

        Assert.Single(output.Problems);
        Assert.Contains("1 of 3", output.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FailedSkippedAndUnexpectedResults_AreFailures()
    {
        LauncherOutput output = LauncherOutput.Parse(Lines("passed,N.T.Setup.0", "failed,N.T.Plain.0,Assert.IsTrue failed, with a comma", "skipped,N.T.Rows.0,no board",
            "passed,N.T.Rows.1", "passed,N.T.Rows.2", "passed,N.T.Ghost.0"), Expected);

        Assert.Equal(4, output.Passed);
        Assert.Equal(3, output.Failed);
        Assert.Equal("Assert.IsTrue failed, with a comma", output.Results.Single(r => r.Outcome == "failed").Detail);
        Assert.Contains(output.Problems, p => p.StartsWith("N.T.Ghost", StringComparison.Ordinal));
    }

    [Fact]
    public void Inventory_CountsRowsMethodsSetupAndCleanup_AndFlagsPrivateTests()
    {
        string path = Compile("""
            namespace nanoFramework.TestFramework {
              public class TestClassAttribute : System.Attribute { } public class TestMethodAttribute : System.Attribute { }
              public class SetupAttribute : System.Attribute { } public class CleanupAttribute : System.Attribute { }
              [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)] public class DataRowAttribute : System.Attribute { public DataRowAttribute(params object[] a) { } } }
            namespace N {
              using nanoFramework.TestFramework;
              [TestClass] public class T {
                [Setup] public static void Setup() { } [Cleanup] public static void Done() { }
                [TestMethod] public static void Plain() { }
                [TestMethod] [DataRow(1)] [DataRow(2)] public static void Rows(int x) { }
                [TestMethod] static void Hidden() { }
                public static void Helper() { } }
              public class NotATestClass { [TestMethod] public static void Ignored() { } } }
            """);

        IReadOnlyDictionary<string, int> inventory = TestInventory.Read(path);

        Assert.Equal(new Dictionary<string, int> { ["N.T.Setup"] = 1, ["N.T.Done"] = 1, ["N.T.Plain"] = 1, ["N.T.Rows"] = 2, ["N.T.Hidden"] = 1 }, inventory);
        Assert.Equal(new[] { "N.T.Hidden is not public" }, TestInventory.Unreachable(path).ToArray());
    }

    [Fact]
    public void PeFile_ReadsTheTableSizesNanoClrReports()
    {
        // mscorlib.pe of nanoFramework.CoreLibrary 1.17.11; nanoCLR prints these sizes when it loads it.
        PeFile pe = PeFile.Read(Path.Combine(NuGetPackages(), "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.pe"));

        Assert.Equal(32536, pe.Length);
        Assert.Equal(9835, pe.ByteCodeTable);
        Assert.Equal(2769, pe.StringTable);
        Assert.Equal(2198, pe.SignatureTable);
        Assert.Equal(0x1549C856u, pe.NativeMethodsChecksum);
    }

    [Fact]
    public void PeFile_RefusesAFileThatIsNotAPe()
    {
        string path = Path.Combine(Path.GetTempPath(), "netguard-not-a-pe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, new byte[200]);
        try
        {
            Assert.Throws<InvalidDataException>(() => PeFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Lines(params string[] results) =>
        new[] { "Loading Assemblies.", "Ready." }.Concat(results.Select(r => "Test " + r)).Append("Done.");

    private static string NuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Compile(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create("Inventory" + Guid.NewGuid().ToString("N"), new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll")) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        string path = Path.Combine(Path.GetTempPath(), compilation.AssemblyName + ".dll");
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
