using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace NetGuard.Build.NanoClr;

/// <summary>
/// NetGuard's device test stage. For every assembly of build/assemblies.txt it converts the gate build's .dll to a
/// .pe with nanoFramework's MetadataProcessor, checks the byte code and string tables of libraries and firmwares
/// against 75% of the MetadataProcessor's 64 KiB limits, then runs every portable test assembly on nanoCLR's POSIX
/// host with the official unit test launcher and compares what it printed with what the assembly holds.
/// With <c>--bench RUNS</c> it runs the benchmark assemblies (kind bench) RUNS times instead and prints the median of
/// each figure they report as <c>nanoclr-bench: NAME VALUE UNIT</c>, with <c>library-pe-total</c>.
/// Usage: NanoClrRunner --repo DIR --toolchain DIR --out DIR [--configuration Release] [--timeout SECONDS] [--only NAME]...
///        [--bench RUNS]
/// Exit code 0 when everything converted, fits and passed; the last line is "nanoCLR: N passed, N failed".
/// </summary>
internal static class Program
{
    /// <summary>75% of the MetadataProcessor's 64 KiB tables: room for the next feature.</summary>
    private const int TableBudget = PeFile.TableLimit * 3 / 4;

    private static readonly string[] ToolchainAssemblies = { "mscorlib", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher", "nanoFramework.Runtime.Native" };

    private static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        IReadOnlyList<DeviceAssembly> table = AssemblyTable.Read(Path.Combine(options.Repository, "build", "assemblies.txt"));
        var failures = new List<string>();

        Directory.CreateDirectory(options.Output);
        foreach (string stale in Directory.GetFiles(options.Output, "*", SearchOption.AllDirectories))
        {
            File.Delete(stale);
        }

        foreach (string name in ToolchainAssemblies)
        {
            foreach (string extension in new[] { ".dll", ".pe" })
            {
                File.Copy(Path.Combine(options.Toolchain, "lib", name + extension), Path.Combine(options.Output, name + extension), true);
            }
        }

        Convert(options, table, failures);
        int libraryTotal = CheckSizes(options, table, failures);
        List<string> loadOrder = WriteLoadOrder(options, table);
        if (options.BenchRuns > 0)
        {
            return Bench(options, table, loadOrder, failures, libraryTotal);
        }

        int passed = 0;
        int failed = failures.Count;
        foreach (string failure in failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        DeviceAssembly[] tests = table.Where(a => a.Kind == "test" && (options.Only.Count == 0 || options.Only.Contains(a.Name))).ToArray();
        var runs = new ConcurrentDictionary<string, (LauncherOutput Output, double Seconds, string Log)>();
        Parallel.ForEach(tests, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, test =>
        {
            runs[test.Name] = RunTests(options, loadOrder, test);
        });

        Console.WriteLine();
        Console.WriteLine("Portable tests on nanoCLR (POSIX host, official UnitTestLauncher):");
        foreach (DeviceAssembly test in tests)
        {
            (LauncherOutput output, double seconds, string log) = runs[test.Name];
            passed += output.Passed;
            failed += output.Failed;
            Console.WriteLine($"  {test.Name,-30} {output.Passed,5} passed, {output.Failed,3} failed  ({seconds:F1} s, log {Path.GetRelativePath(options.Repository, log)})");
            foreach (TestResult result in output.Results.Where(r => r.Outcome != "passed"))
            {
                Console.WriteLine($"    {result.Outcome}: {result.Name}: {result.Detail}");
            }

            foreach (string problem in output.Problems)
            {
                Console.WriteLine("    " + problem);
            }
        }

        foreach (DeviceAssembly hardware in table.Where(a => a.Kind == "hwtest"))
        {
            string dll = Path.Combine(OutputFolder(options, hardware), "NFUnitTest.dll");
            int count = File.Exists(dll) ? TestInventory.Read(dll).Values.Sum() : 0;
            Console.WriteLine($"  {hardware.Name,-30} {count,5} tests converted, not run: they need a board (no native code for them in the POSIX host)");
        }

        Console.WriteLine($"nanoCLR: {passed} passed, {failed} failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static void Convert(Options options, IReadOnlyList<DeviceAssembly> table, List<string> failures)
    {
        var errors = new ConcurrentBag<string>();
        Parallel.ForEach(table, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, assembly =>
        {
            string dll = assembly.GateOutput(options.Repository, options.Configuration);
            string folder = OutputFolder(options, assembly);
            Directory.CreateDirectory(folder);
            if (!File.Exists(dll))
            {
                errors.Add(assembly.Name + ": " + dll + " not built (dotnet build NetGuard.sln)");
                return;
            }

            File.Copy(dll, Path.Combine(folder, Path.GetFileName(dll)), true);
            var arguments = new List<string> { options.MetadataProcessor };
            foreach ((string name, string path) in Hints(options, table, assembly))
            {
                arguments.AddRange(new[] { "-loadHints", name, path });
            }

            string pe = Path.Combine(folder, assembly.AssemblyName + ".pe");
            arguments.AddRange(new[] { "-parse", dll, "-compile", pe, "false" });
            (int exitCode, string output) = Run("dotnet", arguments, null, options.Timeout);
            File.WriteAllText(Path.Combine(options.Output, "logs", assembly.Name + ".mdp.log"), output);
            if (exitCode != 0 || !File.Exists(pe))
            {
                string why = output.Split('\n').FirstOrDefault(l => l.Contains("overflow", StringComparison.OrdinalIgnoreCase) || l.Contains("Exception", StringComparison.Ordinal)) ?? "exit code " + exitCode;
                errors.Add(assembly.Name + ": the MetadataProcessor did not convert it: " + why.Trim());
            }
        });
        failures.AddRange(errors.OrderBy(e => e, StringComparer.Ordinal));
    }

    // mscorlib and the test framework from the toolchain; NetGuard assemblies from the gate; other nanoFramework
    // assemblies from the gate's signature-only references.
    private static IEnumerable<(string Name, string Path)> Hints(Options options, IReadOnlyList<DeviceAssembly> table, DeviceAssembly assembly)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "mscorlib", "nanoFramework.TestFramework", "nanoFramework.Runtime.Native" };
        foreach (string name in seen)
        {
            yield return (name, Path.Combine(options.Toolchain, "lib", name + ".dll"));
        }

        IEnumerable<DeviceAssembly> closure = AssemblyTable.Closure(table, assembly).ToArray();
        foreach (DeviceAssembly reference in closure)
        {
            yield return (reference.Name, reference.GateOutput(options.Repository, options.Configuration));
        }

        foreach (string name in closure.Append(assembly).SelectMany(a => a.References).Where(r => table.All(a => a.Name != r)).Distinct())
        {
            if (seen.Add(name))
            {
                yield return (name, Path.Combine(options.Repository, "build", "gate", "ref", name, "bin", options.Configuration, "netstandard2.0", name + ".dll"));
            }
        }
    }

    // Runs each bench assembly BenchRuns times and prints the median of every figure; a failed run fails the bench.
    private static int Bench(Options options, IReadOnlyList<DeviceAssembly> table, List<string> loadOrder, List<string> failures, int libraryTotal)
    {
        var figures = new Dictionary<string, (string Unit, List<double> Values)>(StringComparer.Ordinal);
        foreach (DeviceAssembly bench in table.Where(a => a.Kind == "bench" && (options.Only.Count == 0 || options.Only.Contains(a.Name))))
        {
            for (int run = 1; run <= options.BenchRuns; run++)
            {
                (LauncherOutput output, double _, string log) = RunTests(options, loadOrder, bench);
                File.Move(log, Path.ChangeExtension(log, ".run" + run + ".log"), true);
                failures.AddRange(output.Results.Where(r => r.Outcome != "passed").Select(r => bench.Name + ": " + r.Outcome + ": " + r.Name + ": " + r.Detail));
                failures.AddRange(output.Problems.Select(p => bench.Name + ": " + p));
                foreach (string line in File.ReadLines(Path.ChangeExtension(log, ".run" + run + ".log")))
                {
                    string[] parts = line.Trim().Split(' ');
                    if (parts.Length == 4 && parts[0] == "nanoclr-bench:" && double.TryParse(parts[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
                    {
                        if (!figures.TryGetValue(parts[1], out var figure))
                        {
                            figure = (parts[3], new List<double>());
                            figures[parts[1]] = figure;
                        }

                        figure.Values.Add(value);
                    }
                }
            }
        }

        var report = new StringBuilder();
        report.AppendLine($"# nanoCLR POSIX host, {options.BenchRuns} runs, median (min) per figure; {DateTime.UtcNow:yyyy-MM-dd}");
        foreach (KeyValuePair<string, (string Unit, List<double> Values)> figure in figures)
        {
            List<double> sorted = figure.Value.Values.OrderBy(v => v).ToList();
            double median = sorted[sorted.Count / 2];
            report.AppendLine(FormattableString.Invariant($"nanoclr-bench: {figure.Key} {median:0.###} {figure.Value.Unit}   (min {sorted[0]:0.###})"));
        }

        report.AppendLine($"nanoclr-bench: library-pe-total {libraryTotal} B");
        File.WriteAllText(Path.Combine(options.Output, "bench.txt"), report.ToString());
        Console.WriteLine();
        Console.Write(report.ToString());
        foreach (string failure in failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        return failures.Count == 0 && figures.Count > 0 ? 0 : 1;
    }

    private static int CheckSizes(Options options, IReadOnlyList<DeviceAssembly> table, List<string> failures)
    {
        var report = new StringBuilder();
        report.AppendLine($"{"assembly",-30} {"kind",-8} {"total",8} {"bytecode",9} {"strings",8} {"signat.",8}");
        int libraryTotal = 0;
        foreach (DeviceAssembly assembly in table)
        {
            string pe = Path.Combine(OutputFolder(options, assembly), assembly.AssemblyName + ".pe");
            if (!File.Exists(pe))
            {
                continue;
            }

            PeFile file = PeFile.Read(pe);
            report.AppendLine($"{assembly.Name,-30} {assembly.Kind,-8} {file.Length,8} {file.ByteCodeTable,9} {file.StringTable,8} {file.SignatureTable,8}");
            if (assembly.Kind == "lib")
            {
                libraryTotal += file.Length;
            }

            if ((assembly.Kind is "lib" or "app") && (file.ByteCodeTable > TableBudget || file.StringTable > TableBudget))
            {
                failures.Add($"{assembly.Name}: byte code {file.ByteCodeTable} B, strings {file.StringTable} B: over the {TableBudget} B budget (75% of the MetadataProcessor's limit)");
            }
        }

        report.AppendLine($"library .pe total (kind lib): {libraryTotal} bytes");
        File.WriteAllText(Path.Combine(options.Output, "sizes.txt"), report.ToString());
        Console.Write(report.ToString());
        return libraryTotal;
    }

    // What a test run loads before its NFUnitTest.pe: the toolchain's assemblies, then every library and support
    // assembly whose references all exist on the POSIX host (NetGuard.Device needs System.Net, which it lacks).
    private static List<string> WriteLoadOrder(Options options, IReadOnlyList<DeviceAssembly> table)
    {
        var loadable = new HashSet<string>(StringComparer.Ordinal) { "mscorlib", "nanoFramework.TestFramework", "nanoFramework.Runtime.Native" };
        var order = new List<string> { "mscorlib.pe", "nanoFramework.Runtime.Native.pe", "nanoFramework.TestFramework.pe", "nanoFramework.UnitTestLauncher.pe" };
        foreach (DeviceAssembly assembly in table.Where(a => a.Kind is "lib" or "support"))
        {
            if (assembly.References.All(loadable.Contains) && File.Exists(Path.Combine(options.Output, assembly.Name + ".pe")))
            {
                loadable.Add(assembly.Name);
                order.Add(assembly.Name + ".pe");
            }
        }

        File.WriteAllLines(Path.Combine(options.Output, "load-order.txt"), order);
        return order;
    }

    private static (LauncherOutput Output, double Seconds, string Log) RunTests(Options options, List<string> loadOrder, DeviceAssembly test)
    {
        string folder = OutputFolder(options, test);
        string pe = Path.Combine(folder, "NFUnitTest.pe");
        string log = Path.Combine(options.Output, "logs", test.Name + ".log");
        IReadOnlyDictionary<string, int> expected = TestInventory.Read(Path.Combine(folder, "NFUnitTest.dll"));
        if (!File.Exists(pe))
        {
            File.WriteAllText(log, "not converted\n");
            return (LauncherOutput.Parse(Array.Empty<string>(), expected), 0, log);
        }

        var arguments = loadOrder.Select(p => Path.Combine(options.Output, p)).Append(pe).ToList();
        var clock = Stopwatch.StartNew();
        (int exitCode, string output) = Run(options.NanoClr, arguments, Path.Combine(options.Toolchain, "nanoclr", "lib"), options.Timeout);
        double seconds = clock.Elapsed.TotalSeconds;
        File.WriteAllText(log, output + "\nnanoCLR exit code " + exitCode + "\n");
        LauncherOutput parsed = LauncherOutput.Parse(output.Split('\n').Select(l => l.TrimEnd('\r')), expected);
        var problems = TestInventory.Unreachable(Path.Combine(folder, "NFUnitTest.dll")).ToList();
        problems.AddRange(output.Split('\n').Where(l => l.StartsWith("Link failure", StringComparison.Ordinal) || l.StartsWith("Assembly: ", StringComparison.Ordinal) && l.Contains(" needs assembly ", StringComparison.Ordinal)).Select(l => l.Trim()));
        if (exitCode != 0)
        {
            problems.Add(exitCode == 124 ? "timed out after " + options.Timeout + " s" : "nanoCLR exited with " + exitCode);
        }

        return (problems.Count == 0 ? parsed : parsed.With(problems), seconds, log);
    }

    private static string OutputFolder(Options options, DeviceAssembly assembly) => assembly.Kind switch
    {
        "test" or "hwtest" => Path.Combine(options.Output, "tests", assembly.Name),
        "bench" => Path.Combine(options.Output, "bench", assembly.Name),
        _ => options.Output,
    };

    // Runs a process with a time limit; exit code 124 when it had to be killed, as timeout(1) reports it.
    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string? libraryPath, int timeoutSeconds)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (libraryPath != null)
        {
            start.Environment["LD_LIBRARY_PATH"] = libraryPath;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (124, stdout.Result + stderr.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private sealed class Options
    {
        public string Repository { get; private set; } = string.Empty;

        public string Toolchain { get; private set; } = string.Empty;

        public string Output { get; private set; } = string.Empty;

        public string Configuration { get; private set; } = "Release";

        public int Timeout { get; private set; } = 600;

        public HashSet<string> Only { get; } = new(StringComparer.Ordinal);

        public int BenchRuns { get; private set; }

        public string MetadataProcessor => Path.Combine(Toolchain, "mdp", "nanoFramework.Tools.MetadataProcessor.dll");

        public string NanoClr => Path.Combine(Toolchain, "nanoclr", "bin", "nanoFramework.nanoCLR.test");

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (int i = 0; i < args.Length; i++)
            {
                string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException(args[i] + " needs a value");
                switch (args[i])
                {
                    case "--repo": options.Repository = Path.GetFullPath(value); break;
                    case "--toolchain": options.Toolchain = Path.GetFullPath(value); break;
                    case "--out": options.Output = Path.GetFullPath(value); break;
                    case "--configuration": options.Configuration = value; break;
                    case "--timeout": options.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--only": options.Only.Add(value); break;
                    case "--bench": options.BenchRuns = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException("unknown option " + args[i]);
                }

                i++;
            }

            if (options.Repository.Length == 0 || options.Toolchain.Length == 0 || options.Output.Length == 0)
            {
                throw new ArgumentException("usage: NanoClrRunner --repo DIR --toolchain DIR --out DIR [--configuration C] [--timeout S] [--only NAME]...");
            }

            Directory.CreateDirectory(Path.Combine(options.Output, "logs"));
            return options;
        }
    }
}
