using System.Diagnostics;

namespace NetGuard.HostTests.Build;

/// <summary>Runs the dotnet CLI for build tests: no node reuse, no telemetry, output captured.</summary>
internal static class DotnetCli
{
    /// <summary>Runs <c>dotnet ARGUMENTS</c> in <paramref name="workingDirectory"/> and waits for it.</summary>
    public static BuildResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-nodeReuse:false");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using Process process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new BuildResult(process.ExitCode, stdout + stderr.Result);
    }
}
