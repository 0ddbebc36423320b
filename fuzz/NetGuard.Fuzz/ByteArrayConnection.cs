using System;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Fuzz;

/// <summary>
/// An <see cref="IConnection"/> that delivers a fixed byte array (in pieces of at most <see cref="MaxChunk"/> bytes)
/// and then reports that the peer closed; records what the server sends. Drives the HTTP core from fuzz input.
/// </summary>
internal sealed class ByteArrayConnection : IConnection
{
    private readonly byte[] _input;
    private readonly MemoryStream _sent = new();
    private int _position;

    public ByteArrayConnection(byte[] input, int maxChunk)
    {
        _input = input;
        MaxChunk = maxChunk;
    }

    public int MaxChunk { get; }

    public uint RemoteAddress => 0xC0A80102;

    public int RemotePort => 50000;

    public bool IsClosed { get; private set; }

    public int ReceiveCalls { get; private set; }

    public byte[] Sent => _sent.ToArray();

    public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
    {
        // The server calling with a bad range is a library bug, so it throws (and the fuzzer reports it).
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count <= 0 || offset + count > buffer.Length || timeoutMilliseconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "server passed a bad receive range");
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
        if (offset < 0 || count < 0 || offset + count > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "server passed a bad send range");
        }

        if (IsClosed)
        {
            return Decision.Refuse(ReasonCode.Closed);
        }

        _sent.Write(buffer, offset, count);
        return Decision.Accept();
    }

    public void Close() => IsClosed = true;

    public void Drop(ReasonCode reason) => IsClosed = true;

    public void MarkInService()
    {
        // Nothing to displace in a fuzz run.
    }
}
