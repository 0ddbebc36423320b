using System.Collections.Generic;
using System.Text;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Testing;

namespace NetGuard.HostTests.Http;

/// <summary>
/// The device's managed wait before nanoFramework's native (uninterruptible) TLS handshake (Http/TlsFirstRecord): the
/// whole first handshake record must arrive before the deadline. A ClientHello is accepted; a silent client, a partial
/// record and a client that leaves are refused without entering native TLS, and so are plain HTTP and other non-TLS
/// bytes, judged from the record header alone. Driven by a scripted socket and a manual clock.
/// </summary>
public sealed class TlsFirstRecordTests
{
    private const long Second = TimeSpan.TicksPerSecond;

    [Fact]
    public void WholeClientHelloRecord_IsAccepted()
    {
        var socket = new ScriptedTransport(Record(22, 3, 1, 512));

        Assert.Equal(ReasonCode.Accepted, TlsFirstRecord.Wait(socket, socket.Clock, 5 * Second));
        Assert.Equal(0, socket.Pauses);
    }

    [Fact]
    public void RecordArrivingInPieces_IsAcceptedOnceComplete()
    {
        byte[] record = Record(22, 3, 3, 300);
        var socket = new ScriptedTransport(record[..3]);
        socket.Later.Enqueue(record[3..100]);
        socket.Later.Enqueue(record[100..]);

        Assert.Equal(ReasonCode.Accepted, TlsFirstRecord.Wait(socket, socket.Clock, 5 * Second));
    }

    [Fact]
    public void SilentClient_TimesOut_AtTheDeadline()
    {
        var socket = new ScriptedTransport(Array.Empty<byte>());

        Assert.Equal(ReasonCode.TimedOut, TlsFirstRecord.Wait(socket, socket.Clock, 5 * Second));
        Assert.True(socket.Clock.NowTicks >= 5 * Second);
        Assert.True(socket.Clock.NowTicks < 6 * Second);
    }

    [Fact]
    public void PartialRecordThenSilence_TimesOut()
    {
        var socket = new ScriptedTransport(Record(22, 3, 1, 512)[..200]);

        Assert.Equal(ReasonCode.TimedOut, TlsFirstRecord.Wait(socket, socket.Clock, 2 * Second));
        Assert.True(socket.Pauses > 0);
        Assert.True(socket.Clock.NowTicks >= 2 * Second);
    }

    [Fact]
    public void ClientLeavingBeforeSendingAnything_IsClosed()
    {
        var socket = new ScriptedTransport(Array.Empty<byte>()) { ClosedByPeer = true };

        Assert.Equal(ReasonCode.Closed, TlsFirstRecord.Wait(socket, socket.Clock, 5 * Second));
    }

    [Fact]
    public void PlainHttp_IsMalformed_WithoutWaiting()
    {
        var socket = new ScriptedTransport(Encoding.ASCII.GetBytes("GET /api/status HTTP/1.1\r\nHost: d\r\n\r\n"));

        Assert.Equal(ReasonCode.Malformed, TlsFirstRecord.Wait(socket, socket.Clock, 5 * Second));
        Assert.Equal(0, socket.Clock.NowTicks);
    }

    [Fact]
    public void SocketFailure_IsPassedOn()
    {
        var socket = new ScriptedTransport(Array.Empty<byte>()) { Failure = ReasonCode.ConnectionReset };

        Assert.Equal(ReasonCode.ConnectionReset, TlsFirstRecord.Wait(socket, socket.Clock, 5 * Second));
    }

    [Theory]
    [InlineData(22, 3, 1, 512, ReasonCode.Accepted)]
    [InlineData(22, 3, 3, 1, ReasonCode.Accepted)]
    [InlineData(22, 3, 3, 16384, ReasonCode.Accepted)]
    [InlineData(23, 3, 3, 512, ReasonCode.Malformed)]  // application data before any handshake
    [InlineData(21, 3, 3, 2, ReasonCode.Malformed)]    // an alert
    [InlineData(22, 2, 0, 512, ReasonCode.Malformed)]  // SSL 2 style version
    [InlineData(22, 3, 9, 512, ReasonCode.Malformed)]  // no such 3.x version
    [InlineData(22, 3, 1, 0, ReasonCode.Malformed)]    // empty record
    [InlineData(22, 3, 1, 16385, ReasonCode.Malformed)] // longer than a record may be
    public void CheckHeader_AcceptsOnlyAPlausibleHandshakeRecord(int type, int major, int minor, int length, ReasonCode expected)
    {
        byte[] header = Record(type, major, minor, length)[..5];

        Assert.Equal(expected, TlsFirstRecord.CheckHeader(header, out int recordLength));
        Assert.Equal(length, recordLength);
    }

    private static byte[] Record(int type, int major, int minor, int length)
    {
        byte[] record = new byte[5 + length];
        record[0] = (byte)type;
        record[1] = (byte)major;
        record[2] = (byte)minor;
        record[3] = (byte)(length >> 8);
        record[4] = (byte)length;
        return record;
    }

    // A socket whose received bytes grow only when the test's script says so; waiting advances the manual clock.
    private sealed class ScriptedTransport : ITlsHandshakeTransport
    {
        private readonly List<byte> _received = new();

        public ScriptedTransport(byte[] initial) => _received.AddRange(initial);

        public ManualClock Clock { get; } = new ManualClock(0);
        public Queue<byte[]> Later { get; } = new();
        public bool ClosedByPeer { get; set; }
        public ReasonCode Failure { get; set; } = ReasonCode.Accepted;
        public int Pauses { get; private set; }

        public int Available(out ReasonCode reason)
        {
            reason = Failure;
            return Failure == ReasonCode.Accepted ? _received.Count : -1;
        }

        public int Peek(byte[] buffer, int count, out ReasonCode reason)
        {
            reason = ReasonCode.Accepted;
            int n = Math.Min(count, _received.Count);
            _received.CopyTo(0, buffer, 0, n);
            return n;
        }

        public bool WaitReadable(int milliseconds, out ReasonCode reason)
        {
            if (ClosedByPeer)
            {
                reason = ReasonCode.Accepted;
                return true;
            }

            if (Later.Count > 0)
            {
                Clock.Advance(10 * TimeSpan.TicksPerMillisecond);
                _received.AddRange(Later.Dequeue());
                reason = ReasonCode.Accepted;
                return true;
            }

            Clock.Advance(milliseconds * TimeSpan.TicksPerMillisecond);
            reason = ReasonCode.TimedOut;
            return false;
        }

        public void Pause(int milliseconds)
        {
            Pauses++;
            Clock.Advance(milliseconds * TimeSpan.TicksPerMillisecond);
            if (Later.Count > 0)
            {
                _received.AddRange(Later.Dequeue());
            }
        }
    }
}
