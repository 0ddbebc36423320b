using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGuard.HostTests.Build;

/// <summary>
/// Rules for device code that the interpreter taught us (nanoCLR, 2026-12-06) and the banned-API analyzer cannot
/// express (it does not see the string indexer): <c>s[i]</c> returns the high surrogate twice for a surrogate pair and
/// walks the UTF-8 text from its start on every call; "\0" ends a string; a [DataRow] with an enum argument makes
/// GetCustomAttributes throw, and the official launcher silently skips everything after it. Every device source file
/// (libraries, sample firmware, portable tests) is compiled here with Roslyn against the device's mscorlib and checked.
/// </summary>
public class DeviceCodeRulesTests
{
    [Fact]
    public void DeviceCode_NeverIndexesAString()
    {
        string[] found = Findings().Where(f => f.Rule == "indexer").Select(f => f.Where).ToArray();
        Assert.True(found.Length == 0, "index a ToCharArray() copy instead:\n" + string.Join("\n", found));
    }

    [Fact]
    public void DeviceCode_HasNoStringLiteralHoldingNul()
    {
        string[] found = Findings().Where(f => f.Rule == "nul").Select(f => f.Where).ToArray();
        Assert.True(found.Length == 0, "build the value from bytes or chars instead:\n" + string.Join("\n", found));
    }

    [Fact]
    public void PortableTests_PassNoEnumToADataRow()
    {
        string[] found = Findings().Where(f => f.Rule == "enum-datarow").Select(f => f.Where).ToArray();
        Assert.True(found.Length == 0, "pass the enum as (int) and cast it back in the test:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Check_FindsEachRuleAndNothingElse()
    {
        // Twin of the rules above: the checker itself must see each case, and not the lawful neighbours.
        const string Probe = "enum E { A } class DataRowAttribute : System.Attribute { public DataRowAttribute(params object[] a) { } } " +
            "class C { char F(string s) { return s[0]; } string G() { return \"a\\u0000b\"; } char H(char[] c) { return c[0]; } " +
            "[DataRow(E.A, 1)] void I(E e, int x) { } [DataRow((int)E.A, \"a\\u0001\")] void J(int e, string s) { } }";
        List<(string Rule, string Where)> found = Check(new[] { CSharpSyntaxTree.ParseText(Probe, path: "probe.cs") }).ToList();

        Assert.Contains(found, f => f.Rule == "indexer" && f.Where.StartsWith("probe.cs(1", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Rule == "nul");
        Assert.Contains(found, f => f.Rule == "enum-datarow" && f.Where.Contains("E.A", StringComparison.Ordinal));
        Assert.Equal(3, found.Count);
    }

    private static List<(string Rule, string Where)> Findings()
    {
        // Every assembly's own folder and the folders and files it links in (the socket layer, the samples' shared
        // code), each file once.
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (DeviceProjectShapeTests.DeviceAssembly assembly in DeviceProjectShapeTests.Table())
        {
            foreach (string source in new[] { assembly.Folder }.Concat(assembly.Links))
            {
                string path = RepositoryLayout.PathOf(source);
                files.UnionWith(source.EndsWith(".cs", StringComparison.Ordinal) ? new[] { path } : Directory.GetFiles(path, "*.cs", SearchOption.AllDirectories));
            }
        }

        var trees = new List<SyntaxTree>();
        foreach (string file in files)
        {
            string[] parts = file.Split(Path.DirectorySeparatorChar);
            if (!parts.Contains("obj") && !parts.Contains("bin"))
            {
                trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" }), path: Path.GetRelativePath(RepositoryLayout.Root, file)));
            }
        }

        return Check(trees).ToList();
    }

    // One compilation of every tree against the device's mscorlib: unresolved NetGuard or nanoFramework types do not
    // matter, since only expressions of type System.String are judged.
    private static IEnumerable<(string Rule, string Where)> Check(IEnumerable<SyntaxTree> trees)
    {
        string mscorlib = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");
        CSharpCompilation compilation = CSharpCompilation.Create("DeviceStringRules", trees, new[] { MetadataReference.CreateFromFile(mscorlib) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is ElementAccessExpressionSyntax access && model.GetTypeInfo(access.Expression).Type?.SpecialType == SpecialType.System_String)
                {
                    yield return ("indexer", Where(tree, node));
                }
                else if (node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Contains('\0', StringComparison.Ordinal))
                {
                    yield return ("nul", Where(tree, node));
                }
                else if (node is AttributeSyntax attribute && attribute.Name.ToString() is "DataRow" or "DataRowAttribute" && attribute.ArgumentList != null
                    && attribute.ArgumentList.Arguments.Any(a => model.GetTypeInfo(a.Expression).Type?.TypeKind == TypeKind.Enum))
                {
                    yield return ("enum-datarow", Where(tree, node));
                }
                else if (node is InterpolatedStringTextSyntax text && text.TextToken.ValueText.Contains('\0', StringComparison.Ordinal))
                {
                    yield return ("nul", Where(tree, node));
                }
            }
        }
    }

    private static string Where(SyntaxTree tree, SyntaxNode node) =>
        tree.FilePath + "(" + (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1) + "): " + node.ToString();
}
