using System.IO;
using System.Text.RegularExpressions;
using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.HostTests.Updates;

/// <summary>
/// The device session benchmark (benchmarks/NetGuard.DeviceBenchmarks/SessionBenchmarks.cs) pushes a package made of
/// a stored signed prefix and a 64 KiB image it computes: this checks, on the host, that the two belong together (the
/// package verifies against the key the benchmark trusts) and that a changed image does not.
/// </summary>
public class SessionPackageTests
{
    private static string Source => File.ReadAllText(RepositoryLayout.PathOf("benchmarks/NetGuard.DeviceBenchmarks/SessionBenchmarks.cs"));

    private static string Constant(string name)
    {
        Match match = Regex.Match(Source, name + @" =\s*((?:""[0-9a-f]*""\s*\+?\s*)+);");
        Assert.True(match.Success, name + " not found in SessionBenchmarks.cs");
        return Regex.Replace(match.Groups[1].Value, @"[""+\s]", string.Empty);
    }

    // The benchmark's Image(index): (byte)((index * 31) + (index >> 8)) over 64 KiB.
    private static byte[] Image()
    {
        var image = new byte[64 * 1024];
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = (byte)((i * 31) + (i >> 8));
        }

        return image;
    }

    private static Decision Verify(byte[] image)
    {
        byte[] prefix = Convert.FromHexString(Constant("PackagePrefix"));
        byte[] key = Convert.FromHexString(Constant("TrustedKey"));
        var package = new byte[prefix.Length + image.Length];
        prefix.CopyTo(package, 0);
        image.CopyTo(package, prefix.Length);
        var device = new SimulatedDevice(new TrustedKeyRing(1, new[] { key }, Array.Empty<byte[]>()), now: DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return UpdateTestKit.Feed(device.Controller, package, 4096);
    }

    [Fact]
    public void StoredPrefixAndComputedImage_AreOneSignedPackage()
    {
        Decision decision = Verify(Image());
        Assert.True(decision.IsAccepted, ReasonCodeNames.Name(decision.Reason));
    }

    [Fact]
    public void AnyOtherImage_DoesNotVerify()
    {
        byte[] image = Image();
        image[40_000] ^= 1;
        Assert.Equal(ReasonCode.DigestMismatch, Verify(image).Reason);
    }
}
