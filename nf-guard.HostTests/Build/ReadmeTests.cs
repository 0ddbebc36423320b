using System.IO;
using NetGuard.Diagnostics;

namespace NetGuard.HostTests.Build;

/// <summary>The README's code and tables are checked against the sources they describe.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryLayout.PathOf("README.md"));

    [Fact]
    public void UsageExample_IsTheFileTheGateCompiles()
    {
        string example = File.ReadAllText(RepositoryLayout.PathOf("docs/examples/GuardedFirmware.cs")).TrimEnd('\n');

        Assert.Contains("```csharp\n" + example + "\n```", Readme, StringComparison.Ordinal);
        Assert.Contains("docs/examples/*.cs", File.ReadAllText(RepositoryLayout.PathOf("build/gate/NetGuard.Examples/NetGuard.Examples.csproj")), StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonCodeTable_ListsEveryCodeWithItsValue()
    {
        foreach (ReasonCode code in Enum.GetValues<ReasonCode>())
        {
            Assert.Contains("| `" + ReasonCodeNames.Name(code) + "` | 0x" + ((int)code).ToString("X2") + " |", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NamesTheTestCommandAndTheMainJob()
    {
        Assert.Contains("./test.sh", Readme, StringComparison.Ordinal);
        Assert.Contains("exec ./test.sh", File.ReadAllText(RepositoryLayout.PathOf(".ci/run")), StringComparison.Ordinal);
        Assert.Contains("dotnet run --project samples/SmartSocket/SmartSocket.Host", Readme, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryLayout.PathOf("samples/SmartSocket/SmartSocket.Host/SmartSocket.Host.csproj")));
    }
}
