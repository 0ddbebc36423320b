using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetGuard.HostTests.Updates;

/// <summary>
/// Runs Debian's dnsmasq (package dnsmasq-base) in the foreground on 127.0.0.1 and an unprivileged port, serving
/// only the TXT records it is given. Fails with a clear message when dnsmasq is not installed (test.sh installs it).
/// </summary>
internal sealed class Dnsmasq : IDisposable
{
    private readonly Process _process;

    private Dnsmasq(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static string Executable()
    {
        foreach (string candidate in new[] { "/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("dnsmasq is not installed: these tests need a real DNS server on loopback. Install it with 'apt-get install -y dnsmasq-base' (test.sh does this when run as root).");
    }

    /// <summary>Starts dnsmasq serving TXT <paramref name="value"/> at <paramref name="name"/>, retrying on a port clash.</summary>
    public static Dnsmasq Start(string name, string value)
    {
        string executable = Executable();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            int port = 53530 + Random.Shared.Next(0, 900);
            var info = new ProcessStartInfo(executable)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[]
            {
                "--keep-in-foreground", "--no-daemon", "--no-resolv", "--no-hosts", "--no-poll",
                "--listen-address=127.0.0.1", "--bind-interfaces", "--port=" + port,
                "--pid-file=", "--user=" + Environment.UserName, "--log-facility=-",
                // No shell here: quotes would reach dnsmasq literally. Base64 has no commas, so the value stays one string.
                "--txt-record=" + name + "," + value,
            })
            {
                info.ArgumentList.Add(argument);
            }

            Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start dnsmasq");
            if (WaitUntilServing(process, port))
            {
                return new Dnsmasq(process, port);
            }

            string error = process.HasExited ? process.StandardError.ReadToEnd() : "no answer within 10 s";
            Stop(process);
            if (!error.Contains("in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("dnsmasq did not start: " + error);
            }
        }

        throw new InvalidOperationException("dnsmasq could not find a free port");
    }

    private static bool WaitUntilServing(Process process, int port)
    {
        // Poll with a real query (a TXT query for a name it does not serve gets REFUSED/NXDOMAIN: any answer means up).
        byte[] query = { 0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'x', 0, 0, 16, 0, 1 };
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                return false;
            }

            socket.SendTo(query, endpoint);
            if (socket.Poll(200_000, SelectMode.SelectRead))
            {
                try
                {
                    var buffer = new byte[512];
                    socket.Receive(buffer);
                    return true;
                }
                catch (SocketException)
                {
                    // ICMP port unreachable: not listening yet.
                }
            }
        }

        return false;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    public void Dispose() => Stop(_process);
}
