using System.IO;

namespace NetGuard.HostTests;

/// <summary>Finds the repository the tests were built from.</summary>
internal static class RepositoryLayout
{
    /// <summary>The folder holding NetGuard.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the repository root, from '/'-separated parts.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A file under the host tests' TestData folder, as copied next to the binaries.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NetGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
