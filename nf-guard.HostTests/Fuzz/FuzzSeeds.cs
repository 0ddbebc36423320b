using System.IO;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// The fuzz seed corpora (fuzz/seeds/TARGET, written by fuzz/make-seeds.sh). The targets' constants and steps are
/// <see cref="NetGuard.Fuzz.FuzzTargets"/> itself (compiled in), so the regression tests drive the same entry points.
/// </summary>
internal static class FuzzSeeds
{
    /// <summary>The seed file names of <paramref name="target"/> as theory data.</summary>
    public static TheoryData<string> Names(string target)
    {
        var data = new TheoryData<string>();
        string[] files = Directory.GetFiles(RepositoryLayout.PathOf("fuzz/seeds/" + target));
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>The bytes of one seed.</summary>
    public static byte[] Read(string target, string name) => File.ReadAllBytes(RepositoryLayout.PathOf("fuzz/seeds/" + target + "/" + name));

    /// <summary>True for seeds named as deliberately broken ("near-...").</summary>
    public static bool IsNearValid(string name) => name.StartsWith("near-", StringComparison.Ordinal);
}
