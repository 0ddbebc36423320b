using System;
using System.IO;
using NetGuard.Updates;
using Xunit;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// The fuzz seed corpora (fuzz/seeds/TARGET, written by fuzz/make-seeds.sh) and the constants the fuzz targets in
/// fuzz/NetGuard.Fuzz/FuzzTargets.cs use, so the regression tests drive the same entry points with the same inputs.
/// </summary>
internal static class FuzzSeeds
{
    /// <summary>The model the update targets are configured for.</summary>
    public const string Model = "SmartSocket";

    /// <summary>Trusted time of the update-package target: 2027-01-15T08:00:00Z.</summary>
    public const long Now = 1_800_000_000;

    /// <summary>The DNS query id of the dns-response target.</summary>
    public const int DnsTransactionId = 0x4E47;

    /// <summary>The DNS name the dns-response target queried.</summary>
    public const string DnsQueryName = "_netguard.smartsocket.example.com";

    /// <summary>The record the record-slot target reads.</summary>
    public const string RecordName = "fuzz-record";

    /// <summary>The record-slot target's largest record.</summary>
    public const int MaxRecordLength = 1024;

    /// <summary>The fuzz root key (fuzz/keys/root/netguard.pub; test-only).</summary>
    public static readonly byte[] RootPublicKey = Convert.FromHexString("3d42f747dcc3091696c5d4f8a82ab09bdb04e34e2af4b234d3dd4498203de2d0");

    /// <summary>A ring trusting only the fuzz root key, version 1 (as the fuzz targets build it).</summary>
    public static TrustedKeyRing Ring() => new(1, new[] { RootPublicKey }, Array.Empty<byte[]>());

    /// <summary>The seed file names of <paramref name="target"/> as theory data.</summary>
    public static TheoryData<string> Names(string target)
    {
        var data = new TheoryData<string>();
        string[] files = Directory.GetFiles(RepositoryLayout.PathOf("fuzz/seeds/" + target));
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>The bytes of one seed.</summary>
    public static byte[] Read(string target, string name) => File.ReadAllBytes(RepositoryLayout.PathOf("fuzz/seeds/" + target + "/" + name));

    /// <summary>True for seeds named as deliberately broken ("near-...").</summary>
    public static bool IsNearValid(string name) => name.StartsWith("near-", StringComparison.Ordinal);
}
