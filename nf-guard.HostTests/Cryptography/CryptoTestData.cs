// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using System.Collections.Generic;
using System.IO;

namespace NetGuard.HostTests.Cryptography
{
    /// <summary>Reads the vector files in TestData/ (first line "# Source: ..."; '#' lines are comments).</summary>
    internal static class CryptoTestData
    {
        public static string PathOf(string fileName)
        {
            return Path.Combine(AppContext.BaseDirectory, "TestData", fileName);
        }

        /// <summary>Returns the ':'-separated fields of every data line, after checking the provenance header.</summary>
        public static List<string[]> ReadRecords(string fileName)
        {
            string[] lines = File.ReadAllLines(PathOf(fileName));
            if (lines.Length == 0 || !lines[0].StartsWith("# Source: ", StringComparison.Ordinal))
            {
                throw new InvalidDataException(fileName + " must start with a '# Source: ' line.");
            }

            var records = new List<string[]>();
            foreach (string line in lines)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                records.Add(line.Split(':'));
            }

            return records;
        }

        /// <summary>The record names of a file, for [MemberData].</summary>
        public static IEnumerable<object[]> Names(string fileName)
        {
            foreach (string[] record in ReadRecords(fileName))
            {
                yield return new object[] { record[0] };
            }
        }

        public static string[] Find(string fileName, string name)
        {
            foreach (string[] record in ReadRecords(fileName))
            {
                if (record[0] == name)
                {
                    return record;
                }
            }

            throw new KeyNotFoundException(name + " not found in " + fileName);
        }

        public static byte[] Hex(string hex)
        {
            return Convert.FromHexString(hex);
        }

        public static string ToHex(byte[] bytes)
        {
            return Convert.ToHexString(bytes).ToLowerInvariant();
        }
    }
}
