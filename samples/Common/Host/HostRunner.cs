using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Platform.Host;
using NetGuard.RateLimiting;
using NetGuard.Updates;

namespace NetGuard.Samples.Host;

/// <summary>What a sample adds to the shared host simulation.</summary>
internal sealed class HostSample
{
    /// <summary>Program name for --help, e.g. "SmartSocket.Host".</summary>
    public string Program { get; init; } = string.Empty;

    /// <summary>The default --model.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>The default data folder name under ./data.</summary>
    public string DataFolder { get; init; } = string.Empty;

    /// <summary>--help lines for the sample's own console commands ("" for none), each starting with two spaces.</summary>
    public string BoardCommands { get; init; } = string.Empty;

    /// <summary>Attaches the application to the device (before it starts) and returns its console commands and self-test.</summary>
    public Func<AdminDevice, HostApplication> Attach { get; init; } = _ => new HostApplication(_ => false, () => true);
}

/// <summary>What an attached sample application gives the host runner.</summary>
/// <param name="Command">Its console command handler (true when the line was one of its commands).</param>
/// <param name="SelfTest">Its part of an update's self-test (the board).</param>
internal sealed record HostApplication(Func<string, bool> Command, SelfTest SelfTest);

/// <summary>
/// The host simulation both samples share: the same <see cref="AdminDevice"/> composition as the firmware, with the
/// host's platform pieces (data directory, loopback-only guard, stopwatch clock, OS randomness), the setup code on
/// the console and in DATA/setup-code.txt (the label stand-in), every guard refusal on the console, console
/// commands for the simulated board, and a clean stop on Ctrl+C or SIGTERM.
/// </summary>
internal static class HostRunner
{
    /// <summary>The simulated firmware's built-in version and security counter.</summary>
    public static readonly FirmwareVersion BuiltInVersion = new FirmwareVersion(1, 0, 0);

    public const uint BuiltInSecurityCounter = 1;

    private static readonly object ConsoleGate = new();

    /// <summary>Writes one console line (threads share the console).</summary>
    public static void Log(string line)
    {
        lock (ConsoleGate)
        {
            Console.WriteLine(line);
        }
    }

