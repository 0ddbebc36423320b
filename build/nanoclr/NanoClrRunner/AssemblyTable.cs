using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NetGuard.Build.NanoClr;

/// <summary>One row of build/assemblies.txt: a device assembly, its kind, sources and references.</summary>
internal sealed record DeviceAssembly(string Kind, string Name, string Folder, IReadOnlyList<string> References)
{
    /// <summary>The assembly name the device sees (every test assembly is NFUnitTest).</summary>
    public string AssemblyName => Kind is "test" or "hwtest" or "bench" ? "NFUnitTest" : Name;

    /// <summary>The gate project's output for <paramref name="configuration"/>.</summary>
    public string GateOutput(string repository, string configuration) =>
        Path.Combine(repository, "build", "gate", Name, "bin", configuration, "netstandard2.0", AssemblyName + ".dll");
}

/// <summary>build/assemblies.txt: NetGuard's device assemblies, lowest layer first.</summary>
internal static class AssemblyTable
{
    /// <summary>Reads the table; throws <see cref="FormatException"/> naming the line when a row is malformed.</summary>
    public static IReadOnlyList<DeviceAssembly> Read(string path)
    {
        var rows = new List<DeviceAssembly>();
        int number = 0;
        foreach (string raw in File.ReadAllLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] cells = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 5 || !(cells[0] is "lib" or "support" or "test" or "hwtest" or "app" or "bench"))
            {
                throw new FormatException(path + ":" + number + ": expected 'kind name folder references links'");
            }

            rows.Add(new DeviceAssembly(cells[0], cells[1], cells[2], cells[3].Split(',')));
        }

        return rows;
    }

    /// <summary>The NetGuard assemblies <paramref name="assembly"/> references, directly or not, in table order.</summary>
    public static IEnumerable<DeviceAssembly> Closure(IReadOnlyList<DeviceAssembly> table, DeviceAssembly assembly)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(assembly.References);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            DeviceAssembly? row = table.FirstOrDefault(a => a.Name == name);
            if (row != null && wanted.Add(name))
            {
                foreach (string reference in row.References)
                {
                    pending.Push(reference);
                }
            }
        }

        return table.Where(a => wanted.Contains(a.Name));
    }
}
