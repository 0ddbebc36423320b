using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGuard.Build.NanoClr;

/// <summary>One test result: its launcher name (<c>Namespace.Type.Method.index</c>), outcome and detail.</summary>
internal sealed record TestResult(string Name, string Outcome, string Detail)
{
    /// <summary>The method the result belongs to: the name without its attribute index.</summary>
    public string Method => Name.Contains('.') ? Name[..Name.LastIndexOf('.')] : Name;
}

/// <summary>A test assembly's run, checked against its inventory.</summary>
internal sealed class LauncherOutput
{
    private LauncherOutput(IReadOnlyList<TestResult> results, IReadOnlyList<string> problems)
    {
        Results = results;
        Problems = problems;
    }

    /// <summary>Every result line the launcher printed, in order.</summary>
    public IReadOnlyList<TestResult> Results { get; }

    /// <summary>What makes the run fail besides failed tests: results missing or unexpected, per method.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Results that passed.</summary>
    public int Passed => Results.Count(r => r.Outcome == "passed");

    /// <summary>Failed and skipped results plus problems: a portable test that cannot run on the interpreter is a failure.</summary>
    public int Failed => Results.Count(r => r.Outcome != "passed") + Problems.Count;

    /// <summary>The same results with <paramref name="more"/> problems added (how the run itself ended).</summary>
    public LauncherOutput With(IEnumerable<string> more) => new(new List<TestResult>(Results), Problems.Concat(more).ToList());

    /// <summary>
    /// Reads the launcher's lines (<c>Test passed|failed|skipped,&lt;name&gt;,&lt;detail&gt;</c>) and compares them with
    /// <paramref name="expected"/> (results per method): a method with fewer results than expected did not run
    /// (the launcher stops silently when it cannot read a method's attributes), one with more was not expected.
    /// </summary>
    public static LauncherOutput Parse(IEnumerable<string> lines, IReadOnlyDictionary<string, int> expected)
    {
        var results = new List<TestResult>();
        foreach (string line in lines)
        {
            foreach (string outcome in new[] { "passed", "failed", "skipped" })
            {
                string prefix = "Test " + outcome + ",";
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    string rest = line[prefix.Length..];
                    int comma = rest.IndexOf(',');
                    results.Add(new TestResult(comma < 0 ? rest : rest[..comma], outcome, comma < 0 ? string.Empty : rest[(comma + 1)..]));
                }
            }
        }

        var problems = new List<string>();
        Dictionary<string, int> reported = results.GroupBy(r => r.Method).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (KeyValuePair<string, int> method in expected)
        {
            int count = reported.TryGetValue(method.Key, out int n) ? n : 0;
            if (count < method.Value)
            {
                problems.Add(method.Key + ": " + (method.Value - count) + " of " + method.Value + " result(s) missing: did not run");
            }
            else if (count > method.Value)
            {
                problems.Add(method.Key + ": " + count + " results, " + method.Value + " expected");
            }
        }

        foreach (string method in reported.Keys.Where(m => !expected.ContainsKey(m)))
        {
            problems.Add(method + ": reported but not in the assembly's inventory");
        }

        return new LauncherOutput(results, problems);
    }
}
