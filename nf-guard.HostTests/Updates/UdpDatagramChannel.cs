using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.HostTests.Updates;

/// <summary>
/// A plain UDP <see cref="IDatagramChannel"/> over System.Net.Sockets for loopback tests (no egress limiter: the
/// guard's own channel adds that). Counts datagrams sent.
/// </summary>
internal sealed class UdpDatagramChannel : IDatagramChannel, IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpDatagramChannel() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Sent { get; private set; }

    public static uint ToHostOrder(IPAddress address)
    {
        byte[] b = address.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    public Decision SendTo(byte[] buffer, int offset, int count, uint address, int port)
    {
        var endpoint = new IPEndPoint(new IPAddress(new[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address }), port);
        try
        {
            _socket.SendTo(buffer, offset, count, SocketFlags.None, endpoint);
            Sent++;
            return Decision.Accept();
        }
        catch (SocketException)
        {
            return Decision.Refuse(ReasonCode.SocketError);
        }
        catch (ObjectDisposedException)
        {
            return Decision.Refuse(ReasonCode.Closed);
        }
    }

    public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason)
    {
        address = 0;
        port = 0;
        try
        {
            if (!_socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead))
            {
                reason = ReasonCode.TimedOut;
                return 0;
            }

            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int received = _socket.ReceiveFrom(buffer, offset, count, SocketFlags.None, ref from);
            var sender = (IPEndPoint)from;
            address = ToHostOrder(sender.Address);
            port = sender.Port;
            reason = ReasonCode.Accepted;
            return received;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
        {
            reason = ReasonCode.TooLarge;
            return 0;
        }
        catch (SocketException)
        {
            reason = ReasonCode.SocketError;
            return 0;
        }
        catch (ObjectDisposedException)
        {
            reason = ReasonCode.Closed;
            return 0;
        }
    }

    public void Close() => _socket.Dispose();

    public void Dispose() => Close();
}
