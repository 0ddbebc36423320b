using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.HostTests.Http;

/// <summary>
/// Test adapter: an accepted loopback <see cref="Socket"/> as an <see cref="IConnection"/>, standing in for
/// the guard's listener until it exists. No egress limiting. Close may be called from any thread: it shuts
/// the socket down first, which wakes a receive that is waiting in another thread.
/// </summary>
internal sealed class SocketConnection : IConnection
{
    private readonly Socket _socket;
    private readonly object _gate = new();
    private bool _closed;

    public SocketConnection(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _socket.SendTimeout = 2000;
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        byte[] a = remote.Address.MapToIPv4().GetAddressBytes();
        RemoteAddress = (uint)(a[0] << 24 | a[1] << 16 | a[2] << 8 | a[3]);
        RemotePort = remote.Port;
    }

    public uint RemoteAddress { get; }

    public int RemotePort { get; }

    public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeoutMilliseconds);
        try
        {
            if (IsClosed)
            {
                reason = ReasonCode.Closed;
                return 0;
            }

            if (!_socket.Poll(timeoutMilliseconds * 1000L > int.MaxValue ? int.MaxValue : timeoutMilliseconds * 1000, SelectMode.SelectRead))
            {
                reason = ReasonCode.TimedOut;
                return 0;
            }

            int received = _socket.Receive(buffer, offset, count, SocketFlags.None);
            reason = received > 0 ? ReasonCode.Accepted : ReasonCode.Closed;
            return received;
        }
        catch (ObjectDisposedException)
        {
            reason = ReasonCode.Closed;
            return 0;
        }
        catch (SocketException ex)
        {
            reason = Map(ex);
            return 0;
        }
    }

    public Decision Send(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        try
        {
            if (IsClosed)
            {
                return Decision.Refuse(ReasonCode.Closed);
            }

            int sent = 0;
            while (sent < count)
            {
                sent += _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
            }

            return Decision.Accept();
        }
        catch (ObjectDisposedException)
        {
            return Decision.Refuse(ReasonCode.Closed);
        }
        catch (SocketException ex)
        {
            return Decision.Refuse(Map(ex));
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        _socket.Dispose();
    }

    /// <summary>Why the server dropped the connection (Accepted when it did not).</summary>
    public ReasonCode DroppedFor { get; private set; }

    public void Drop(ReasonCode reason)
    {
        if (!IsClosed)
        {
            DroppedFor = reason;
        }

        Close();
    }

    public void MarkInService()
    {
        // A raw test socket: no guard to displace it.
    }

    private bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    private static ReasonCode Map(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionReset or SocketError.ConnectionAborted => ReasonCode.ConnectionReset,
        SocketError.TimedOut or SocketError.WouldBlock => ReasonCode.TimedOut,
        SocketError.Shutdown or SocketError.NotConnected => ReasonCode.Closed,
        _ => ReasonCode.SocketError,
    };
}
