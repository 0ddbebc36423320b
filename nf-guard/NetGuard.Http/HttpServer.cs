using System;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;

namespace NetGuard.Http
{
    /// <summary>
    /// The admin HTTP server core: an accept loop over an <see cref="IConnectionSource"/> and a fixed pool
    /// of worker threads (<see cref="HttpServerOptions.MaxConnections"/>, default 4 of lwIP's 16 sockets),
    /// each with its own <see cref="HttpConnectionProcessor"/> and buffers, made at its first connection and let go
    /// after <see cref="HttpServerOptions.IdleReleaseMilliseconds"/> without one. One request per connection.
    /// When every worker is busy, a worker still receiving a head after
    /// <see cref="HttpServerOptions.EvictHeadAfterMilliseconds"/> is dropped for the newcomer; failing that the newcomer
    /// waits up to one accept poll for a worker to come free (the guard admits a newcomer at its cap by displacing an
    /// unserved connection); otherwise it gets a prebuilt 503 ServerBusy with Retry-After and is closed. Heads must also arrive at
    /// <see cref="HttpServerOptions.MinHeadBytesPerSecond"/>. Threads come from System.Threading (no Task on the device).
    /// </summary>
    public sealed class HttpServer
    {
        private const long TicksPerMillisecond = 10000;
        private readonly IConnectionSource _source;
        private readonly HttpRouter _router;
        private readonly IMonotonicClock _clock;
        private readonly HttpServerOptions _options;
        private readonly byte[] _busyResponse;
        private readonly object _lock = new object();
        private readonly AutoResetEvent _workerFreed = new AutoResetEvent(false);
        private Worker[] _workers;
        private Thread _acceptThread;
        private bool _started;
        private bool _stopping;
        private int _accepted;
        private int _busy;
        private int _evicted;