    public static int Run(string[] args, HostSample sample)
    {
        HostCommandLine line = HostCommandLine.Parse(args, sample.Model, sample.DataFolder, Console.Error);
        if (line == null)
        {
            return 2;
        }

        if (line.Help)
        {
            Console.WriteLine(HostCommandLine.Usage(sample.Program, sample.Model, sample.DataFolder, sample.BoardCommands));
            return 0;
        }

        var options = new AdminDeviceOptions
        {
            Model = line.Model,
            FirmwareVersion = BuiltInVersion,
            SecurityCounter = BuiltInSecurityCounter,
            AdminPort = line.Port == 0 ? FreeLoopbackPort() : line.Port,
            DnsResolver = HostNetworkGuard.Loopback,
            // The simulated board has PSRAM (the device picks by its heap: DeviceBoard.RecommendedAdminConnections).
            MaxAdminConnections = 4,
        };

        if (line.TrustFile != null)
        {
            byte[] key = PublicKeyFile.TryRead(line.TrustFile, out string problem);
            if (key == null)
            {
                Console.Error.WriteLine("--trust: " + problem);
                return 2;
            }

            options.TrustedKeys = new[] { key };
        }
        else
        {
            // A random key nobody holds the private half of: every package is refused (KeyUnknown).
            options.TrustedKeys = new[] { RandomNumberGenerator.GetBytes(32) };
            Log("note: no --trust key given; every update package will be refused.");
        }

        if (line.Resolver != null)
        {
            if (!TryParseResolver(line.Resolver, out uint address, out int port))
            {
                Console.Error.WriteLine($"--resolver: '{line.Resolver}' is not IPv4-ADDRESS:PORT");
                return 2;
            }

            options.DnsResolver = address;
            options.DnsPort = port;
        }

        if (line.Resolver != null && !string.IsNullOrEmpty(line.UpdateDomain))
        {
            options.UpdateDomain = line.UpdateDomain;
        }
        else
        {
            Log("note: update checks are off (they need both --resolver HOST:PORT and --update-domain NAME).");
        }

        X509Certificate2 certificate = null;
        if (line.CertificateFile != null)
        {
            certificate = LoadCertificate(line.CertificateFile, line.CertificatePassword, out string problem);
            if (certificate == null)
            {
                Console.Error.WriteLine("--cert: " + problem);
                return 2;
            }

            // TLS records still leave through the guarded connection, so the egress limiter sees every byte.
            options.ConnectionSourceWrapper = source => new TlsConnectionSource(source, certificate);
        }
        else if (line.CertificatePassword != null)
        {
            Console.Error.WriteLine("--cert-password: needs --cert PFX");
            return 2;
        }
        else
        {
            Log("note: no --cert given; the admin page is plain HTTP (it shows a warning; use --cert PFX for HTTPS).");
        }

        options.TrialSettleSeconds = line.ConfirmAfterSeconds;
        string data = line.DataDirectory;
        Directory.CreateDirectory(data);
        using var stop = new ManualResetEventSlim(false);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Set(); });
        var console = new ConsoleTarget();
        var input = new Thread(() => ReadCommands(console, stop)) { IsBackground = true, Name = "console" };
        bool inputStarted = false;
        while (true)
        {
            // One pass is one boot of the simulated device; a trial that fails restarts it, as the firmware reboots.
            using var restart = new ManualResetEventSlim(false);
            options.TrialEnded = (outcome, reason) =>
            {
                Log(outcome switch
                {
                    InstallOutcome.Confirmed => $"update: {console.Device?.Updates.CurrentVersion} confirmed after its self-test and settle time (security counter now {console.Device?.Updates.SecurityCounter})",
                    InstallOutcome.RolledBack => $"update: rolled back ({ReasonCodeNames.Name(reason)}); restarting into the previous firmware",
                    _ => $"update: confirmation not recorded ({ReasonCodeNames.Name(reason)}); the next start rolls the update back",
                });
                if (outcome == InstallOutcome.RolledBack)
                {
                    restart.Set();
                }
            };

            int? exit = Boot(options, line, sample, data, certificate, console, out AdminDevice device);
            if (exit != null)
            {
                return exit.Value;
            }

            if (!inputStarted)
            {
                input.Start();
                inputStarted = true;
            }

            bool again = restart.IsSet;
            if (!again)
            {
                WaitHandle.WaitAny(new[] { stop.WaitHandle, restart.WaitHandle });
                again = restart.IsSet && !stop.IsSet;
            }

            Log(again ? "restarting (simulated reboot)..." : "stopping...");
            console.Device = null;
            device.Stop();
            if (!again)
            {
                Log("stopped.");
                return 0;
            }
        }
    }

    // One boot: the composition, the update state (trial, rollback, verification), the application, the admin server,
    // then the self-test of an update on trial. Returns an exit code when the device cannot start, else null. A failed
    // self-test has already rolled the update back and asks for a restart through options.TrialEnded's caller.
    private static int? Boot(AdminDeviceOptions options, HostCommandLine line, HostSample sample, string data, X509Certificate2 certificate, ConsoleTarget console, out AdminDevice device)
    {
        var clock = new StopwatchClock();
        var staging = new ChunkedStagingArea(new DirectoryFileSystem(Path.Combine(data, "staging")), AdminApi.MaxPackageBytes(options.MaxImageLength));
        device = null;
        try
        {
            device = new AdminDevice(
                options,
                new DirectoryFileSystem(Path.Combine(data, "records")),
                staging,
                DirectoryImageInstaller.Create(Path.Combine(data, "installed"), options.MaxImageLength),
                clock,
                new SystemEntropySource(),
                policy => HostNetworkGuard.CreateLoopback(policy, clock));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("bad configuration: " + e.Message);
            return 2;
        }

        // The host's clock is already kept by the OS's NTP client; it stands in for the device's SNTP.
        device.Time.SetWallClock(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        // As on the device, refusals are logged from the tick thread as summary lines; one a second at most here, for
        // a person watching the console (the device's is 10 s).
        var refusals = new RefusalSummary(device.Guard, TimeSpan.TicksPerSecond);
        device.AddTicker(now =>
        {
            if (refusals.TryTake(now, out string summary))
            {
                Log(summary);
            }
        });

        Decision booted = device.BootUpdate();
        LogUpdateState(device.Updates, booted);
        HostApplication application = sample.Attach(device);
        Decision started = device.Start();
        if (!started.IsAccepted)
        {
            Console.Error.WriteLine($"cannot listen on 127.0.0.1:{options.AdminPort}: {ReasonCodeNames.Name(started.Reason)}");
            return 1;
        }

        console.Device = device;
        console.Command = application.Command;
        string setupCode = device.ReadSetupCodeForLabel();
        File.WriteAllText(Path.Combine(data, "setup-code.txt"), setupCode + Environment.NewLine);
        Log($"NetGuard {options.Model} firmware {device.Updates.CurrentVersion} (security counter {device.Updates.SecurityCounter}), data in {data}");
        Log($"Admin page: {(certificate != null ? "https" : "http")}://127.0.0.1:{options.AdminPort}/");
        if (device.Account.IsSetupRequired)
        {
            Log($"Setup code (the label on the case; also in {Path.Combine(data, "setup-code.txt")}): {setupCode}");
        }

        if (device.UpdateChecksEnabled && device.Checker != null)
        {
            Log($"Update checks: TXT {device.Checker.QueryName} via {line.Resolver}");
        }

        if (device.Updates.IsOnTrial)
        {
            bool fail = line.FailSelfTest;
            Decision trial = device.CheckTrial(() => !fail && application.SelfTest());
            if (trial.Reason == ReasonCode.SelfTestFailed)
            {
                options.TrialEnded(InstallOutcome.RolledBack, ReasonCode.SelfTestFailed);
            }
            else
            {
                Log(trial.IsAccepted
                    ? $"update: {device.Updates.CurrentVersion} passed its self-test; it confirms itself in {options.TrialSettleSeconds} s"
                    : $"update: self-test not run: {ReasonCodeNames.Name(trial.Reason)}");
            }
        }

        return null;
    }

    private static void LogUpdateState(UpdateController updates, Decision booted)
    {
        if (!booted.IsAccepted)
        {
            Log($"update: boot step refused: {ReasonCodeNames.Name(booted.Reason)}");
        }

        switch (updates.LastInstall)
        {
            case InstallOutcome.Trial when updates.IsOnTrial:
                Log($"update: {updates.CurrentVersion} starts on trial (the previous firmware stays installable; security counter {updates.SecurityCounter} until it confirms)");
                break;
            case InstallOutcome.RolledBack:
                Log($"update: {updates.LastInstallVersion} was rolled back ({ReasonCodeNames.Name(updates.LastInstallReason)}); running {updates.CurrentVersion}");
                break;
        }
    }

    // The console thread's view of the running boot (replaced at a simulated reboot).
    private sealed class ConsoleTarget
    {
        public volatile AdminDevice Device;
        public volatile Func<string, bool> Command = _ => false;
    }

    private static void ReadCommands(ConsoleTarget console, ManualResetEventSlim stop)
    {
        while (!stop.IsSet)
        {
            string line;
            try
            {
                line = Console.ReadLine();
            }
            catch (IOException)
            {
                return;
            }

            if (line == null)
            {
                // No console (stdin closed): keep running until a signal.
                return;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            AdminDevice device = console.Device;
            if (device == null)
            {
                Log("restarting; try again in a moment");
                continue;
            }

            if (console.Command(line))
            {
                continue;
            }

            switch (line)
            {
                case "probe-egress":
                    ProbeEgress(device.Guard);
                    break;
                case "status":
                    Log($"status: setupRequired={device.Account.IsSetupRequired} firmware={device.Updates.CurrentVersion} securityCounter={device.Updates.SecurityCounter} refusals={device.Guard.Counters.Total}");
                    break;
                case "quit":
                case "exit":
                    stop.Set();
                    return;
                default:
                    Log($"unknown command '{line}' (see --help)");
                    break;
            }
        }
    }

    // Shows the guard at work: firmware asking for an outbound TCP session or an undeclared UDP send is refused,
    // counted and logged. 192.0.2.1 is TEST-NET-1 (RFC 5737): nothing is sent anywhere.
    private static void ProbeEgress(NetworkGuard guard)
    {
        uint target = Ipv4.FromBytes(192, 0, 2, 1);
        Decision tcp = guard.RequestOutbound(EgressTransport.TcpConnect, target, 80);
        Log($"probe-egress: outbound TCP to 192.0.2.1:80 -> {ReasonCodeNames.Name(tcp.Reason)}");
        if (guard.OpenUdp(0, out GuardedDatagramChannel channel).IsAccepted)
        {
            byte[] payload = new byte[8];
            Decision udp = channel.SendTo(payload, 0, payload.Length, target, 9999);
            Log($"probe-egress: UDP to 192.0.2.1:9999 -> {ReasonCodeNames.Name(udp.Reason)}");
            channel.Close();
        }
    }

    // --cert: a PKCS#12 file with the certificate and its private key (password optional).
    private static X509Certificate2 LoadCertificate(string path, string password, out string problem)
    {
        problem = null;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problem = $"cannot read '{path}' as PKCS#12 ({e.Message})";
            return null;
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            problem = $"'{path}' holds no private key";
            return null;
        }

        return certificate;
    }

    private static bool TryParseResolver(string text, out uint address, out int port)
    {
        address = 0;
        port = 0;
        int colon = text.LastIndexOf(':');
        return colon > 0
            && Ipv4.TryParse(text.Substring(0, colon), out address)
            && int.TryParse(text.AsSpan(colon + 1), out port)
            && port >= 1 && port <= 65535;
    }

    // --port 0: ask the OS for a free loopback port, then declare it in the guard policy (which needs the number
    // up front). Host-only; the guard opens the real listener.
    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
