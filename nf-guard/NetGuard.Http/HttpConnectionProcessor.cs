using System;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;

namespace NetGuard.Http
{
    /// <summary>
    /// Serves one connection from first byte to close: reads the head within its deadline, routes it,
    /// reads or streams the body within the route's limits, runs the handler, writes one response,
    /// closes. Owns one worker's buffers (head, body, output, JSON), allocated once in the constructor.
    /// <see cref="HttpServer"/> runs one per worker thread; tests and the fuzz harness call
    /// <see cref="Process"/> directly with a scripted connection. Nothing a peer sends makes it throw.
    /// </summary>
    public sealed class HttpConnectionProcessor
    {
        /// <summary>Value of <see cref="Phase"/> while no connection is being served.</summary>
        public const int PhaseIdle = 0;

        /// <summary>Value of <see cref="Phase"/> while the request head is being received.</summary>
        public const int PhaseHead = 1;

        /// <summary>Value of <see cref="Phase"/> from a complete head until close.</summary>
        public const int PhaseHandling = 2;

        private const long TicksPerMillisecond = 10000;
        private readonly HttpRouter _router;
        private readonly IMonotonicClock _clock;
        private readonly HttpServerOptions _options;
        private readonly HttpRequestParser _parser;
        private readonly HttpRequest _request;
        private readonly HttpResponse _response;
        private readonly HttpBodyReader _body;
        private readonly byte[] _drain = new byte[512];
        private readonly object _state = new object();
        private IConnection _current;
        private int _phase;
        private long _phaseStartedTicks;

        /// <summary>
        /// Creates a processor for <paramref name="router"/>. Throws <see cref="ArgumentNullException"/> for a
        /// null argument and <see cref="ArgumentOutOfRangeException"/> for bad options (they are copied).
        /// </summary>
        /// <param name="router">The route table (frozen by the server before use).</param>
        /// <param name="clock">The monotonic clock deadlines are measured on.</param>
        /// <param name="options">Limits.</param>
        public HttpConnectionProcessor(HttpRouter router, IMonotonicClock clock, HttpServerOptions options)
        {
            ArgumentNullException.ThrowIfNull(router, nameof(router));
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));
            ArgumentNullException.ThrowIfNull(options, nameof(options));

