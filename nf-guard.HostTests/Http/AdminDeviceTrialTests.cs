using System.IO;
using System.Net;
using System.Net.Sockets;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Platform.Host;
using NetGuard.Testing;
using NetGuard.Updates;
using NetGuard.HostTests.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Http;

/// <summary>
/// <see cref="AdminDevice"/>'s part of an update trial on the host platform pieces: the self-test after start, the
/// settle time on the tick thread, the resolver check, and the refusals around them. The clock is manual; the tick
/// thread and the listener are real.
/// </summary>
public sealed class AdminDeviceTrialTests : IDisposable
{
    private static readonly TestKey Vendor = Key(1);
    private readonly string _data = Directory.CreateTempSubdirectory("netguard-trial-").FullName;
    private readonly ManualClock _clock = new(0);
    private readonly ManualResetEventSlim _ended = new(false);
    private AdminDevice? _running;
    private InstallOutcome _outcome;
    private ReasonCode _reason;

    public void Dispose()
    {
        _running?.Stop();
        _ended.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private AdminDevice NewDevice(int settleSeconds = 30, string? updateDomain = null, int dnsPort = 53)
    {
        var options = new AdminDeviceOptions
        {
            Model = Model,
            SecurityCounter = 1,
            AdminPort = LoopbackPorts.FreeTcp(),
            DnsResolver = HostNetworkGuard.Loopback,
            DnsPort = dnsPort,
            UpdateDomain = updateDomain,
            TrustedKeys = new[] { Vendor.Public },
            AccountPolicy = OwnerAccountPolicy.CreateDefault().WithIterations(2),
            TrialSettleSeconds = settleSeconds,
            TickMilliseconds = 10,
            TrialEnded = (outcome, reason) =>
            {
                _outcome = outcome;
                _reason = reason;
                _ended.Set();
            },
        };
        return new AdminDevice(
            options,
            new DirectoryFileSystem(Path.Combine(_data, "records")),
            new ChunkedStagingArea(new DirectoryFileSystem(Path.Combine(_data, "staging")), AdminApi.MaxPackageBytes(options.MaxImageLength)),
            DirectoryImageInstaller.Create(Path.Combine(_data, "installed"), options.MaxImageLength),
            _clock,
            new SystemEntropySource(),
            policy => HostNetworkGuard.CreateLoopback(policy, _clock));
    }

    // Stages a signed 2.0.0 (counter 5) on one boot, then boots again: the update runs on trial and the server is up.
    private AdminDevice StartOnTrial(int settleSeconds = 30, string? updateDomain = null, int dnsPort = 53)
    {
        byte[] image = Image(500);
        Decision staged = Feed(NewDevice().Updates, Package(Vendor, Manifest(Vendor, image, major: 2, minor: 0, counter: 5), image), 128);
        Assert.True(staged.IsAccepted, Name(staged.Reason));
        AdminDevice device = NewDevice(settleSeconds, updateDomain, dnsPort);
        Assert.True(device.BootUpdate().IsAccepted);
        Assert.True(device.Updates.IsOnTrial);
        Assert.True(device.Start().IsAccepted);
        _running = device;
        return device;
    }

    [Fact]
    public void PassedSelfTest_ConfirmsOnlyAfterTheSettleTime()
    {
        AdminDevice device = StartOnTrial(settleSeconds: 30);
        Assert.True(device.CheckTrial(() => true).IsAccepted);

        _clock.AdvanceSeconds(29);
        Assert.False(_ended.Wait(300), "not before 30 s");
        Assert.True(device.Updates.IsOnTrial);
        Assert.Equal(1u, device.Updates.SecurityCounter);

        _clock.AdvanceSeconds(1);
        Assert.True(_ended.Wait(5000), "confirmed by the tick thread");
        Assert.Equal(InstallOutcome.Confirmed, _outcome);
        Assert.Equal(ReasonCode.Accepted, _reason);
        Assert.Equal(5u, device.Updates.SecurityCounter);
        Assert.Equal("2.0.0", device.Updates.CurrentVersion.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FailedOrThrowingSelfTest_RollsBackAtOnce(bool throws)
    {
        AdminDevice device = StartOnTrial();
        Decision decision = device.CheckTrial(() => throws ? throw new IOException("the relay driver is gone") : false);

        Assert.Equal(ReasonCode.SelfTestFailed, decision.Reason);
        Assert.False(device.Updates.IsOnTrial);
        Assert.Equal(InstallOutcome.RolledBack, device.Updates.LastInstall);
        Assert.Equal(ReasonCode.SelfTestFailed, device.Updates.LastInstallReason);
        Assert.Equal(1u, device.Updates.SecurityCounter);
        Assert.Equal("1.0.0", device.Updates.CurrentVersion.ToString());
        _clock.AdvanceSeconds(60);
        Assert.False(_ended.Wait(200), "nothing left to confirm");
    }

    [Fact]
    public void CheckTrial_Refusals()
    {
        AdminDevice idle = NewDevice();
        Assert.True(idle.BootUpdate().IsAccepted);
        Assert.Equal(ReasonCode.InvalidState, idle.CheckTrial(() => true).Reason);
        Assert.True(idle.Start().IsAccepted);
        _running = idle;
        Assert.Equal(ReasonCode.NothingStaged, idle.CheckTrial(() => true).Reason);
        Assert.Equal(ReasonCode.InvalidState, idle.BootUpdate().Reason);
        Assert.Throws<ArgumentNullException>(() => idle.CheckTrial(null!));
        idle.Stop();
        _running = null;

        AdminDevice device = StartOnTrial();
        Assert.True(device.CheckTrial(() => true).IsAccepted);
        Assert.Equal(ReasonCode.InvalidState, device.CheckTrial(() => true).Reason);
    }

    [Fact]
    public void ResolverThatNeverAnswers_RollsTheTrialBack()
    {
        AdminDevice device = StartOnTrial(settleSeconds: 0, updateDomain: "updates.example.test", dnsPort: LoopbackPorts.ClosedUdp());
        Assert.True(device.CheckTrial(() => true).IsAccepted);

        Assert.True(_ended.Wait(15000), "the first check ran and reached nobody");
        Assert.Equal(InstallOutcome.RolledBack, _outcome);
        Assert.Equal(ReasonCode.SelfTestFailed, _reason);
        Assert.Equal(1u, device.Updates.SecurityCounter);
        Assert.False(device.Checker!.ResolverReached);
    }

    [Fact]
    public void ResolverThatAnswersNoSuchName_LetsTheTrialConfirm()
    {
        using var resolver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)resolver.Client.LocalEndPoint!).Port;
        var answering = new Thread(() => AnswerNxDomain(resolver)) { IsBackground = true, Name = "nxdomain" };
        answering.Start();

        AdminDevice device = StartOnTrial(settleSeconds: 0, updateDomain: "updates.example.test", dnsPort: port);
        Assert.True(device.CheckTrial(() => true).IsAccepted);

        Assert.True(_ended.Wait(15000), "confirmed once the resolver answered");
        Assert.Equal(InstallOutcome.Confirmed, _outcome);
        Assert.True(device.Checker!.ResolverReached);
        Assert.Equal(5u, device.Updates.SecurityCounter);
        resolver.Close();
        Assert.True(answering.Join(5000));
    }

    // Answers every query with its own question and RCODE 3 (NXDOMAIN, RFC 1035 4.1.1) until the socket closes.
    private static void AnswerNxDomain(UdpClient resolver)
    {
        try
        {
            while (true)
            {
                var from = new IPEndPoint(IPAddress.Any, 0);
                byte[] query = resolver.Receive(ref from);
                if (query.Length < 12)
                {
                    continue;
                }

                byte[] answer = (byte[])query.Clone();
                answer[2] = 0x81; // QR, RD
                answer[3] = 0x83; // RA, NXDOMAIN
                answer[6] = answer[7] = answer[8] = answer[9] = answer[10] = answer[11] = 0;
                resolver.Send(answer, answer.Length, from);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The test closed the resolver.
        }
    }
}