        /// <summary>
        /// Creates a server. Throws <see cref="ArgumentNullException"/> for a null argument and
        /// <see cref="ArgumentOutOfRangeException"/> for bad options or a buffered route whose body limit
        /// exceeds <see cref="HttpServerOptions.BufferedBodyBytes"/>.
        /// </summary>
        /// <param name="source">Where connections come from (the guard's listener).</param>
        /// <param name="router">The route table; frozen when the server starts.</param>
        /// <param name="clock">The monotonic clock for deadlines.</param>
        /// <param name="options">Limits (copied).</param>
        public HttpServer(IConnectionSource source, HttpRouter router, IMonotonicClock clock, HttpServerOptions options)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(source));
            ArgumentNullException.ThrowIfNull(router, nameof(router));
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));
            ArgumentNullException.ThrowIfNull(options, nameof(options));

            _options = options.Copy();
            for (int i = 0; i < router.Count; i++)
            {
                HttpRoute route = router.RouteAt(i);
                if (!route.StreamBody && route.MaxBodyBytes > _options.BufferedBodyBytes)
                {
                    throw new ArgumentOutOfRangeException(nameof(router), "A buffered route cannot accept more than BufferedBodyBytes; stream it.");
                }
            }

            _source = source;
            _router = router;
            _clock = clock;
            _busyResponse = HttpResponse.BuildRefusal(503, ReasonCode.ServerBusy, 1);
        }

        /// <summary>Connections taken from the source.</summary>
        public int AcceptedCount
        {
            get { return Interlocked.CompareExchange(ref _accepted, 0, 0); }
        }

        /// <summary>Connections answered 503 ServerBusy because every worker was busy.</summary>
        public int BusyCount
        {
            get { return Interlocked.CompareExchange(ref _busy, 0, 0); }
        }

        // Workers holding their buffers now (the others made none yet or let them go when idle): for the tests.
        internal int WorkersWithBuffers
        {
            get
            {
                lock (_lock)
                {
                    int count = 0;
                    for (int i = 0; _workers != null && i < _workers.Length; i++)
                    {
                        count += _workers[i].Processor != null ? 1 : 0;
                    }

                    return count;
                }
            }
        }

        /// <summary>Slow connections dropped (still in their head) to make room for a new one.</summary>
        public int EvictedCount
        {
            get { return Interlocked.CompareExchange(ref _evicted, 0, 0); }
        }

        /// <summary>
        /// Freezes the route table and starts the accept thread and the workers. Throws
        /// <see cref="InvalidOperationException"/> when called twice.
        /// </summary>
        public void Start()
        {
            lock (_lock)
            {
                if (_started)
                {
                    throw new InvalidOperationException("The server was already started.");
                }

                _started = true;
            }

            _router.Freeze();
            _workers = new Worker[_options.MaxConnections];
            for (int i = 0; i < _workers.Length; i++)
            {
                _workers[i] = new Worker(this);
            }

            for (int i = 0; i < _workers.Length; i++)
            {
                _workers[i].Thread.Start();
            }

            _acceptThread = new Thread(AcceptLoop);
            _acceptThread.Start();
        }

        /// <summary>
        /// Stops accepting, closes the connections being served and waits for every thread to end (within
        /// about one accept poll plus one receive timeout). Safe to call more than once.
        /// </summary>
        public void Stop()
        {
            lock (_lock)
            {
                if (!_started || _stopping)
                {
                    return;
                }

                _stopping = true;
            }

            _acceptThread.Join();
            for (int i = 0; i < _workers.Length; i++)
            {
                Worker worker = _workers[i];
                IConnection pending;
                HttpConnectionProcessor processor;
                lock (_lock)
                {
                    pending = worker.Pending;
                    worker.Pending = null;
                    processor = worker.Processor;
                }

                if (pending != null)
                {
                    pending.Close();
                }

                if (processor != null)
                {
                    processor.Abort();
                }

                worker.Signal.Set();
            }

            for (int i = 0; i < _workers.Length; i++)
            {
                _workers[i].Thread.Join();
            }
        }

        private bool Stopping
        {
            get
            {
                lock (_lock)
                {
                    return _stopping;
                }
            }
        }

        private void AcceptLoop()
        {
            while (!Stopping)
            {
                IConnection connection;
                ReasonCode reason;
                try
                {
                    if (!_source.TryAccept(_options.AcceptPollMilliseconds, out connection, out reason))
                    {
                        if (reason == ReasonCode.Closed)
                        {
                            return;
                        }

                        if (reason == ReasonCode.SocketError)
                        {
                            // The platform failed without waiting: do not spin on it. Other refusals
                            // (ConnectionLimit, AcceptRateLimited) were a connection the listener already
                            // turned away; the next one may be fine, so accept again at once.
                            Thread.Sleep(_options.AcceptPollMilliseconds);
                        }

                        continue;
                    }
                }
                catch (Exception)
                {
                    Thread.Sleep(_options.AcceptPollMilliseconds);
                    continue;
                }

                if (connection == null)
                {
                    continue;
                }

                Interlocked.Increment(ref _accepted);
                if (Stopping)
                {
                    connection.Close();
                    return;
                }

                Dispatch(connection);
            }
        }

        // Hands the connection to a free worker, else to the worker of a head older than EvictHeadAfterMilliseconds
        // (evicted). Failing both, waits up to one accept poll for a worker to come free: the guard admits a newcomer at
        // its cap by displacing an unserved connection, whose worker is then about to finish. Then 503.
        private void Dispatch(IConnection connection)
        {
            if (TryHandOff(connection) || TryEvict(connection))
            {
                return;
            }

            long waitUntil = _clock.NowTicks + _options.AcceptPollMilliseconds * TicksPerMillisecond;
            while (!TryHandOff(connection))
            {
                long left = (waitUntil - _clock.NowTicks) / TicksPerMillisecond;
                if (left <= 0 || Stopping)
                {
                    Refuse(connection);
                    return;
                }

                _workerFreed.WaitOne((int)left, false);
            }
        }

        private bool TryHandOff(IConnection connection)
        {
            lock (_lock)
            {
                for (int i = 0; i < _workers.Length; i++)
                {
                    Worker worker = _workers[i];
                    if (!worker.Busy && worker.Pending == null)
                    {
                        worker.Pending = connection;
                        worker.Busy = true;
                        worker.Signal.Set();
                        return true;
                    }
                }

                return false;
            }
        }

        // Drops the oldest head older than EvictHeadAfterMilliseconds and queues the newcomer on its worker.
        private bool TryEvict(IConnection connection)
        {
            Worker evict = null;
            HttpConnectionProcessor evictProcessor = null;
            long evictStarted = 0;
            lock (_lock)
            {
                if (_options.EvictHeadAfterMilliseconds > 0)
                {
                    long now = _clock.NowTicks;
                    long oldest = now - _options.EvictHeadAfterMilliseconds * TicksPerMillisecond;
                    for (int i = 0; i < _workers.Length; i++)
                    {
                        Worker worker = _workers[i];
                        if (worker.Pending != null || worker.Processor == null || worker.Processor.Phase != HttpConnectionProcessor.PhaseHead)
                        {
                            continue;
                        }

                        long started = worker.Processor.PhaseStartedTicks;
                        if (started <= oldest)
                        {
                            oldest = started;
                            evictStarted = started;
                            evict = worker;
                        }
                    }

                    if (evict != null)
                    {
                        // Busy with a pending newcomer from here on, so its processor stays.
                        evict.Pending = connection;
                        evictProcessor = evict.Processor;
                    }
                }
            }

            if (evict == null)
            {
                return false;
            }

            // If the slow request completed meanwhile, the newcomer simply waits in the slot.
            if (evictProcessor.AbortHead(evictStarted))
            {
                Interlocked.Increment(ref _evicted);
            }

            return true;
        }

        // Refuse on a path that just ran out of heap: the send may fail the same way, and the worker must live on.
        private void RefuseWithoutBuffers(IConnection connection)
        {
            try
            {
                Refuse(connection);
            }
            catch (OutOfMemoryException)
            {
                // The 503 could not be sent either; Refuse's finally closed the connection.
            }
        }

        private void Refuse(IConnection connection)
        {
            Interlocked.Increment(ref _busy);
            try
            {
                connection.Send(_busyResponse, 0, _busyResponse.Length);
            }
            finally
            {
                connection.Close();
            }
        }

        // How long an idle worker waits for a connection (Timeout.Infinite while it holds no buffers); a worker that has
        // had none for IdleReleaseMilliseconds lets its buffers go and gets 0, to look again.
        private int IdleWaitMilliseconds(Worker worker)
        {
            int idle = _options.IdleReleaseMilliseconds;
            if (idle == 0 || worker.Processor == null)
            {
                return Timeout.Infinite;
            }

            // Idle time on the server's clock; the wait covers only what is left of it.
            long idleFor = (_clock.NowTicks - worker.LastUsedTicks) / TicksPerMillisecond;
            if (idleFor < 0)
            {
                idleFor = 0; // a clock behind the last use (a test clock set back) waits the whole idle time
            }

            if (idleFor < idle)
            {
                return (int)(idle - idleFor);
            }

            lock (_lock)
            {
                if (worker.Pending == null && !worker.Busy)
                {
                    worker.Processor = null;
                }
            }

            return 0;
        }

        // One worker: its thread, its processor and buffers, and a one-connection hand-off slot.
        private sealed class Worker
        {
            private readonly HttpServer _server;

            internal Worker(HttpServer server)
            {
                _server = server;
                Signal = new AutoResetEvent(false);
                Thread = new Thread(Run);
            }

            // Null until the first connection and after an idle release; set under the server's lock, by the worker.
            internal HttpConnectionProcessor Processor { get; set; }

            // When the worker last finished a connection (the server's clock); read and written by the worker only.
            internal long LastUsedTicks { get; set; }

            internal AutoResetEvent Signal { get; }

            internal Thread Thread { get; }

            // Guarded by the server's lock.
            internal IConnection Pending { get; set; }

            // Guarded by the server's lock: true from hand-off until the worker finds no pending connection.
            internal bool Busy { get; set; }

            // The thread's entry: the serving loop itself, so that a waiting worker holds two interpreter frames (this
            // and the wait), each about 400 bytes of heap on nanoCLR.
            private void Run()
            {
                HttpServer server = _server;
                while (true)
                {
                    IConnection connection = null;
                    bool stopping;
                    lock (server._lock)
                    {
                        stopping = server._stopping;
                        if (Pending != null)
                        {
                            connection = Pending;
                            Pending = null;
                        }
                        else
                        {
                            Busy = false;
                        }
                    }

                    if (connection == null)
                    {
                        server._workerFreed.Set();
                        if (stopping)
                        {
                            return;
                        }

                        int wait = server.IdleWaitMilliseconds(this);
                        if (wait != 0)
                        {
                            Signal.WaitOne(wait, false);
                        }

                        continue;
                    }

                    if (stopping)
                    {
                        connection.Close();
                        continue;
                    }

                    HttpConnectionProcessor processor = Processor;
                    if (processor == null)
                    {
                        try
                        {
                            processor = new HttpConnectionProcessor(server._router, server._clock, server._options);
                        }
                        catch (OutOfMemoryException)
                        {
                            // No heap for this worker's buffers now: the client is told to come back, as when all are busy.
                            server.RefuseWithoutBuffers(connection);
                            continue;
                        }

                        lock (server._lock)
                        {
                            Processor = processor;
                            stopping = server._stopping;
                        }

                        if (stopping)
                        {
                            // Stop looked before this processor existed, so it could not abort it: close here.
                            connection.Close();
                            continue;
                        }
                    }

                    processor.Process(connection);
                    LastUsedTicks = server._clock.NowTicks;
                }
            }
        }
    }
}
