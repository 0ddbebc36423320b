using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Updates;

/// <summary>The streaming verifier against packages signed by BouncyCastle: accept, and a reject twin for every check.</summary>
public class UpdateReceiverSignedTests
{
    private static readonly TestKey Vendor = Key(1);
    private static readonly TestKey Other = Key(2);

    private static SimulatedDevice Device(long? now = Now) => new(Ring(Vendor), builtInCounter: 5, now: now);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(1 << 20)]
    public void Accepts_SignedPackage_InChunksOfAnySize(int chunk)
    {
        byte[] image = Image(3001);
        SimulatedDevice device = Device();

        Decision decision = Feed(device.Controller, Package(Vendor, image), chunk);

        Assert.True(decision.IsAccepted, Name(decision.Reason));
        Assert.True(device.Controller.TryGetStaged(out StagedUpdate staged));
        Assert.Equal("1.1.0", staged.Version.ToString());
        Assert.Equal(image, device.Staging.Staged);
        Assert.Equal(5u, device.Controller.SecurityCounter);
    }

    [Fact]
    public void Accepts_IrregularChunkSequence()
    {
        byte[] image = Image(5000, seed: 9);
        byte[] package = Package(Vendor, image);
        var random = new Random(1234);
        UpdateController controller = Device().Controller;
        UpdateReceiver receiver = controller.BeginReceive();
        int offset = 0;
        while (offset < package.Length)
        {
            int n = Math.Min(random.Next(0, 97), package.Length - offset);
            Assert.True(receiver.Append(package, offset, n).IsAccepted);
            offset += n;
        }

        Assert.True(receiver.Complete().IsAccepted);
    }

    [Fact]
    public void Accepts_EmptyImage()
    {
        Assert.True(Feed(Device().Controller, Package(Vendor, Array.Empty<byte>()), 5).IsAccepted);
    }

    [Fact]
    public void Rejects_EverySignatureByteFlipped()
    {
        byte[] package = Package(Vendor, Image(100));
        int signatureStart = package.Length - 100 - 64;
        for (int i = 0; i < 64; i++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80 })
            {
                byte[] twin = (byte[])package.Clone();
                twin[signatureStart + i] ^= mask;
                Decision decision = Feed(Device().Controller, twin, 4096);
                Assert.Equal(ReasonCode.SignatureInvalid, decision.Reason);
            }
        }
    }

    [Fact]
    public void Rejects_EveryHeaderAndManifestByteFlipped()
    {
        byte[] package = Package(Vendor, Image(100));
        int signedLength = package.Length - 100 - 64;
        for (int i = 0; i < signedLength; i++)
        {
            byte[] twin = (byte[])package.Clone();
            twin[i] ^= 0x01;
            Decision decision = Feed(Device().Controller, twin, 4096);
            Assert.False(decision.IsAccepted, "byte " + i);
        }
    }

    [Fact]
    public void Rejects_EveryImageByteFlipped_AsDigestMismatch()
    {
        byte[] package = Package(Vendor, Image(40));
        for (int i = package.Length - 40; i < package.Length; i++)
        {
            byte[] twin = (byte[])package.Clone();
            twin[i] ^= 0x20;
            SimulatedDevice device = Device();
            Assert.Equal(ReasonCode.DigestMismatch, Feed(device.Controller, twin, 9).Reason);
            Assert.Null(device.Staging.Staged);
            Assert.False(device.Controller.TryGetStaged(out _));
        }
    }

    public static TheoryData<string, ReasonCode> TamperedFields => new()
    {
        { "model", ReasonCode.ModelMismatch },
        { "counter below the device's", ReasonCode.SecurityCounterRollback },
        { "expired", ReasonCode.Expired },
        { "issued in the future", ReasonCode.NotYetValid },
        { "image length one more", ReasonCode.Truncated },
        { "image length one less", ReasonCode.LengthMismatch },
        { "image sha256", ReasonCode.DigestMismatch },
        { "key id of an unknown key", ReasonCode.KeyUnknown },
        { "format version 2", ReasonCode.UnsupportedVersion },
        { "unknown critical field", ReasonCode.UnknownCriticalField },
        { "image over the device limit", ReasonCode.TooLarge },
    };

    [Theory]
    [MemberData(nameof(TamperedFields))]
    public void Rejects_EachManifestFieldSignedWithABadValue(string field, ReasonCode expected)
    {
        byte[] image = Image(200);
        SimulatedDevice device = Device();
        byte[] package = field switch
        {
            "model" => Package(Vendor, Manifest(Vendor, image, model: "Camera"), image),
            "counter below the device's" => Package(Vendor, Manifest(Vendor, image, counter: 4), image),
            "expired" => Package(Vendor, Manifest(Vendor, image, issued: Now - 100, expires: Now), image),
            "issued in the future" => Package(Vendor, Manifest(Vendor, image, issued: Now + 301, expires: Now + 9999), image),
            "image length one more" => Package(Vendor, new UpdateManifest(Model, new FirmwareVersion(1, 1, 0), 5, image.Length + 1, Sha256.Hash(image), Now, 0, Vendor.Id), image),
            "image length one less" => Package(Vendor, new UpdateManifest(Model, new FirmwareVersion(1, 1, 0), 5, image.Length - 1, Sha256.Hash(image), Now, 0, Vendor.Id), image),
            "image sha256" => Package(Vendor, new UpdateManifest(Model, new FirmwareVersion(1, 1, 0), 5, image.Length, Sha256.Hash(Image(200, seed: 2)), Now, 0, Vendor.Id), image),
            "key id of an unknown key" => Package(Other, Manifest(Other, image), image),
            "format version 2" => PackageFromManifestBytes(Vendor, WithByte(Manifest(Vendor, image).ToBytes(), 4, 2), image),
            "unknown critical field" => PackageFromManifestBytes(Vendor, Concat(Manifest(Vendor, image).ToBytes(), new byte[] { 0x99, 0x89, 0, 0 }), image),
            "image over the device limit" => Package(Vendor, Image(64 * 1024 + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Decision decision = Feed(device.Controller, package, 17);

        Assert.Equal(Name(expected), Name(decision.Reason));
        Assert.Null(device.Staging.Staged);
        Assert.False(device.Controller.TryGetStaged(out _));
    }

    [Fact]
    public void Accepts_UnknownNonCriticalField()
    {
        byte[] image = Image(10);
        byte[] package = PackageFromManifestBytes(Vendor, Concat(Manifest(Vendor, image).ToBytes(), new byte[] { 0x99, 0x09, 1, 0, 7 }), image);
        Assert.True(Feed(Device().Controller, package, 3).IsAccepted);
    }

    [Fact]
    public void Rejects_KeySignedOverButIdOfTrustedKey_AsSignatureInvalid()
    {
        // A forger who names the vendor's key id but signs with their own key.
        byte[] image = Image(10);
        byte[] package = PackageFromManifestBytes(Other, Manifest(Vendor, image).ToBytes(), image);
        Assert.Equal(ReasonCode.SignatureInvalid, Feed(Device().Controller, package, 3).Reason);
    }

    [Fact]
    public void Rejects_RevokedKey()
    {
        var ring = new TrustedKeyRing(1, new[] { Vendor.Public, Other.Public }, new[] { Other.Id });
        var device = new SimulatedDevice(ring);
        byte[] image = Image(10);
        Assert.Equal(ReasonCode.KeyRevoked, Feed(device.Controller, Package(Other, Manifest(Other, image), image), 3).Reason);
        Assert.True(Feed(device.Controller, Package(Vendor, image), 3).IsAccepted, "twin: the unrevoked key still works");
    }

    [Fact]
    public void Accepts_SecondTrustedKey()
    {
        var device = new SimulatedDevice(Ring(Vendor, Other));
        byte[] image = Image(10);
        Assert.True(Feed(device.Controller, Package(Other, Manifest(Other, image), image), 3).IsAccepted);
    }

    [Fact]
    public void Rejects_TruncationAtEveryLength()
    {
        byte[] package = Package(Vendor, Image(50));
        int imageStart = package.Length - 50;
        for (int length = 0; length < package.Length; length++)
        {
            SimulatedDevice device = Device();
            UpdateReceiver receiver = device.Controller.BeginReceive();
            Assert.True(receiver.Append(package, 0, length).IsAccepted, "prefix " + length);
            Assert.Equal(ReasonCode.Truncated, receiver.Complete().Reason);
            Assert.Null(device.Staging.Staged);
            if (length >= imageStart)
            {
                Assert.True(device.Staging.Appends <= length - imageStart + 1);
            }
        }
    }

    [Fact]
    public void Rejects_TrailingByte_AsLengthMismatch()
    {
        byte[] package = Concat(Package(Vendor, Image(50)), new byte[] { 0 });
        SimulatedDevice device = Device();
        Assert.Equal(ReasonCode.LengthMismatch, Feed(device.Controller, package, 1).Reason);
        Assert.Null(device.Staging.Staged);
    }

    [Fact]
    public void Accepts_SameCounterAndHigherCounter_RejectsLower()
    {
        byte[] image = Image(10);
        Assert.True(Feed(Device().Controller, Package(Vendor, Manifest(Vendor, image, counter: 5), image), 3).IsAccepted);
        Assert.True(Feed(Device().Controller, Package(Vendor, Manifest(Vendor, image, counter: 6), image), 3).IsAccepted);
        Assert.Equal(ReasonCode.SecurityCounterRollback, Feed(Device().Controller, Package(Vendor, Manifest(Vendor, image, counter: 4), image), 3).Reason);
    }

    [Fact]
    public void Expiry_IsNotCheckedWhileTimeIsUnknown_AndIsOnceKnown()
    {
        // Documented policy (docs/update-format.md, "Time"): an offline device that never learned the time can still
        // take an update the authenticated owner pushes; signature and anti-rollback still apply.
        byte[] image = Image(10);
        byte[] expired = Package(Vendor, Manifest(Vendor, image, issued: Now - 100, expires: Now - 1), image);
        Assert.True(Feed(Device(now: null).Controller, expired, 3).IsAccepted);
        Assert.Equal(ReasonCode.Expired, Feed(Device(now: Now).Controller, expired, 3).Reason);
    }

    [Fact]
    public void Accepted_Package_TeachesItsIssueTime()
    {
        SimulatedDevice device = Device(now: null);
        byte[] image = Image(10);
        Assert.True(Feed(device.Controller, Package(Vendor, Manifest(Vendor, image, issued: Now - 5), image), 3).IsAccepted);
        Assert.Equal(Now - 5, device.Time.LastObserved);
    }

    [Fact]
    public void NewerReceiver_InvalidatesOlderOne()
    {
        byte[] package = Package(Vendor, Image(10));
        UpdateController controller = Device().Controller;
        UpdateReceiver first = controller.BeginReceive();
        Assert.True(first.Append(package, 0, package.Length).IsAccepted);
        UpdateReceiver second = controller.BeginReceive();
        Assert.Equal(ReasonCode.InvalidState, first.Complete().Reason);
        Assert.True(second.Append(package, 0, package.Length).IsAccepted);
        Assert.True(second.Complete().IsAccepted);
    }

    [Fact]
    public void Manifest_DifferentialCheck_BouncyCastleAgreesWithDeviceVerifier()
    {
        byte[] image = Image(10);
        UpdateManifest manifest = Manifest(Vendor, image);
        byte[] signed = UpdatePackage.SignedPortion(manifest.ToBytes());
        byte[] signature = Vendor.Sign(signed);
        Assert.True(Ed25519.Verify(Vendor.Public, signed, signature));
        Assert.True(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(signature, 0, Vendor.Public, 0, signed, 0, signed.Length));
    }

    private static byte[] WithByte(byte[] data, int index, byte value)
    {
        byte[] copy = (byte[])data.Clone();
        copy[index] = value;
        return copy;
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var c = new byte[a.Length + b.Length];
        a.CopyTo(c, 0);
        b.CopyTo(c, a.Length);
        return c;
    }
}
