using System.Diagnostics;
using NetGuard.Diagnostics;
using NetGuard.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Updates;

/// <summary>Runs the netguard tool in-process (its public Program.Run) and captures output and exit code.</summary>
internal static class Cli
{
    public static int Run(out string output, out string error, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NetGuard.Cli.Program.Run(args, stdout, stderr);
        output = stdout.ToString();
        error = stderr.ToString();
        return code;
    }
}

/// <summary>The netguard tool end to end: keys, signing, verification with the device code, exit codes, --force.</summary>
public sealed class NetGuardCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netguard-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private void Keygen(string sub = "keys")
    {
        Assert.Equal(0, Cli.Run(out _, out string error, "keygen", "--out", P(sub)));
        Assert.Equal(string.Empty, error);
    }

    private string SignImage(string package = "fw.ngup", string version = "1.2.3", string counter = "7", string model = "SmartSocket", params string[] extra)
    {
        File.WriteAllBytes(P("image.pe"), Image(5000));
        string[] args = { "sign", "--key", P("keys/netguard.key"), "--image", P("image.pe"), "--model", model, "--version", version, "--counter", counter, "--out", P(package) };
        Assert.Equal(0, Cli.Run(out _, out string error, [.. args, .. extra]));
        Assert.Equal(string.Empty, error);
        return P(package);
    }

    private (int Code, string Output) Verify(params string[] extra)
    {
        int code = Cli.Run(out string output, out _, [.. new[] { "verify", "--trust", P("keys/netguard.pub"), "--package", P("fw.ngup") }, .. extra]);
        return (code, output.Trim());
    }

    [Fact]
    public void Keygen_WritesPrivateKeyOwnerOnlyAndPublicKey()
    {
        Keygen();
        Assert.True(File.Exists(P("keys/netguard.key")));
        Assert.True(File.Exists(P("keys/netguard.pub")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(P("keys/netguard.key")));
        }

        string[] lines = File.ReadAllLines(P("keys/netguard.key"));
        Assert.Equal("-----BEGIN NETGUARD ED25519 PRIVATE KEY-----", lines[0]);
        Assert.Equal("-----END NETGUARD ED25519 PRIVATE KEY-----", lines[^1]);
    }

    [Fact]
    public void Keygen_RefusesToOverwriteWithoutForce()
    {
        Keygen();
        string before = File.ReadAllText(P("keys/netguard.key"));

        Assert.Equal(2, Cli.Run(out _, out string error, "keygen", "--out", P("keys")));
        Assert.Contains("--force", error);
        Assert.Equal(before, File.ReadAllText(P("keys/netguard.key")));

        Assert.Equal(0, Cli.Run(out _, out _, "keygen", "--out", P("keys"), "--force"));
        Assert.NotEqual(before, File.ReadAllText(P("keys/netguard.key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(P("keys/netguard.key")));
        }
    }

    [Fact]
    public void SignThenVerify_AcceptedByTheDeviceVerifier()
    {
        Keygen();
        SignImage();

        Assert.Equal((0, "accepted"), Verify());
        Assert.Equal((0, "accepted"), Verify("--model", "smartsocket", "--min-counter", "7"));
    }

    [Fact]
    public void Verify_RejectionsGiveReasonAndExit1()
    {
        Keygen();
        Keygen("other");
        SignImage();

        Assert.Equal((1, "rejected: ModelMismatch"), Verify("--model", "Camera"));
        Assert.Equal((1, "rejected: SecurityCounterRollback"), Verify("--min-counter", "8"));
        Assert.Equal(1, Cli.Run(out string output, out _, "verify", "--trust", P("other/netguard.pub"), "--package", P("fw.ngup")));
        Assert.Equal("rejected: KeyUnknown", output.Trim());

        byte[] package = File.ReadAllBytes(P("fw.ngup"));
        package[20] ^= 1;
        File.WriteAllBytes(P("fw.ngup"), package);
        Assert.Equal((1, "rejected: SignatureInvalid"), Verify());

        package[20] ^= 1;
        package[^1] ^= 1;
        File.WriteAllBytes(P("fw.ngup"), package);
        Assert.Equal((1, "rejected: DigestMismatch"), Verify());

        File.WriteAllBytes(P("fw.ngup"), package.AsSpan(0, package.Length - 10).ToArray());
        Assert.Equal((1, "rejected: Truncated"), Verify());
    }

    [Fact]
    public void Sign_WithExpiry_VerifyHonoursIt()
    {
        Keygen();
        SignImage(extra: new[] { "--expires", "2099-01-01T00:00:00Z" });
        Assert.Equal((0, "accepted"), Verify());
        Assert.Equal((1, "rejected: Expired"), Verify("--at", "2099-01-01T00:00:00Z"));
    }

    [Fact]
    public void Sign_RefusesToOverwriteWithoutForce()
    {
        Keygen();
        SignImage();
        byte[] before = File.ReadAllBytes(P("fw.ngup"));
        File.WriteAllBytes(P("image.pe"), Image(10));

        Assert.Equal(2, Cli.Run(out _, out string error, "sign", "--key", P("keys/netguard.key"), "--image", P("image.pe"), "--model", "m", "--version", "1.0.0", "--counter", "1", "--out", P("fw.ngup")));
        Assert.Contains("exists", error);
        Assert.Equal(before, File.ReadAllBytes(P("fw.ngup")));
        Assert.Equal(0, Cli.Run(out _, out _, "sign", "--key", P("keys/netguard.key"), "--image", P("image.pe"), "--model", "m", "--version", "1.0.0", "--counter", "1", "--out", P("fw.ngup"), "--force"));
    }

    [Theory]
    [InlineData("sign", "--version", "1.2")]
    [InlineData("sign", "--version", "1.2.3.4")]
    [InlineData("sign", "--model", "bad model")]
    [InlineData("sign", "--counter", "-1")]
    [InlineData("sign", "--counter", "lots")]
    [InlineData("sign", "--expires", "tomorrow")]
    [InlineData("sign", "--expires", "2001-01-01T00:00:00Z")]
    [InlineData("sign", "--key", "missing.key")]
    [InlineData("sign", "--image", "missing.pe")]
    public void Sign_BadArgumentsExit2(string command, string option, string value)
    {
        Keygen();
        File.WriteAllBytes(P("image.pe"), Image(10));
        var args = new System.Collections.Generic.Dictionary<string, string>
        {
            ["--key"] = P("keys/netguard.key"), ["--image"] = P("image.pe"), ["--model"] = "m", ["--version"] = "1.0.0", ["--counter"] = "1", ["--out"] = P("x.ngup"),
        };
        args[option] = option is "--key" or "--image" ? P(value) : value;
        var list = new System.Collections.Generic.List<string> { command };
        foreach (var pair in args)
        {
            list.Add(pair.Key);
            list.Add(pair.Value);
        }

        Assert.Equal(2, Cli.Run(out _, out string error, list.ToArray()));
        Assert.StartsWith("netguard: ", error);
        Assert.False(File.Exists(P("x.ngup")));
    }

    [Theory]
    [InlineData()]
    [InlineData("frobnicate")]
    [InlineData("sign")]
    [InlineData("verify", "--package", "x")]
    [InlineData("keygen", "--out")]
    [InlineData("announce", "--key", "k", "--model", "m", "--version", "1.0.0", "--counter", "1", "--valid-hours", "49")]
    [InlineData("announce", "--key", "k", "--model", "m", "--version", "1.0.0", "--counter", "1", "--valid-hours", "0")]
    [InlineData("rotate", "--root-key", "k", "--keys", "a", "--version", "2", "--out", "o", "--revoke", "xyz")]
    public void BadArguments_Exit2(params string[] args)
    {
        Assert.Equal(2, Cli.Run(out _, out string error, args));
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public void Verify_MissingPackageOrKeyExit2()
    {
        Keygen();
        Assert.Equal(2, Cli.Run(out _, out _, "verify", "--trust", P("keys/netguard.pub"), "--package", P("nope")));
        SignImage();
        Assert.Equal(2, Cli.Run(out _, out string error, "verify", "--trust", P("keys/netguard.key"), "--package", P("fw.ngup")));
        Assert.Contains("public key", error);
    }

    [Fact]
    public void Inspect_PrintsManifest()
    {
        Keygen();
        SignImage();
        Assert.Equal(0, Cli.Run(out string output, out _, "inspect", P("fw.ngup")));
        Assert.Contains("model            smartsocket", output);
        Assert.Contains("version          1.2.3", output);
        Assert.Contains("security counter 7", output);
        Assert.Contains("image length     5000", output);
        Assert.Contains("expires at       never", output);

        File.WriteAllBytes(P("junk"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        Assert.Equal(1, Cli.Run(out output, out _, "inspect", P("junk")));
        Assert.Equal("rejected: Malformed", output.Trim());
    }

    [Fact]
    public void Announce_PrintsTxtValueTheDeviceAccepts()
    {
        Keygen();
        Assert.Equal(0, Cli.Run(out string output, out _, "announce", "--key", P("keys/netguard.key"), "--model", "SmartSocket", "--version", "2.0.1", "--counter", "9", "--valid-hours", "12"));
        string value = output.Trim();
        Assert.True(value.Length <= 255);
        Assert.True(UpdateAnnouncement.TryDecodeText(value, out UpdateAnnouncement announcement, out ReasonCode reason), Name(reason));
        Assert.Equal(12 * 3600, announcement.ExpiresAt - announcement.IssuedAt);
        byte[] publicKey = UpdateCheckerSignedTests.ReadPublicKey(P("keys/netguard.pub"));
        var ring = new TrustedKeyRing(1, new[] { publicKey }, Array.Empty<byte[]>());
        Assert.Equal(ReasonCode.Accepted, announcement.Verify(ring, "smartsocket", new TestTime(announcement.IssuedAt + 1), 300));
        Assert.Equal(ReasonCode.ModelMismatch, announcement.Verify(ring, "camera", new TestTime(announcement.IssuedAt + 1), 300));
    }

    [Fact]
    public void Rotate_SignsKeyListTheDeviceApplies()
    {
        Keygen("root");
        Keygen("next");
        Keygen("spare");
        byte[] root = UpdateCheckerSignedTests.ReadPublicKey(P("root/netguard.pub"));
        byte[] spare = UpdateCheckerSignedTests.ReadPublicKey(P("spare/netguard.pub"));
        string spareId = Convert.ToHexStringLower(TrustedKeyRing.ComputeKeyId(spare));

        Assert.Equal(0, Cli.Run(out _, out string error, "rotate", "--root-key", P("root/netguard.key"), "--keys", P("next/netguard.pub"), P("spare/netguard.pub"), "--revoke", spareId, "--version", "2", "--out", P("keys.ngkl")));
        Assert.Equal(string.Empty, error);
        Assert.Equal(2, Cli.Run(out _, out _, "rotate", "--root-key", P("root/netguard.key"), "--keys", P("next/netguard.pub"), "--version", "2", "--out", P("keys.ngkl")));

        var device = new SimulatedDevice(new TrustedKeyRing(1, new[] { root }, Array.Empty<byte[]>()));
        byte[] list = File.ReadAllBytes(P("keys.ngkl"));
        Assert.True(device.Controller.ApplyKeyList(list, 0, list.Length).IsAccepted);
        Assert.Equal(2u, device.Controller.Keys.Version);
        Assert.Equal(ReasonCode.KeyRevoked, device.Controller.Keys.FindKey(TrustedKeyRing.ComputeKeyId(spare), 0, out _));
        Assert.Equal(ReasonCode.KeyUnknown, device.Controller.ApplyKeyList(list, 0, list.Length).Reason);
    }

    [Fact]
    public void Process_ExitCodesMatch()
    {
        // The built tool as a separate process: exit code 2 for bad arguments, 0 for help.
        string tool = Path.Combine(AppContext.BaseDirectory, "NetGuard.Cli.dll");
        Assert.True(File.Exists(tool), "NetGuard.Cli.dll is copied next to the tests (project reference)");
        Assert.Equal(2, RunProcess(tool, "sign"));
        Assert.Equal(0, RunProcess(tool, "--help"));
    }

    private static int RunProcess(string tool, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(tool);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
