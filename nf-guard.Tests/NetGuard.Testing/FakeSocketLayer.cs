using System;
using System.Collections;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Testing
{
    /// <summary>
    /// A scripted socket layer for the portable tests: no real sockets. It counts the sockets open at any
    /// moment (the leak check: lwIP has only 16), lets a test queue inbound connections and datagrams,
    /// and injects platform failures (bind refused, reset, errors).
    /// </summary>
    public sealed class FakeSocketLayer : ISocketLayer
    {
        public int OpenSockets;
        public int TotalOpened;
        public ReasonCode NextListenResult = ReasonCode.Accepted;
        public ReasonCode NextDatagramResult = ReasonCode.Accepted;
        public FakeListenerSocket LastListener;
        public FakeDatagramSocket LastDatagram;
        public int NextEphemeralPort = 49152;

        public ReasonCode OpenStreamListener(int port, int backlog, out IStreamListenerSocket listener)
        {
            listener = null;
            if (NextListenResult != ReasonCode.Accepted)
            {
                ReasonCode result = NextListenResult;
                NextListenResult = ReasonCode.Accepted;
                return result;
            }

            LastListener = new FakeListenerSocket(this, port, backlog);
            Opened();
            listener = LastListener;
            return ReasonCode.Accepted;
        }

        public ReasonCode OpenDatagram(int port, out IDatagramSocket socket)
        {
            socket = null;
            if (NextDatagramResult != ReasonCode.Accepted)
            {
                ReasonCode result = NextDatagramResult;
                NextDatagramResult = ReasonCode.Accepted;
                return result;
            }

            LastDatagram = new FakeDatagramSocket(this, port == 0 ? NextEphemeralPort++ : port);
            Opened();
            socket = LastDatagram;
            return ReasonCode.Accepted;
        }

        public void Opened()
        {
            OpenSockets++;
            TotalOpened++;
        }

        public void ClosedOne()
        {
            OpenSockets--;
        }
    }

    /// <summary>A fake listening socket: Accept hands out queued connections, else times out.</summary>
    public sealed class FakeListenerSocket : IStreamListenerSocket
    {
        private readonly FakeSocketLayer _layer;
        private readonly ArrayList _pending = new ArrayList();

        // Set when a connection is queued or the listener closes: what a real listening socket's Poll wakes on.
        private readonly AutoResetEvent _changed = new AutoResetEvent(false);

        public FakeListenerSocket(FakeSocketLayer layer, int port, int backlog)
        {
            _layer = layer;
            LocalPort = port;
            Backlog = backlog;
        }

        public int LocalPort { get; }

        public int Backlog { get; }

        public bool Closed;

        public ReasonCode NextAcceptResult = ReasonCode.Accepted;

        /// <summary>
        /// When set, Accept on an empty queue waits, as a socket does, until a connection is queued or the listener
        /// closes, at most its timeout, instead of returning at once.
        /// </summary>
        public bool AcceptWaits;

        /// <summary>Queues an inbound connection from <paramref name="address"/>:<paramref name="port"/>.</summary>
        public FakeStreamSocket Enqueue(uint address, int port)
        {
            FakeStreamSocket socket = new FakeStreamSocket(_layer, address, port);
            Enqueue(socket);
            return socket;
        }

        /// <summary>Queues a socket prepared by the caller (its request already scripted with Incoming).</summary>
        public void Enqueue(FakeStreamSocket socket)
        {
            lock (_pending)
            {
                _pending.Add(socket);
            }

            _changed.Set();
        }

        public ReasonCode Accept(int timeoutMilliseconds, out IStreamSocket socket)
        {
            socket = null;
            if (Closed)
            {
                return ReasonCode.Closed;
            }

            if (NextAcceptResult != ReasonCode.Accepted)
            {
                ReasonCode result = NextAcceptResult;
                NextAcceptResult = ReasonCode.Accepted;
                return result;
            }

            FakeStreamSocket next = Dequeue();
            if (next == null && AcceptWaits && !Closed && _changed.WaitOne(timeoutMilliseconds, false))
            {
                next = Dequeue();
            }

            if (next == null)
            {
                return Closed ? ReasonCode.Closed : ReasonCode.TimedOut;
            }

            _layer.Opened();
            socket = next;
            return ReasonCode.Accepted;
        }

        public void Close()
        {
            if (!Closed)
            {
                Closed = true;
                _layer.ClosedOne();
                _changed.Set();
            }
        }

        private FakeStreamSocket Dequeue()
        {
            lock (_pending)
            {
                if (_pending.Count == 0)
                {
                    return null;
                }

                FakeStreamSocket next = (FakeStreamSocket)_pending[0];
                _pending.RemoveAt(0);
                return next;
            }
        }
    }

    /// <summary>A fake accepted connection: records what is sent, plays back scripted received data.</summary>
    public sealed class FakeStreamSocket : IStreamSocket
    {
        private readonly FakeSocketLayer _layer;
        private readonly ArrayList _incoming = new ArrayList();
        private readonly uint _remoteAddress;
        private int _consumed;

        public FakeStreamSocket(FakeSocketLayer layer, uint remoteAddress, int remotePort)
        {
            _layer = layer;
            _remoteAddress = remoteAddress;
            RemotePort = remotePort;
        }

        public bool Closed;
        public long BytesSent;
        public int Sends;
        public ReasonCode SendResult = ReasonCode.Accepted;
        public ReasonCode ReceiveResultWhenEmpty = ReasonCode.TimedOut;
        public bool ThrowOnRemoteAddress;

        public uint RemoteAddress
        {
            get
            {
                if (ThrowOnRemoteAddress)
                {
                    throw new InvalidOperationException("scripted platform failure");
                }

                return _remoteAddress;
            }
        }

        public int RemotePort { get; }

        public void Incoming(byte[] data)
        {
            _incoming.Add(data);
        }

        /// <summary>When set, every byte sent is kept for <see cref="SentBytes"/>.</summary>
        public bool CaptureSent;

        private byte[] _sent = new byte[0];

        public ReasonCode Send(byte[] buffer, int offset, int count)
        {
            if (Closed)
            {
                return ReasonCode.Closed;
            }

            if (SendResult != ReasonCode.Accepted)
            {
                return SendResult;
            }

            if (CaptureSent)
            {
                byte[] grown = new byte[_sent.Length + count];
                Array.Copy(_sent, grown, _sent.Length);
                Array.Copy(buffer, offset, grown, _sent.Length, count);
                _sent = grown;
            }

            BytesSent += count;
            Sends++;
            return ReasonCode.Accepted;
        }

        /// <summary>What was sent, when <see cref="CaptureSent"/> was set.</summary>
        public byte[] SentBytes()
        {
            return _sent;
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
            if (Closed)
            {
                reason = ReasonCode.Closed;
                return 0;
            }

            if (_incoming.Count == 0)
            {
                reason = ReceiveResultWhenEmpty;
                return 0;
            }

            // A read smaller than the next scripted segment takes its start and leaves the rest for the next read.
            byte[] data = (byte[])_incoming[0];
            int n = data.Length - _consumed < count ? data.Length - _consumed : count;
            Array.Copy(data, _consumed, buffer, offset, n);
            _consumed += n;
            if (_consumed == data.Length)
            {
                _incoming.RemoveAt(0);
                _consumed = 0;
            }

            reason = ReasonCode.Accepted;
            return n;
        }

        public void Close()
        {
            if (!Closed)
            {
                Closed = true;
                _layer.ClosedOne();
            }
        }
    }

    /// <summary>A fake UDP socket: records sent datagrams, plays back scripted incoming ones.</summary>
    public sealed class FakeDatagramSocket : IDatagramSocket
    {
        private readonly FakeSocketLayer _layer;
        private readonly ArrayList _incoming = new ArrayList();

        public FakeDatagramSocket(FakeSocketLayer layer, int port)
        {
            _layer = layer;
            LocalPort = port;
        }

        public int LocalPort { get; }

        public bool Closed;
        public int Datagrams;
        public long BytesSent;
        public uint LastAddress;
        public int LastPort;
        public ReasonCode SendResult = ReasonCode.Accepted;

        public void Incoming(byte[] data)
        {
            _incoming.Add(data);
        }

        public ReasonCode SendTo(byte[] buffer, int offset, int count, uint address, int port)
        {
            if (Closed)
            {
                return ReasonCode.Closed;
            }

            if (SendResult != ReasonCode.Accepted)
            {
                return SendResult;
            }

            Datagrams++;
            BytesSent += count;
            LastAddress = address;
            LastPort = port;
            return ReasonCode.Accepted;
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason)
        {
            address = 0;
            port = 0;
            if (Closed)
            {
                reason = ReasonCode.Closed;
                return 0;
            }

            if (_incoming.Count == 0)
            {
                reason = ReasonCode.TimedOut;
                return 0;
            }

            byte[] data = (byte[])_incoming[0];
            _incoming.RemoveAt(0);
            address = 0xC0A80164;
            port = 5353;
            if (data.Length > count)
            {
                reason = ReasonCode.TooLarge;
                return 0;
            }

            Array.Copy(data, 0, buffer, offset, data.Length);
            reason = ReasonCode.Accepted;
            return data.Length;
        }

        public void Close()
        {
            if (!Closed)
            {
                Closed = true;
                _layer.ClosedOne();
            }
        }
    }
}
