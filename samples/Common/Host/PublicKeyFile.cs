using System;
using System.IO;

namespace NetGuard.Samples.Host;

/// <summary>
/// Reads a public key file as <c>netguard keygen</c> writes it: a BEGIN line, '#' comments, 64 hex digits (the
/// 32-byte Ed25519 public key, RFC 8032 5.1.5), an END line.
/// </summary>
internal static class PublicKeyFile
{
    private const string Begin = "-----BEGIN NETGUARD ED25519 PUBLIC KEY-----";
    private const string End = "-----END NETGUARD ED25519 PUBLIC KEY-----";

    /// <summary>Returns the key, or null with the problem in <paramref name="problem"/>.</summary>
    public static byte[] TryRead(string path, out string problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            problem = $"key file not found: {path}";
            return null;
        }

        string hex = null;
        bool begun = false;
        bool ended = false;
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line == Begin)
            {
                begun = true;
            }
            else if (line == End)
            {
                ended = true;
            }
            else if (begun && !ended && hex == null)
            {
                hex = line;
            }
        }

        if (!begun || !ended || hex == null || hex.Length != 64)
        {
            problem = $"{path} is not a NetGuard public key file (netguard keygen writes netguard.pub)";
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            problem = $"{path}: the key must be 64 hex digits";
            return null;
        }
    }
}
