using System;
using NGC = nanoFramework.Runtime.Native.GC;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>
    /// Timing, heap readings and the output line of the device benchmarks: <c>nanoclr-bench: NAME VALUE UNIT</c>, read by
    /// build/nanoclr/run-bench.sh. Times are the interpreter's wall clock; heap figures come from the collector.
    /// </summary>
    internal static class BenchReport
    {
        /// <summary>The wall clock in 100 ns ticks. Benchmarks only: the library itself never reads it.</summary>
        public static long NowTicks()
        {
#pragma warning disable RS0030 // a benchmark measures elapsed wall time; nothing here decides anything
            return DateTime.UtcNow.Ticks;
#pragma warning restore RS0030
        }

        /// <summary>Prints one figure.</summary>
        public static void Report(string name, double value, string unit)
        {
            Console.WriteLine("nanoclr-bench: " + name + " " + value.ToString("F1") + " " + unit);
        }

        /// <summary>Prints the per-operation time of the fastest of the timed batches, in microseconds.</summary>
        public static void ReportMicroseconds(string name, long[] batchTicks, int operationsPerBatch)
        {
            long best = long.MaxValue;
            for (int i = 0; i < batchTicks.Length; i++)
            {
                if (batchTicks[i] < best)
                {
                    best = batchTicks[i];
                }
            }

            Report(name, best / 10.0 / operationsPerBatch, "us");
        }

        /// <summary>Runs a full collection (no compaction: the POSIX host crashes compacting) and returns the free heap in bytes.</summary>
        public static long FreeHeap()
        {
            return NGC.Run(false);
        }
    }
}
