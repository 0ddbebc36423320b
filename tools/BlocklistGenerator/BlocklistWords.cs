using System;
using System.Collections.Generic;
using System.IO;
using NetGuard.Credentials;

namespace NetGuard.Tools.BlocklistGenerator;

/// <summary>Reads the blocklist data files into the normalised word set the filter holds.</summary>
internal static class BlocklistWords
{
    /// <summary>
    /// Every non-comment line of <paramref name="commonList"/>, and every non-empty user name and password of
    /// <paramref name="miraiList"/> (tab-separated), lower-cased as <see cref="PasswordText.ToLowerAscii"/> does.
    /// </summary>
    public static SortedSet<string> Load(string commonList, string miraiList)
    {
        SortedSet<string> words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(commonList))
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            words.Add(PasswordText.ToLowerAscii(line));
        }

        foreach (string line in File.ReadAllLines(miraiList))
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = line.Split('\t');
            if (parts.Length != 2)
            {
                throw new InvalidDataException("Expected user<TAB>password: " + line);
            }

            foreach (string part in parts)
            {
                if (part.Length > 0)
                {
                    words.Add(PasswordText.ToLowerAscii(part));
                }
            }
        }

        return words;
    }
}
