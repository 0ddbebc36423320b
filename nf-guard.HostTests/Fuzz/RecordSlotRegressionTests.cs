using System;
using System.Text;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using Xunit;
using NetGuard.Testing;

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

        bool read = store.TryRead(FuzzSeeds.RecordName, out byte[] data, out ReasonCode reason);

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
        store.TryRead(FuzzSeeds.RecordName, out byte[] _, out ReasonCode _);
        byte[] fresh = { 0x4E, 0x47, (byte)input.Length };

        Decision written = store.Write(FuzzSeeds.RecordName, fresh, 0, fresh.Length);

        Assert.True(written.IsAccepted, ReasonCodeNames.Name(written.Reason));
        Assert.True(store.TryRead(FuzzSeeds.RecordName, out byte[] back, out ReasonCode _));
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

        Assert.False(store.TryRead(FuzzSeeds.RecordName, out byte[] _, out ReasonCode reason));
        Assert.True(reason == ReasonCode.NotFound || reason == ReasonCode.StorageCorrupt, ReasonCodeNames.Name(reason));
        Assert.True(store.Write(FuzzSeeds.RecordName, new byte[] { 1 }, 0, 1).IsAccepted);
    }

    /// <summary>The fuzz target's input layout, decoded into the two slot files.</summary>
    internal static SlotRecordStore Load(byte[] input)
    {
        var files = new MemoryFileSystem();
        int flags = input.Length > 0 ? input[0] : 0;
        int firstLength = input.Length > 2 ? input[1] | (input[2] << 8) : 0;
        int start = Math.Min(3, input.Length);
        int rest = input.Length - start;
        firstLength = Math.Min(firstLength, rest);
        if ((flags & 1) != 0)
        {
            files.SetRaw(SlotRecordStore.SlotFileName(FuzzSeeds.RecordName, 0), input.AsSpan(start, firstLength).ToArray());
        }

        if ((flags & 2) != 0)
        {
            files.SetRaw(SlotRecordStore.SlotFileName(FuzzSeeds.RecordName, 1), input.AsSpan(start + firstLength, rest - firstLength).ToArray());
        }

        return new SlotRecordStore(files, FuzzSeeds.MaxRecordLength);
    }
}
