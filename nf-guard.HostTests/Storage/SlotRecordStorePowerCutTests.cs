using System.Linq;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using Xunit.Abstractions;

namespace NetGuard.HostTests.Storage;

public sealed class SlotRecordStorePowerCutTests
{
    private readonly ITestOutputHelper _output;

    public SlotRecordStorePowerCutTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Write_CutAtEveryByte_ReadsOldOrNew(int previousWrites)
    {
        PowerCutFileSystem baseline = new();
        SlotRecordStore setup = new(baseline, 64);
        byte[]? old = null;
        for (int i = 0; i < previousWrites; i++)
        {
            old = Payload(i, 10 + i);
            Assert.True(setup.Write("rec", old, 0, old.Length).IsAccepted);
        }

        byte[] fresh = Payload(99, 20);
        PowerCutFileSystem dry = baseline.Clone();
        dry.CountFromHere();
        Assert.True(new SlotRecordStore(dry, 64).Write("rec", fresh, 0, fresh.Length).IsAccepted);

        int cuts = 0;
        foreach ((int step, TearMode mode, int prefix) in PowerCutFileSystem.AllCuts(dry.WriteLengths))
        {
            PowerCutFileSystem flash = baseline.Clone();
            flash.Arm(step, mode, prefix);
            Assert.Throws<PowerCutException>(() => new SlotRecordStore(flash, 64).Write("rec", fresh, 0, fresh.Length));
            flash.Disarm();

            SlotRecordStore restarted = new(flash, 64);
            bool read = restarted.TryRead("rec", out byte[] data, out ReasonCode reason);
            string where = $"step {step} {mode} {prefix}";
            if (old == null)
            {
                // No record before: a torn first write reads as "never written", the old state.
                Assert.True(!read ? reason == ReasonCode.NotFound : data.SequenceEqual(fresh), where);
                Assert.True(read || mode != TearMode.Completed, where);
            }
            else
            {
                Assert.True(read, where);
                Assert.True(data.SequenceEqual(old) || data.SequenceEqual(fresh), where);
                Assert.Equal(mode == TearMode.Completed, data.SequenceEqual(fresh));
            }

            // And the store keeps working after the cut: the next write lands and reads back.
            byte[] next = Payload(7, 5);
            Assert.True(restarted.Write("rec", next, 0, next.Length).IsAccepted, where);
            Assert.True(restarted.TryRead("rec", out byte[] after, out _) && after.SequenceEqual(next), where);
            cuts++;
        }

        _output.WriteLine($"{cuts} power cuts after {previousWrites} previous writes: every read returned the old or the new record");
        Assert.True(cuts > 40);
    }

    [Fact]
    public void Write_FirstWriteTorn_ReadsAsNotFoundNeverGarbage()
    {
        PowerCutFileSystem flash = new();
        flash.Arm(0, TearMode.Prefix, 18);
        Assert.Throws<PowerCutException>(() => new SlotRecordStore(flash, 64).Write("rec", new byte[5], 0, 5));
        flash.Disarm();

        Assert.False(new SlotRecordStore(flash, 64).TryRead("rec", out byte[] data, out ReasonCode reason));
        Assert.Equal(ReasonCode.NotFound, reason);
        Assert.Null(data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Delete_CutAtEveryStep_ReadsOldOrNothing(int previousWrites)
    {
        PowerCutFileSystem baseline = new();
        SlotRecordStore setup = new(baseline, 64);
        byte[] old = Array.Empty<byte>();
        for (int i = 0; i < previousWrites; i++)
        {
            old = Payload(i, 8);
            setup.Write("rec", old, 0, old.Length);
        }

        PowerCutFileSystem dry = baseline.Clone();
        dry.CountFromHere();
        Assert.True(new SlotRecordStore(dry, 64).Delete("rec").IsAccepted);
        foreach ((int step, TearMode mode, int prefix) in PowerCutFileSystem.AllCuts(dry.WriteLengths))
        {
            PowerCutFileSystem flash = baseline.Clone();
            flash.Arm(step, mode, prefix);
            Assert.Throws<PowerCutException>(() => new SlotRecordStore(flash, 64).Delete("rec"));
            flash.Disarm();

            bool read = new SlotRecordStore(flash, 64).TryRead("rec", out byte[] data, out ReasonCode reason);
            Assert.True(read ? data.SequenceEqual(old) : reason == ReasonCode.NotFound, $"step {step} {mode}");
        }
    }

    private static byte[] Payload(int seed, int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)((seed * 31) + (i * 7) + 1);
        }

        return data;
    }
}
