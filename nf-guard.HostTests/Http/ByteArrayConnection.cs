using System;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.HostTests.Http;

/// <summary>
/// An <see cref="IConnection"/> that delivers a fixed byte array (in chunks of at most
/// <see cref="MaxChunk"/>) and then reports the peer closed; records what is sent. Drives the server
/// core from a byte array for fuzzing.
/// </summary>
internal sealed class ByteArrayConnection : IConnection
{
    private readonly byte[] _input;
    private readonly MemoryStream _sent = new();
    private int _position;

    public ByteArrayConnection(byte[] input, int maxChunk = int.MaxValue)
    {
        _input = input;
        MaxChunk = maxChunk;
    }

    public int MaxChunk { get; }

    public uint RemoteAddress => 0x7F000001;

    public int RemotePort => 40000;

    public bool IsClosed { get; private set; }

    public int ReceiveCalls { get; private set; }

    public byte[] Sent => _sent.ToArray();

    public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count <= 0 || offset + count > buffer.Length || timeoutMilliseconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        ReceiveCalls++;
        if (IsClosed || _position >= _input.Length)
        {
            reason = ReasonCode.Closed;
            return 0;
        }

        int take = Math.Min(Math.Min(count, MaxChunk), _input.Length - _position);
        Array.Copy(_input, _position, buffer, offset, take);
        _position += take;
        reason = ReasonCode.Accepted;
        return take;
    }

    public Decision Send(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (IsClosed)
        {
            return Decision.Refuse(ReasonCode.Closed);
        }

        _sent.Write(buffer, offset, count);
        return Decision.Accept();
    }

    public void Close() => IsClosed = true;
}
