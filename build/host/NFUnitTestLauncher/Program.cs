using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using nanoFramework.TestFramework;

namespace NetGuard.Build.TestLauncher;

/// <summary>
/// Host stand-in for nanoFramework's unit test launcher. Like the device launcher it loads the assembly
/// named NFUnitTest and, per [TestClass]: runs [Setup] once, then the [TestMethod]s, then the [DataRow]
/// methods once per row, then [Cleanup] once, printing "Test passed,...", "Test failed,..." or
/// "Test skipped,..." per test. The device launcher calls methods with a null 'this' and never constructs
/// the class, so a test class with instance fields is reported as a failure here, and methods run on an
/// object whose constructor never ran.
/// Usage: NFUnitTestLauncher [filter]  (filter: substring of Namespace.Type.Method)
/// Exit code 0 when every test passed and at least one ran.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string? filter = args.Length > 0 ? args[0] : null;
        Assembly assembly = Assembly.Load(new AssemblyName("NFUnitTest"));
        var tally = new Tally();

        foreach (Type type in assembly.GetTypes().Where(t => t.GetCustomAttribute<TestClassAttribute>() != null).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            RunClass(type, filter, tally);
        }

        Console.WriteLine($"NFUnitTest: {tally.Passed} passed, {tally.Failed} failed, {tally.Skipped} skipped");
        return tally.Failed == 0 && tally.Passed > 0 ? 0 : 1;
    }

    private static void RunClass(Type type, string? filter, Tally tally)
    {
        MethodInfo[] methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .OrderBy(m => m.MetadataToken).ToArray();
        MethodInfo[] plain = methods.Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null && !m.GetCustomAttributes<DataRowAttribute>().Any()).ToArray();
        MethodInfo[] rows = methods.Where(m => m.GetCustomAttributes<DataRowAttribute>().Any()).ToArray();
        if (filter != null)
        {
            plain = plain.Where(m => Name(m).Contains(filter, StringComparison.Ordinal)).ToArray();
            rows = rows.Where(m => Name(m).Contains(filter, StringComparison.Ordinal)).ToArray();
            if (plain.Length == 0 && rows.Length == 0)
            {
                return;
            }
        }

        FieldInfo[] instanceFields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (instanceFields.Length > 0)
        {
            Report(tally, Outcome.Failed, type.FullName + ".<class>", 0,
                "the nanoFramework launcher never constructs test classes: keep state in static fields (" + string.Join(", ", instanceFields.Select(f => f.Name)) + ")");
            return;
        }

        object instance = RuntimeHelpers.GetUninitializedObject(type);
        string? setupFailure = null;
        foreach (MethodInfo setup in methods.Where(m => m.GetCustomAttribute<SetupAttribute>() != null))
        {
            (Outcome outcome, string detail, _) = Invoke(instance, setup, Array.Empty<object>());
            if (outcome != Outcome.Passed)
            {
                setupFailure = "[Setup] " + setup.Name + " did not pass: " + detail;
            }
        }

        foreach (MethodInfo method in plain)
        {
            RunOne(instance, method, Array.Empty<object>(), Name(method), setupFailure, tally);
        }

        foreach (MethodInfo method in rows)
        {
            int row = 0;
            foreach (DataRowAttribute data in method.GetCustomAttributes<DataRowAttribute>())
            {
                RunOne(instance, method, data.MethodParameters, Name(method) + "[" + row++ + "]", setupFailure, tally);
            }
        }

        foreach (MethodInfo cleanup in methods.Where(m => m.GetCustomAttribute<CleanupAttribute>() != null))
        {
            (Outcome outcome, string detail, long ticks) = Invoke(instance, cleanup, Array.Empty<object>());
            if (outcome == Outcome.Failed)
            {
                Report(tally, Outcome.Failed, Name(cleanup) + ".<cleanup>", ticks, detail);
            }
        }
    }

    private static void RunOne(object instance, MethodInfo method, object[] arguments, string name, string? setupFailure, Tally tally)
    {
        if (setupFailure != null)
        {
            Report(tally, Outcome.Failed, name, 0, setupFailure);
            return;
        }

        (Outcome outcome, string detail, long ticks) = Invoke(instance, method, arguments);
        Report(tally, outcome, name, ticks, detail);
    }

    private static (Outcome Outcome, string Detail, long Ticks) Invoke(object instance, MethodInfo method, object[] arguments)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            method.Invoke(method.IsStatic ? null : instance, arguments);
            return (Outcome.Passed, string.Empty, watch.Elapsed.Ticks);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is SkipTestException skip)
        {
            return (Outcome.Skipped, skip.Message, watch.Elapsed.Ticks);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            return (Outcome.Failed, ex.InnerException.GetType().Name + ": " + ex.InnerException.Message, watch.Elapsed.Ticks);
        }
        catch (Exception ex) when (ex is ArgumentException or TargetParameterCountException)
        {
            return (Outcome.Failed, "cannot call with the given arguments: " + ex.Message, watch.Elapsed.Ticks);
        }
    }

    private static string Name(MethodInfo method) => method.DeclaringType!.FullName + "." + method.Name;

    private static void Report(Tally tally, Outcome outcome, string name, long ticks, string detail)
    {
        switch (outcome)
        {
            case Outcome.Passed:
                tally.Passed++;
                Console.WriteLine($"Test passed,{name},{ticks}");
                break;
            case Outcome.Skipped:
                tally.Skipped++;
                Console.WriteLine($"Test skipped,{name},{ticks},{detail}");
                break;
            default:
                tally.Failed++;
                Console.WriteLine($"Test failed,{name},{ticks},{detail}");
                break;
        }
    }

    private enum Outcome { Passed, Failed, Skipped }

    private sealed class Tally
    {
        public int Passed;
        public int Failed;
        public int Skipped;
    }
}
