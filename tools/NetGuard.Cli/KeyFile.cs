using System;
using System.IO;
using System.Text;
using NetGuard.Updates;

namespace NetGuard.Cli;

/// <summary>
/// Key files, PEM-like text: a BEGIN line, optional '#' comment lines, the key as 64 lower-case hex digits
/// (a 32-byte Ed25519 private seed, RFC 8032 5.1.5, or a 32-byte public key), an END line.
/// <code>
/// -----BEGIN NETGUARD ED25519 PRIVATE KEY-----
/// # key id 0123456789abcdef
/// 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60
/// -----END NETGUARD ED25519 PRIVATE KEY-----
/// </code>
/// </summary>
internal static class KeyFile
{
    public const string PrivateLabel = "NETGUARD ED25519 PRIVATE KEY";
    public const string PublicLabel = "NETGUARD ED25519 PUBLIC KEY";

    /// <summary>Formats a key file.</summary>
    public static string Format(string label, byte[] key, byte[] keyId)
    {
        var text = new StringBuilder();
        text.Append("-----BEGIN ").Append(label).Append("-----\n");
        text.Append("# key id ").Append(Convert.ToHexStringLower(keyId)).Append('\n');
        text.Append(Convert.ToHexStringLower(key)).Append('\n');
        text.Append("-----END ").Append(label).Append("-----\n");
        return text.ToString();
    }

    /// <summary>Reads a key file with <paramref name="label"/>; throws <see cref="UsageException"/> when it is not one.</summary>
    public static byte[] Read(string path, string label)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"key file not found: {path}");
        }

        string[] lines = File.ReadAllText(path).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int index = 0;
        if (lines.Length < 3 || lines[index++].Trim() != "-----BEGIN " + label + "-----")
        {
            throw new UsageException($"{path} is not a {label.ToLowerInvariant()} file (expected '-----BEGIN {label}-----')");
        }

        while (index < lines.Length && lines[index].TrimStart().StartsWith('#'))
        {
            index++;
        }

        if (index + 1 >= lines.Length || lines[index + 1].Trim() != "-----END " + label + "-----")
        {
            throw new UsageException($"{path}: expected one hex line and '-----END {label}-----'");
        }

        string hex = lines[index].Trim();
        if (hex.Length != 64)
        {
            throw new UsageException($"{path}: the key must be 64 hex digits");
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new UsageException($"{path}: the key must be 64 hex digits");
        }
    }

    /// <summary>Computes the key id the device uses (first 8 bytes of SHA-256 of the public key).</summary>
    public static byte[] KeyId(byte[] publicKey) => TrustedKeyRing.ComputeKeyId(publicKey);
}