            _router = router;
            _clock = clock;
            _options = options.Copy();
            _parser = new HttpRequestParser(_options, clock);
            _request = new HttpRequest(_options);
            _response = new HttpResponse(_options);
            _body = new HttpBodyReader(clock, _options.ReceiveTimeoutMilliseconds);
            _request.BodyReader = _body;
        }

        /// <summary>What the processor is doing: <see cref="PhaseIdle"/>, <see cref="PhaseHead"/> or <see cref="PhaseHandling"/>.</summary>
        public int Phase
        {
            get
            {
                lock (_state)
                {
                    return _phase;
                }
            }
        }

        /// <summary>When the current phase began, in clock ticks.</summary>
        public long PhaseStartedTicks
        {
            get
            {
                lock (_state)
                {
                    return _phaseStartedTicks;
                }
            }
        }

        /// <summary>Status of the last response sent (0 when none was sent: the peer left, or sending failed early).</summary>
        public int LastStatus { get; private set; }

        /// <summary>Why the last exchange ended: Accepted, or the refusal or connection reason.</summary>
        public ReasonCode LastReason { get; private set; }

        /// <summary>
        /// Serves <paramref name="connection"/> and closes it. Never throws for anything the peer does;
        /// a handler that throws gets a 500 for its request. Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="connection">An accepted connection.</param>
        public void Process(IConnection connection)
        {
            ArgumentNullException.ThrowIfNull(connection, nameof(connection));

            SetPhase(PhaseHead, connection);
            LastStatus = 0;
            LastReason = ReasonCode.Accepted;
            try
            {
                Exchange(connection);
            }
            catch (Exception)
            {
                // Last line of defence: whatever went wrong, the worker survives and the peer gets an answer
                // if none went out yet. The catch covers handler bugs; the parser itself does not throw.
                try
                {
                    Refuse(500, ReasonCode.InvalidState);
                }
                catch (Exception)
                {
                    // The connection is closed below either way.
                }
            }
            finally
            {
                if (_response.HasStarted && !_response.Failed)
                {
                    LastStatus = _response.StatusCode;
                }

                try
                {
                    connection.Close();
                }
                finally
                {
                    _request.Wipe();
                    _response.Wipe();
                    _body.Detach();
                    SetPhase(PhaseIdle, null);
                }
            }
        }

        /// <summary>
        /// Closes the connection being served, from another thread (server stop, slow-loris eviction); its
        /// pending receive then ends and <see cref="Process"/> returns.
        /// </summary>
        public void Abort()
        {
            IConnection current;
            lock (_state)
            {
                current = _current;
            }

            if (current != null)
            {
                current.Close();
            }
        }

        /// <summary>
        /// Closes the connection only if it is still receiving the head that began at
        /// <paramref name="phaseStartedTicks"/>: the eviction of a slow client must not cut a request that
        /// has meanwhile become complete. Returns true when it closed the connection.
        /// </summary>
        internal bool AbortHead(long phaseStartedTicks)
        {
            lock (_state)
            {
                if (_phase != PhaseHead || _phaseStartedTicks != phaseStartedTicks || _current == null)
                {
                    return false;
                }

                _current.Close();
                return true;
            }
        }

        private void Exchange(IConnection connection)
        {
            _response.Reset(connection); // first: a 500 for a failure below goes to this connection, from a clean state
            _request.Reset(connection.RemoteAddress);
            long headStarted = _clock.NowTicks;
            long headDeadline = headStarted + _options.HeadTimeoutMilliseconds * TicksPerMillisecond;
            ReasonCode head = _parser.ReadHead(connection, _request, headStarted, headDeadline, out int status);
            if (head != ReasonCode.Accepted)
            {
                LastReason = head;
                if (status != 0)
                {
                    Refuse(status, head);
                }

                if (head == ReasonCode.HeadTooSlow)
                {
                    // Counted with the guard's refusals (by whom and why), like a displaced connection.
                    connection.Drop(head);
                }

                return;
            }

            // A complete head: the guard no longer displaces this connection for a newcomer.
            connection.MarkInService();

            SetPhase(PhaseHandling, connection);
            ReasonCode found = _router.Find(_request.Method, _request.Path, out HttpRoute route);
            if (found != ReasonCode.Accepted)
            {
                if (found == ReasonCode.MethodNotAllowed)
                {
                    _response.SetAllow(_router.AllowedMethods(_request.Path));
                }

                RefuseAndDrain(connection, HttpStatus.ForReason(found), found);
                return;
            }

            long limit = route.MaxBodyBytes;
            if (limit < 0)
            {
                limit = route.Method == HttpMethod.Get ? 0 : _options.BufferedBodyBytes;
            }

            if (!route.StreamBody && limit > _options.BufferedBodyBytes)
            {
                limit = _options.BufferedBodyBytes;
            }

            if (_request.ContentLength > limit)
            {
                LastReason = ReasonCode.TooLarge;
                Refuse(413, ReasonCode.TooLarge);
                return;
            }

            int bodyTimeout = route.BodyTimeoutMilliseconds > 0 ? route.BodyTimeoutMilliseconds : _options.BodyTimeoutMilliseconds;
            _body.Start(connection, _request, _request.ContentLength, _clock.NowTicks + bodyTimeout * TicksPerMillisecond);
            if (_request.ContentLength > 0 && _request.VersionMinor == 1 && _request.HeaderEquals("expect", "100-continue"))
            {
                _response.SendContinue();
            }

            if (route.StreamBody)
            {
                _request.BodyIsStreamed = true;
            }
            else
            {
                int length = (int)_request.ContentLength;
                int read = 0;
                while (read < length)
                {
                    int n = _body.Read(_request.BodyStore, read, length - read, out ReasonCode reason);
                    if (n == 0)
                    {
                        LastReason = reason;
                        if (reason == ReasonCode.TimedOut)
                        {
                            Refuse(408, ReasonCode.TimedOut);
                        }
                        else if (reason == ReasonCode.Truncated)
                        {
                            Refuse(400, ReasonCode.Truncated);
                        }

                        return;
                    }

                    read += n;
                }

                _request.BodyLengthValue = read;
            }

            route.Handler.Handle(_request, _response);
            if (!_response.HasStarted)
            {
                // A handler that answers nothing is a bug; the client still deserves an answer.
                Refuse(500, ReasonCode.InvalidState);
                return;
            }

            LastReason = _response.Reason;
            if (route.StreamBody && _body.Remaining > 0 && !_response.Failed)
            {
                // The handler refused before reading everything: drop a little more so the client reads
                // the answer rather than a reset.
                _body.Skip(_drain, _options.DrainBodyBytes);
            }
        }

        private void RefuseAndDrain(IConnection connection, int status, ReasonCode reason)
        {
            LastReason = reason;
            Refuse(status, reason);
            if (_request.ContentLength > 0 && _request.ContentLength <= _options.DrainBodyBytes && !_response.Failed)
            {
                long deadline = _clock.NowTicks + _options.ReceiveTimeoutMilliseconds * TicksPerMillisecond;
                _body.Start(connection, _request, _request.ContentLength, deadline);
                _body.Skip(_drain, _options.DrainBodyBytes);
            }
        }

        private void Refuse(int status, ReasonCode reason)
        {
            if (!_response.HasStarted)
            {
                _response.SendReason(status, reason, 0);
            }
        }

        private void SetPhase(int phase, IConnection connection)
        {
            long now = _clock.NowTicks;
            lock (_state)
            {
                _phase = phase;
                _phaseStartedTicks = now;
                _current = connection;
            }
        }
    }
}
