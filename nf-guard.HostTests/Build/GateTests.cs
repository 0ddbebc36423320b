namespace NetGuard.HostTests.Build;

/// <summary>
/// Proves the nanoFramework gate can fail: each construct the device lacks, added to a library source
/// file in a copy of the tree, breaks the gate build with the expected diagnostic, and the same file
/// without it builds.
/// </summary>
[Collection(GateCollection.Name)]
public class GateTests
{
    private const string InjectedInto = "nf-guard/NetGuard.Core/Diagnostics/Decision.cs";
    private readonly GateFixture _gate;

    public GateTests(GateFixture gate)
    {
        _gate = gate;
    }

    [Theory]
    // System.Collections.Generic is not in nanoFramework's mscorlib.
    [InlineData("System.Collections.Generic.List<int> values = new System.Collections.Generic.List<int>(); return values.Count;", "CS0234")]
    // Nullable<T> is not in nanoFramework's mscorlib.
    [InlineData("int? value = null; return value.HasValue ? 1 : 0;", "CS0518")]
    // Action<T> compiles against the real mscorlib but fails on the device: banned by BannedSymbols.txt.
    [InlineData("System.Action<int> report = value => { }; report(1); return 0;", "RS0030")]
    public void Gate_FailsWhenLibraryUsesWhatTheDeviceLacks(string body, string expectedDiagnostic)
    {
        string file = Path.Combine(_gate.Root, InjectedInto);
        string original = File.ReadAllText(file);
        try
        {
            File.WriteAllText(file, original + "\nnamespace NetGuard.Diagnostics { internal static class GateProbe { internal static int Probe() { " + body + " } } }\n");

            BuildResult result = _gate.BuildGate();

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("error " + expectedDiagnostic, result.Output);
        }
        finally
        {
            File.WriteAllText(file, original);
        }
    }

    [Fact]
    public void Gate_FailsWhenALowerLayerUsesAHigherOne()
    {
        // NetGuard.Core is the bottom layer: it cannot see the guard (NetGuard.Network) or HTTP (NetGuard.Http).
        string file = Path.Combine(_gate.Root, InjectedInto);
        string original = File.ReadAllText(file);
        try
        {
            File.WriteAllText(file, original + "\nnamespace NetGuard.Diagnostics { internal static class GateProbe { internal static object Probe() { return typeof(NetGuard.Http.HttpServer); } } }\n");

            BuildResult result = _gate.BuildGate();

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("error CS0234", result.Output);
        }
        finally
        {
            File.WriteAllText(file, original);
        }
    }

    [Fact]
    public void Gate_PassesWithoutInjectedCode()
    {
        BuildResult result = _gate.BuildGate();

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Gate_PassesWithANonGenericDelegate()
    {
        // Twin of the Action<int> case: the sanctioned alternative must still build.
        string file = Path.Combine(_gate.Root, InjectedInto);
        string original = File.ReadAllText(file);
        try
        {
            File.WriteAllText(file, original + "\nnamespace NetGuard.Diagnostics { internal delegate void Report(int value); internal static class GateProbe { internal static int Probe() { Report report = value => { }; report(1); return 0; } } }\n");

            BuildResult result = _gate.BuildGate();

            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            File.WriteAllText(file, original);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GateCollection : ICollectionFixture<GateFixture>
{
    public const string Name = "nanoFramework gate";
}
