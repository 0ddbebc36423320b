using System;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Http
{
    // The IConnection the HTTP server sees behind a TLS source: plaintext in and out, TLS on the accepted connection.
    // - The server handshake runs once, on the first Receive (a worker thread; Send before it is refused with
    //   InvalidState, so the HTTP server's "busy" answer on its accept thread never runs one). The handshake timeout
    //   bounds it where the engine can be bounded (host: all of it; device: the wait for the first record and, where
    //   the port honours a native receive timeout, the rest; docs/threat-model.md); its outcome is counted. A failed
    //   handshake closes the connection and every later call reports why (Malformed, TimedOut, Closed, ...). Nothing a peer does makes these methods throw: any exception from the TLS
    //   engine is mapped to a reason and the connection is closed.
    // - Where the records bypass IConnection.Send (device: native TLS), the plaintext length of every write is first
    //   charged to the connection's and the global TCP reply budgets; a refusal is returned as the guard's decision
    //   and nothing reaches the TLS layer (the session stays usable, as a refused plain Send leaves the connection).
    // - Close is safe from any thread and more than once. It closes the accepted connection at once (which unblocks a
    //   worker waiting in the engine) and releases the TLS session exactly once, when no engine call is in progress:
    //   freeing a native TLS context under a running call would be a use-after-free in native code.
    internal sealed class TlsServerConnection : IConnection
    {
        private readonly IConnection _plain;
        private readonly ITlsSession _session;
        private readonly IReplyBudget _budget;
        private readonly int _handshakeTimeoutMilliseconds;
        private readonly TlsHandshakeCounters _counters;

        // Serializes engine calls (one Receive or Send at a time); Close never takes it.
        private readonly object _callGate = new object();
        private readonly object _stateGate = new object();

        // Accepted while usable; otherwise why not. Guarded by _stateGate, as are the flags below.
        private ReasonCode _state = ReasonCode.Accepted;
        private bool _busy;
        private bool _released;
        private bool _plainClosed;

        // Guarded by _callGate.
        private bool _authenticated;

        public TlsServerConnection(IConnection plain, ITlsSession session, IReplyBudget budget, int handshakeTimeoutMilliseconds, TlsHandshakeCounters counters)
        {
            _plain = plain;
            _session = session;
            _budget = budget;
            _handshakeTimeoutMilliseconds = handshakeTimeoutMilliseconds;
            _counters = counters;
        }

        public uint RemoteAddress
        {
            get { return _plain.RemoteAddress; }
        }

        public int RemotePort
        {
            get { return _plain.RemotePort; }
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
            ByteRange.Check(buffer, offset, count, "buffer");
            if (count == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "Receive at least 1 byte.");
            }

            if (timeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
            }

            lock (_callGate)
            {
                reason = EnsureAuthenticated();
                if (reason != ReasonCode.Accepted)
                {
                    return 0;
                }

                if (!Enter())
                {
                    reason = State;
                    return 0;
                }

                int received;
                ReasonCode cause;
                try
                {
                    received = _session.Read(buffer, offset, count, timeoutMilliseconds, out cause);
                }
                catch (Exception)
                {
                    // The engine could not process what arrived (a bad record, an alert): the session is over.
                    received = 0;
                    cause = ReasonCode.Malformed;
                }
                finally
                {
                    Exit();
                }

                if (received > 0 && cause == ReasonCode.Accepted)
                {
                    reason = ReasonCode.Accepted;
                    return received > count ? count : received;
                }

                if (cause == ReasonCode.TimedOut)
                {
                    // Nothing arrived in time; the session keeps a partly read record, so the connection stays open
                    // as a plain one would (IConnection: TimedOut leaves it open).
                    reason = State == ReasonCode.Accepted ? ReasonCode.TimedOut : State;
                    return 0;
                }

                // 0 bytes without a reason is an orderly close; anything else ends the session.
                reason = Fail(cause == ReasonCode.Accepted ? ReasonCode.Closed : cause);
                return 0;
            }
        }

        public Decision Send(byte[] buffer, int offset, int count)
        {
            ByteRange.Check(buffer, offset, count, "buffer");
            lock (_callGate)
            {
                // Send never runs the handshake. The HTTP server writes only after it has read a request, except for
                // its "busy" answer, which it sends from the single accept thread: a handshake there (up to the
                // handshake timeout, or on the device a native handshake) would stall every other accept. A peer whose
                // handshake has not run gets nothing; the caller closes the connection.
                ReasonCode state = State;
                if (state != ReasonCode.Accepted)
                {
                    return Decision.Refuse(state);
                }

                if (!_authenticated)
                {
                    return Decision.Refuse(ReasonCode.InvalidState);
                }

                if (count == 0)
                {
                    return Decision.Accept();
                }

                if (!Enter())
                {
                    return Decision.Refuse(State);
                }

                Decision written;
                try
                {
                    if (_budget != null)
                    {
                        // Native TLS writes past the managed limiter: charge the plaintext first, once the connection is
                        // known to be usable (the records add the TLS framing on top; see docs/threat-model.md). Refused:
                        // nothing is written and the session is intact.
                        Decision charged = _budget.ChargeReply(count);
                        if (!charged.IsAccepted)
                        {
                            return charged;
                        }
                    }

                    written = _session.Write(buffer, offset, count);
                }
                catch (Exception)
                {
                    // A record that failed half way leaves the TLS sequence numbers ahead of the peer: the session is over.
                    written = Decision.Refuse(ReasonCode.SocketError);
                }
                finally
                {
                    Exit();
                }

                if (!written.IsAccepted)
                {
                    ReasonCode cause = written.Reason == ReasonCode.Accepted ? ReasonCode.SocketError : written.Reason;

                    // Session first (on the device its disposal closes the socket natively), then the guard hears of
                    // it where the records bypassed IConnection.Send: counted and logged like a failed plain Send.
                    Fail(cause);
                    return _budget != null ? _budget.WriteFailed(cause) : written;
                }

                return Decision.Accept();
            }
        }

        public void Close()
        {
            Fail(ReasonCode.Closed);
        }

        public void Drop(ReasonCode reason)
        {
            // The guarded connection counts the refusal and closes the socket; no close_notify for a misbehaving peer.
            _plain.Drop(reason);
            Fail(reason);
        }

        public void MarkInService()
        {
            _plain.MarkInService();
        }

        private ReasonCode State
        {
            get
            {
                lock (_stateGate)
                {
                    return _state;
                }
            }
        }

        // Runs the handshake once (the caller holds _callGate); later calls see its outcome.
        private ReasonCode EnsureAuthenticated()
        {
            ReasonCode state = State;
            if (state != ReasonCode.Accepted || _authenticated)
            {
                return state;
            }

            if (!Enter())
            {
                return State;
            }

            ReasonCode outcome;
            try
            {
                outcome = _session.Authenticate(_handshakeTimeoutMilliseconds);
            }
            catch (Exception)
            {
                // Not TLS, a protocol alert, a record the engine refused: the platform's TLS library may surface any
                // exception type for what a peer sent, and IConnection never throws for what a peer does.
                outcome = ReasonCode.Malformed;
            }
            finally
            {
                Exit();
            }

            _counters.Ended(outcome);
            if (outcome != ReasonCode.Accepted)
            {
                return Fail(outcome);
            }

            _authenticated = true;
            return State;
        }

        // Marks an engine call in progress; false when the connection is no longer usable.
        private bool Enter()
        {
            lock (_stateGate)
            {
                if (_state != ReasonCode.Accepted)
                {
                    return false;
                }

                _busy = true;
                return true;
            }
        }

        // Ends an engine call; releases the session if the connection was closed meanwhile.
        private void Exit()
        {
            bool release;
            lock (_stateGate)
            {
                _busy = false;
                release = _state != ReasonCode.Accepted && !_released;
                if (release)
                {
                    _released = true;
                }
            }

            if (release)
            {
                _session.Release();
            }
        }

        // Records the first reason the connection ended, releases the session unless an engine call is in progress
        // (that call's Exit does it), then closes the accepted connection once, which frees the guard's connection slot
        // and unblocks such a call. Returns the state.
        private ReasonCode Fail(ReasonCode reason)
        {
            bool release;
            bool closePlain;
            lock (_stateGate)
            {
                if (_state == ReasonCode.Accepted)
                {
                    _state = reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason;
                }

                release = !_busy && !_released;
                if (release)
                {
                    _released = true;
                }

                closePlain = !_plainClosed;
                _plainClosed = true;
            }

            // Session first: on the device, disposing SslStream sends close_notify and closes the socket natively; the
            // guarded connection's own close then only releases its slot.
            if (release)
            {
                _session.Release();
            }

            if (closePlain)
            {
                _plain.Close();
            }

            return State;
        }
    }
}
