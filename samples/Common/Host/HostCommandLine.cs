using System.Globalization;
using System.IO;

namespace NetGuard.Samples.Host;

/// <summary>
/// The host simulation's command line (design.md section 4): <c>--port N</c> (0 picks a free port),
/// <c>--data DIR</c>, <c>--model NAME</c>, <c>--trust PUBKEY</c>, <c>--resolver HOST:PORT</c>,
/// <c>--update-domain NAME</c>, <c>--confirm-after SECONDS</c>, <c>--fail-self-test</c>, <c>--cert PFX</c>,
/// <c>--cert-password PW</c>, <c>--help</c>.
/// </summary>
internal sealed class HostCommandLine
{
    public int Port { get; private set; } = 8080;
    public string DataDirectory { get; private set; } = string.Empty;
    public string Model { get; private set; } = string.Empty;
    public string TrustFile { get; private set; }
    public string Resolver { get; private set; }
    public string UpdateDomain { get; private set; }
    public string CertificateFile { get; private set; }
    public string CertificatePassword { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Settle time of an update on trial, in seconds (the device's is 30).</summary>
    public int ConfirmAfterSeconds { get; private set; } = DefaultConfirmAfterSeconds;

    /// <summary>This start's self-test fails (stands in for an image that crashes at boot).</summary>
    public bool FailSelfTest { get; private set; }

    public const int DefaultConfirmAfterSeconds = 2;

    /// <summary>Parses <paramref name="args"/>; returns null and writes the problem to <paramref name="error"/> on bad input.</summary>
    public static HostCommandLine Parse(string[] args, string defaultModel, string defaultDataFolder, TextWriter error)
    {
        var line = new HostCommandLine { Model = defaultModel, DataDirectory = Path.Combine(Directory.GetCurrentDirectory(), "data", defaultDataFolder) };
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--help" || name == "-h")
            {
                line.Help = true;
                continue;
            }

            if (name == "--fail-self-test")
            {
                line.FailSelfTest = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error.WriteLine($"{name}: missing value (see --help)");
                return null;
            }

            string value = args[++i];
            switch (name)
            {
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
                    {
                        error.WriteLine($"--port: '{value}' is not a port number 0 to 65535");
                        return null;
                    }

                    line.Port = port;
                    break;
                case "--data":
                    line.DataDirectory = Path.GetFullPath(value);
                    break;
                case "--model":
                    line.Model = value;
                    break;
                case "--trust":
                    line.TrustFile = value;
                    break;
                case "--resolver":
                    line.Resolver = value;
                    break;
                case "--update-domain":
                    line.UpdateDomain = value;
                    break;
                case "--confirm-after":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) || seconds > 3600)
                    {
                        error.WriteLine($"--confirm-after: '{value}' is not a number of seconds 0 to 3600");
                        return null;
                    }

                    line.ConfirmAfterSeconds = seconds;
                    break;
                case "--cert":
                    line.CertificateFile = value;
                    break;
                case "--cert-password":
                    line.CertificatePassword = value;
                    break;
                default:
                    error.WriteLine($"unknown option '{name}' (see --help)");
                    return null;
            }
        }

        return line;
    }

    public static string Usage(string program, string defaultModel, string defaultDataFolder, string boardCommands) =>
        $"""
        {program}: the {defaultModel} sample firmware, simulated on this computer (127.0.0.1 only).

        Options:
          --port N              admin HTTP port on 127.0.0.1 (default 8080; 0 picks a free one and prints it)
          --data DIR            persistent state: credentials, records, staged/installed updates, setup-code.txt
                                (default ./data/{defaultDataFolder})
          --model NAME          device model that update packages must name (default {defaultModel})
          --trust PUBKEY        update signing public key file, as written by 'netguard keygen' (netguard.pub);
                                without it every update is refused
          --resolver HOST:PORT  DNS resolver for update announcements (IPv4, e.g. 127.0.0.1:5353)
          --update-domain NAME  domain holding _netguard.<model>.<NAME> TXT announcements
                                (update checks are off unless both --resolver and --update-domain are given)
          --confirm-after SECONDS
                                an update on trial confirms itself (and raises the security counter) after its
                                self-test passed and this many seconds (default 2; the device waits 30)
          --fail-self-test      this start's self-test fails, standing in for an update that crashes at boot: an
                                update on trial is rolled back and the previous firmware runs again
          --cert PFX            serve the admin page over HTTPS (TLS 1.2/1.3) with this PKCS#12 certificate and key;
                                without it the page is plain HTTP and shows a warning
          --cert-password PW    password of the --cert file (default: none)
          --help                this text

        Console commands (type a line and press Enter):
        {boardCommands}  probe-egress  ask the guard for an outbound TCP connection and an undeclared UDP send
                        (both are refused and counted; see GET /api/guard)
          status        print setup state, firmware version and guard refusal count
          quit          stop (as Ctrl+C or SIGTERM do)
        """;
}
