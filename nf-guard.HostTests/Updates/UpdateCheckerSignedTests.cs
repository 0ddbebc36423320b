using System.Collections.Generic;
using System.IO;
using System.Net;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Testing;
using NetGuard.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Updates;

/// <summary>Signed announcements through the checker: over a scripted channel, and end to end against dnsmasq.</summary>
public class UpdateCheckerSignedTests
{
    private const uint Resolver = 0x0A000035;
    private static readonly TestKey Vendor = Key(1);
    private static readonly TestKey Other = Key(2);

    private sealed class ScriptedChannel : IDatagramChannel
    {
        public readonly Queue<Func<byte[], byte[]>> Replies = new();
        private byte[] _query = Array.Empty<byte>();

        public int Sent { get; private set; }

        public Decision SendTo(byte[] buffer, int offset, int count, uint address, int port)
        {
            Assert.Equal(Resolver, address);
            Assert.Equal(53, port);
            _query = buffer.AsSpan(offset, count).ToArray();
            Sent++;
            return Decision.Accept();
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason)
        {
            address = Resolver;
            port = 53;
            if (Replies.Count == 0)
            {
                reason = ReasonCode.TimedOut;
                return 0;
            }

            byte[] reply = Replies.Dequeue()(_query);
            reply.CopyTo(buffer, offset);
            reason = ReasonCode.Accepted;
            return reply.Length;
        }

        public void Close()
        {
        }
    }

    private static (UpdateChecker Checker, SimulatedDevice Device, ScriptedChannel Channel) NewChecker(TrustedKeyRing? ring = null, uint counter = 5, ManualClock? clock = null)
    {
        var device = new SimulatedDevice(ring ?? Ring(Vendor), builtInCounter: counter);
        var channel = new ScriptedChannel();
        clock ??= new ManualClock(0);
        var dns = new DnsTxtClient(channel, new Platform.Host.SystemEntropySource(), clock, Resolver, 53, 1000);
        return (new UpdateChecker(device.Controller, dns, "updates.example.com", new Platform.Host.SystemEntropySource(), clock), device, channel);
    }

    private static Func<byte[], byte[]> Serve(params string[] values) => query => TxtResponse(query, values);

    [Theory]
    [InlineData(1, 0, 5u, "UpToDate")]
    [InlineData(1, 2, 5u, "UpdateAvailable")]
    [InlineData(1, 2, 6u, "SecurityUpdateRequired")]
    [InlineData(1, 0, 6u, "SecurityUpdateRequired")]
    public void ValidAnnouncement_GivesState(int major, int minor, uint counter, string state)
    {
        var (checker, device, channel) = NewChecker();
        channel.Replies.Enqueue(Serve(Announcement(Vendor, major: major, minor: minor, counter: counter)));

        Assert.True(checker.Poll());

        UpdateCheckStatus status = checker.GetStatus();
        Assert.Equal(state, status.StateName);
        Assert.Equal($"{major}.{minor}.0", status.LatestVersion);
        Assert.Equal("2026-09-21T14:13:20Z", status.CheckedAt);
        Assert.Equal(1, checker.AnnouncementsAccepted);
        Assert.Equal(Now - 60, device.Time.LastObserved);
    }

    public static TheoryData<string, ReasonCode> BadAnnouncements => new()
    {
        { "expired", ReasonCode.Expired },
        { "issued in the future", ReasonCode.NotYetValid },
        { "forged with another key under the vendor's id", ReasonCode.SignatureInvalid },
        { "signed by an unknown key", ReasonCode.KeyUnknown },
        { "other model", ReasonCode.ModelMismatch },
        { "oversized", ReasonCode.TooLarge },
        { "not base64", ReasonCode.Malformed },
    };

