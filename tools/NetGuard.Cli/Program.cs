using System;
using System.CommandLine;
using System.Globalization;
using System.IO;

namespace NetGuard.Cli;

/// <summary>
/// Entry point of the <c>netguard</c> tool. Exit codes: 0 success (verify: accepted), 1 verify/inspect rejected the
/// package, 2 bad arguments or a refused file operation (nothing is overwritten without --force).
/// </summary>
public static class Program
{
    /// <summary>Exit code for success.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code when a package is rejected.</summary>
    public const int ExitRejected = 1;

    /// <summary>Exit code for bad arguments.</summary>
    public const int ExitUsage = 2;

    /// <summary>Runs the tool with the process's console.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool writing to <paramref name="output"/> and <paramref name="error"/> (used by tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var commands = new Commands(output, error);
        RootCommand root = commands.Build();
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine("netguard: " + problem.Message);
            }

            error.WriteLine("Run 'netguard --help' for usage.");
            return ExitUsage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Parses an ISO 8601 time to Unix seconds; throws <see cref="UsageException"/>.</summary>
    internal static long ParseTime(string text, string option)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time))
        {
            throw new UsageException($"{option}: '{text}' is not an ISO 8601 time (e.g. 2026-12-31T00:00:00Z)");
        }

        long seconds = time.ToUnixTimeSeconds();
        if (seconds <= 0)
        {
            throw new UsageException($"{option}: the time must be after 1970");
        }

        return seconds;
    }
}
