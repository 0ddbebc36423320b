using NetGuard.Credentials;
using NetGuard.Platform;
using NetGuard.Storage;

namespace NetGuard.HostTests.Credentials;

/// <summary>Seeded entropy for reproducible host tests.</summary>
internal sealed class SeededEntropySource : IEntropySource
{
    private readonly Random _random;

    public SeededEntropySource(int seed) => _random = new Random(seed);

    public void GetBytes(byte[] buffer, int offset, int count) => _random.NextBytes(buffer.AsSpan(offset, count));
}

internal static class CredentialHostSupport
{
    public const string Good = "tangerine-otter-42";
    public const string Other = "violet harbour lantern";
    public const string Wrong = "not the password at all";
    public const long Second = TimeSpan.TicksPerSecond;

    public static OwnerAccountPolicy AccountPolicy() => OwnerAccountPolicy.CreateDefault().WithIterations(3);

    public static OwnerAccount Open(IFileSystem files, int seed = 1) =>
        new(new SlotRecordStore(files, 256), new SeededEntropySource(seed), new DeviceIdentity("SmartSocket", "Quorvane", null), AccountPolicy());

    public static string Login(OwnerAccount account, string password, long now)
    {
        Assert.True(account.Login(password, now, out string token).IsAccepted, "login");
        return token;
    }

    public static string WrongCode(string code)
    {
        char last = code[^1];
        return code[..^1] + (last == 'A' ? 'B' : 'A');
    }
}
