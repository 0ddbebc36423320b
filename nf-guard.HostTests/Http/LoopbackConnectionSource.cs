using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;

namespace NetGuard.HostTests.Http;

/// <summary>
/// Test adapter implementing the server's listener seam over a real TCP listener on 127.0.0.1 (port
/// chosen by the OS). The guard's own listener replaces it in the product.
/// </summary>
internal sealed class LoopbackConnectionSource : IConnectionSource, IDisposable
{
    private readonly Socket _listener;
    private volatile bool _closed;

    public LoopbackConnectionSource(int backlog = 512)
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(backlog);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public bool TryAccept(int timeoutMilliseconds, out IConnection connection, out ReasonCode reason)
    {
        connection = null!;
        if (_closed)
        {
            reason = ReasonCode.Closed;
            return false;
        }

        try
        {
            if (!_listener.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead))
            {
                reason = ReasonCode.TimedOut;
                return false;
            }

            connection = new SocketConnection(_listener.Accept());
            reason = ReasonCode.Accepted;
            return true;
        }
        catch (ObjectDisposedException)
        {
            reason = ReasonCode.Closed;
            return false;
        }
        catch (SocketException)
        {
            reason = ReasonCode.SocketError;
            return false;
        }
    }

    public void Dispose()
    {
        _closed = true;
        _listener.Dispose();
    }
}
