using System.Text;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Testing;
using NetGuard.Fuzz;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// Replays the record-slot fuzz corpus (byte 0 = flags: bit 0 slot file .0 exists, bit 1 slot file .1 exists;
/// bytes 1-2 = length of slot .0, little-endian, clamped; then slot .0, then slot .1) through
/// <see cref="SlotRecordStore.TryRead"/> over a <see cref="MemoryFileSystem"/>, then a write that must recover, as the
/// fuzz target does.
/// </summary>
public class RecordSlotRegressionTests
{
    public static TheoryData<string> Seeds => FuzzSeeds.Names("record-slot");

    [Theory]
    [InlineData("one-slot", "first")]
    [InlineData("two-slots", "second record")]
    [InlineData("near-newest-crc-bad", "first")]
    [InlineData("near-newest-cut", "first")]
    [InlineData("near-empty-files", null)]
    public void Seed_ReadsNewestIntactCopy(string name, string? expected)
    {
        SlotRecordStore store = Load(FuzzSeeds.Read("record-slot", name));

        bool read = store.TryRead(FuzzTargets.RecordName, out byte[] data, out ReasonCode reason);

        Assert.Equal(expected != null, read);
        if (expected != null)
        {
            Assert.Equal(expected, Encoding.ASCII.GetString(data));
        }
        else
        {
            Assert.True(reason == ReasonCode.NotFound || reason == ReasonCode.StorageCorrupt, ReasonCodeNames.Name(reason));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_WriteAfterReadRecovers(string name)
    {
        byte[] input = FuzzSeeds.Read("record-slot", name);
        SlotRecordStore store = Load(input);
        store.TryRead(FuzzTargets.RecordName, out byte[] _, out ReasonCode _);
        byte[] fresh = { 0x4E, 0x47, (byte)input.Length };

        Decision written = store.Write(FuzzTargets.RecordName, fresh, 0, fresh.Length);

        Assert.True(written.IsAccepted, ReasonCodeNames.Name(written.Reason));
        Assert.True(store.TryRead(FuzzTargets.RecordName, out byte[] back, out ReasonCode _));
        Assert.Equal(fresh, back);
    }

    [Theory]
    [InlineData("")]
    [InlineData("03")] // AFL++ finding in the first record-slot run: both slot files present and empty (a harness decoding bug, fixed in the target)
    [InlineData("fe")] // AFL++ finding: slot .1 present and empty, input shorter than the 3-byte prefix
    [InlineData("0305000000000000000000")] // slot .0 holds 5 zero bytes, slot .1 three
    public void ShortInput_IsRefusedAndRecovers(string hex)
    {
        SlotRecordStore store = Load(Convert.FromHexString(hex));

        Assert.False(store.TryRead(FuzzTargets.RecordName, out byte[] _, out ReasonCode reason));
        Assert.True(reason == ReasonCode.NotFound || reason == ReasonCode.StorageCorrupt, ReasonCodeNames.Name(reason));
        Assert.True(store.Write(FuzzTargets.RecordName, new byte[] { 1 }, 0, 1).IsAccepted);
    }

    private static SlotRecordStore Load(byte[] input) => FuzzTargets.LoadRecordSlots(input);
}
