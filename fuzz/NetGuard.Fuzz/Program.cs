using System;
using System.IO;
using SharpFuzz;

namespace NetGuard.Fuzz;

/// <summary>
/// AFL++ entry point: <c>NetGuard.Fuzz TARGET</c> runs one target under SharpFuzz's out-of-process loop;
/// <c>NetGuard.Fuzz --list</c> names the targets; <c>NetGuard.Fuzz --replay TARGET FILE...</c> runs inputs
/// once without AFL (how a finding becomes a regression test); <c>NetGuard.Fuzz --write-seeds SEEDS SIGNED</c> writes the
/// seed corpora (fuzz/make-seeds.sh). Any exception that escapes a target is a
/// crash: parsers of untrusted bytes must return a refusal, never throw.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--list")
        {
            foreach (string name in FuzzTargets.Names)
            {
                Console.WriteLine(name);
            }

            return 0;
        }

        if (args.Length >= 2 && args[0] == "--replay")
        {
            FuzzTarget replayed = FuzzTargets.Find(args[1]) ?? throw new ArgumentException("unknown target " + args[1]);
            for (int i = 2; i < args.Length; i++)
            {
                replayed(File.ReadAllBytes(args[i]));
            }

            return 0;
        }

        if (args.Length == 3 && args[0] == "--write-seeds")
        {
            SeedWriter.Write(args[1], args[2]);
            return 0;
        }

        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: NetGuard.Fuzz TARGET | --list | --replay TARGET FILE... | --write-seeds SEEDS SIGNED");
            return 2;
        }

        FuzzTarget? target = FuzzTargets.Find(args[0]);
        if (target == null)
        {
            Console.Error.WriteLine("unknown target " + args[0]);
            return 2;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }
}