    [Theory]
    [MemberData(nameof(BadAnnouncements))]
    public void BadAnnouncement_IsDroppedAndCounted(string kind, ReasonCode expected)
    {
        var (checker, _, channel) = NewChecker();
        string value = kind switch
        {
            "expired" => Announcement(Vendor, issued: Now - 7200, expires: Now),
            "issued in the future" => Announcement(Vendor, issued: Now + 400, expires: Now + 4000),
            "forged with another key under the vendor's id" => Announcement(Other, claimedKey: Vendor),
            "signed by an unknown key" => Announcement(Other),
            "other model" => Announcement(Vendor, model: "Camera"),
            "oversized" => new string('A', 256),
            "not base64" => "v=spf1 -all",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        channel.Replies.Enqueue(Serve(value));

        checker.Poll();

        // An oversized TXT value is already dropped by the DNS parser; everything else by the checker.
        Assert.Equal(Name(expected), Name(checker.GetStatus().LastReason));
        Assert.Equal(kind == "oversized" ? 0 : 1, checker.AnnouncementsDropped);
        Assert.Equal(0, checker.AnnouncementsAccepted);
        Assert.Equal("NoFreshAnnouncement", checker.GetStatus().StateName);
    }

    [Fact]
    public void EverySignatureByteFlipped_IsDropped()
    {
        byte[] good = Convert.FromBase64String(Announcement(Vendor));
        for (int i = UpdateAnnouncement.SignedLength; i < UpdateAnnouncement.Length; i++)
        {
            byte[] twin = (byte[])good.Clone();
            twin[i] ^= 0x10;
            var (checker, _, channel) = NewChecker();
            channel.Replies.Enqueue(Serve(Convert.ToBase64String(twin)));
            checker.Poll();
            Assert.Equal(ReasonCode.SignatureInvalid, checker.LastDropReason);
        }
    }

    [Fact]
    public void ValidAmongBadValues_IsUsed()
    {
        var (checker, _, channel) = NewChecker();
        channel.Replies.Enqueue(Serve("junk", Announcement(Other, claimedKey: Vendor), Announcement(Vendor, minor: 7)));
        checker.Poll();
        Assert.Equal("1.7.0", checker.GetStatus().LatestVersion);
        Assert.Equal(2, checker.AnnouncementsDropped);
    }

    [Fact]
    public void OlderAnnouncement_DoesNotReplaceNewer()
    {
        var clock = new ManualClock(0);
        var (checker, _, channel) = NewChecker(clock: clock);
        channel.Replies.Enqueue(Serve(Announcement(Vendor, minor: 5, issued: Now - 10)));
        Assert.True(checker.Poll());
        channel.Replies.Enqueue(Serve(Announcement(Vendor, minor: 3, issued: Now - 3000)));
        clock.Advance(checker.NextCheckTicks);

        Assert.True(checker.Poll());

        Assert.Equal(ReasonCode.NotNewer, checker.LastDropReason);
        Assert.Equal("1.5.0", checker.GetStatus().LatestVersion);
        Assert.Equal(2, channel.Sent);
    }

    [Fact]
    public void Announcement_GoesStaleAfterExpiry()
    {
        var (checker, device, channel) = NewChecker();
        channel.Replies.Enqueue(Serve(Announcement(Vendor, minor: 2, expires: Now + 100)));
        checker.Poll();
        Assert.Equal("UpdateAvailable", checker.GetStatus().StateName);

        device.Time.Current = Now + 100;

        UpdateCheckStatus stale = checker.GetStatus();
        Assert.Equal("NoFreshAnnouncement", stale.StateName);
        Assert.Equal("1.2.0", stale.LatestVersion);
    }

    [Fact]
    public void RevokedKey_AnnouncementIsDropped()
    {
        var (checker, _, channel) = NewChecker(new TrustedKeyRing(1, new[] { Vendor.Public, Other.Public }, new[] { Other.Id }));
        channel.Replies.Enqueue(Serve(Announcement(Other)));
        checker.Poll();
        Assert.Equal(ReasonCode.KeyRevoked, checker.LastDropReason);
    }

    [Fact]
    public void EndToEnd_DnsmasqServesAnnouncementPrintedByTheTool()
    {
        string directory = Directory.CreateTempSubdirectory("netguard-e2e-").FullName;
        try
        {
            Assert.Equal(0, Cli.Run(out _, out _, "keygen", "--out", directory));
            Assert.Equal(0, Cli.Run(out string value, out string error, "announce", "--key", Path.Combine(directory, "netguard.key"), "--model", "SmartSocket", "--version", "1.3.0", "--counter", "7", "--valid-hours", "48"));
            value = value.Trim();
            Assert.True(value.Length <= 255, error);

            byte[] publicKey = ReadPublicKey(Path.Combine(directory, "netguard.pub"));
            var device = new SimulatedDevice(new TrustedKeyRing(1, new[] { publicKey }, Array.Empty<byte[]>()), builtInCounter: 5, now: DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            string name = UpdateChecker.QueryNameFor("SmartSocket", "updates.example.test");
            using Dnsmasq server = Dnsmasq.Start(name, value);
            using var channel = new UdpDatagramChannel();
            var clock = new Platform.Host.StopwatchClock();
            var dns = new DnsTxtClient(channel, new Platform.Host.SystemEntropySource(), clock, UdpDatagramChannel.ToHostOrder(IPAddress.Loopback), server.Port, 3000);
            var checker = new UpdateChecker(device.Controller, dns, "updates.example.test", new Platform.Host.SystemEntropySource(), clock);

            Assert.True(checker.Poll());

            UpdateCheckStatus status = checker.GetStatus();
            Assert.True(status.LastReason == ReasonCode.Accepted, Name(status.LastReason) + " / dropped " + Name(checker.LastDropReason) + " / dns dropped " + Name(dns.LastDropReason));
            Assert.Equal("SecurityUpdateRequired", status.StateName);
            Assert.Equal("1.3.0", status.LatestVersion);
            Assert.NotEqual(string.Empty, status.CheckedAt);
            Assert.Equal(1, channel.Sent);
            Assert.False(checker.Poll(), "the next check waits for its slot");
            Assert.Equal(1, channel.Sent);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void EndToEnd_DnsmasqServingForgedAnnouncement_IsDropped()
    {
        TestKey attacker = Key(66);
        string forged = Announcement(attacker, claimedKey: Vendor, issued: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, expires: DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600);
        var device = new SimulatedDevice(Ring(Vendor), now: DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        string name = UpdateChecker.QueryNameFor("SmartSocket", "updates.example.test");
        using Dnsmasq server = Dnsmasq.Start(name, forged);
        using var channel = new UdpDatagramChannel();
        var clock = new Platform.Host.StopwatchClock();
        var dns = new DnsTxtClient(channel, new Platform.Host.SystemEntropySource(), clock, UdpDatagramChannel.ToHostOrder(IPAddress.Loopback), server.Port, 3000);
        var checker = new UpdateChecker(device.Controller, dns, "updates.example.test", new Platform.Host.SystemEntropySource(), clock);

        checker.Poll();

        Assert.Equal(ReasonCode.SignatureInvalid, checker.LastDropReason);
        Assert.Equal("NoFreshAnnouncement", checker.GetStatus().StateName);
    }

    [Fact]
    public void EndToEnd_NameWithoutRecord_IsNotFound()
    {
        var device = new SimulatedDevice(Ring(Vendor));
        using Dnsmasq server = Dnsmasq.Start("_netguard.other.updates.example.test", "x");
        using var channel = new UdpDatagramChannel();
        var clock = new Platform.Host.StopwatchClock();
        var dns = new DnsTxtClient(channel, new Platform.Host.SystemEntropySource(), clock, UdpDatagramChannel.ToHostOrder(IPAddress.Loopback), server.Port, 3000);
        Assert.False(dns.TryQuery(UpdateChecker.QueryNameFor("SmartSocket", "updates.example.test"), out _, out ReasonCode reason));
        Assert.Equal(Name(ReasonCode.NotFound), Name(reason));
    }

    internal static byte[] ReadPublicKey(string path)
    {
        string[] lines = File.ReadAllLines(path);
        return Convert.FromHexString(Array.Find(lines, l => l.Length == 64)!);
    }

    /// <summary>A DNS response to <paramref name="query"/> with one TXT answer per value (pointer to the question name).</summary>
    internal static byte[] TxtResponse(byte[] query, string[] values)
    {
        var message = new List<byte>(query);
        message[2] = 0x81;
        message[3] = 0x80;
        message[6] = (byte)(values.Length >> 8);
        message[7] = (byte)values.Length;
        foreach (string value in values)
        {
            var rdata = new List<byte>();
            for (int i = 0; i < value.Length; i += 255)
            {
                string part = value.Substring(i, Math.Min(255, value.Length - i));
                rdata.Add((byte)part.Length);
                foreach (char c in part)
                {
                    rdata.Add((byte)c);
                }
            }

            message.AddRange(new byte[] { 0xC0, 12, 0, 16, 0, 1, 0, 0, 0, 60, (byte)(rdata.Count >> 8), (byte)rdata.Count });
            message.AddRange(rdata);
        }

        return message.ToArray();
    }
}
