using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Platform.Host;
using NetGuard.Storage;

namespace NetGuard.HostTests.Storage;

public sealed class DirectoryFileSystemTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netguard-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }

    [Fact]
    public void Record_SurvivesARestart()
    {
        new SlotRecordStore(new DirectoryFileSystem(_directory), 128).Write("owner", new byte[] { 1, 2, 3 }, 0, 3);
        new SlotRecordStore(new DirectoryFileSystem(_directory), 128).Write("owner", new byte[] { 4, 5 }, 0, 2);

        SlotRecordStore restarted = new(new DirectoryFileSystem(_directory), 128);

        Assert.True(restarted.TryRead("owner", out byte[] data, out ReasonCode reason));
        Assert.Equal(ReasonCode.Accepted, reason);
        Assert.Equal(new byte[] { 4, 5 }, data);
        Assert.True(File.Exists(Path.Combine(_directory, "owner.0")));
        Assert.True(File.Exists(Path.Combine(_directory, "owner.1")));
    }

    [Fact]
    public void TruncatedNewestFile_FallsBackToThePreviousRecord()
    {
        SlotRecordStore store = new(new DirectoryFileSystem(_directory), 128);
        store.Write("owner", new byte[] { 1 }, 0, 1);
        store.Write("owner", new byte[] { 2 }, 0, 1);
        string newest = Path.Combine(_directory, "owner.1");
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..10]);

        Assert.True(new SlotRecordStore(new DirectoryFileSystem(_directory), 128).TryRead("owner", out byte[] data, out _));
        Assert.Equal(new byte[] { 1 }, data);
    }

    [Fact]
    public void Missing_IsFalse_AndDeleteOfMissingSucceeds()
    {
        DirectoryFileSystem files = new(_directory);

        Assert.False(files.Exists("nothing.0"));
        Assert.False(files.TryReadAllBytes("nothing.0", out _));
        Assert.True(files.TryDelete("nothing.0"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void PathLikeNames_Throw(string name)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DirectoryFileSystem(_directory).Exists(name));
    }
}
