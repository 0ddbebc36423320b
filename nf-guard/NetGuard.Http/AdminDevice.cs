using System;
using System.Collections;
using System.Threading;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;
using NetGuard.Policy;
using NetGuard.RateLimiting;
using NetGuard.Storage;
using NetGuard.Updates;

namespace NetGuard.Http
{
    /// <summary>
    /// The composition every NetGuard product shares, device and host alike: guard policy (one declared TCP
    /// listener for the admin port; egress to the DNS resolver, the NTP servers and the update check, nothing
    /// else), network guard, record store, owner account, trusted time, update controller and checker, and the
    /// admin API and server on the guarded listener. A product builds one from <see cref="AdminDeviceOptions"/>
    /// and the platform pieces, adds its routes (<see cref="AdminApi.MapAuthenticated"/>), user data
    /// (<see cref="AdminApi.AddUserData"/>) and tick handlers, settles its update state (<see cref="BootUpdate"/>),
    /// then calls <see cref="Start"/> and, while an update runs on trial, <see cref="CheckTrial"/>. Nothing here opens
    /// a socket except through the guard. Thread-safe after <see cref="Start"/>.
    /// </summary>
    public sealed class AdminDevice
    {
        /// <summary>Name of the admin listener in the guard policy (and the MUD file).</summary>
        public const string AdminListenerName = "admin-http";

        /// <summary>How long one update-check DNS query waits for its answer, in milliseconds.</summary>
        public const int DnsTimeoutMilliseconds = 3000;

        private const int AcceptPollMilliseconds = 250;
        private const int CheckPollMilliseconds = 1000;

        private readonly object _gate = new object();
        private readonly AdminDeviceOptions _options;
        private readonly IMonotonicClock _clock;
        private readonly IEntropySource _entropy;
        private readonly GuardPolicy _policy;
        private readonly NetworkGuard _guard;
        private readonly SlotRecordStore _store;
        private readonly OwnerAccount _account;
        private readonly TrustedTime _time;
        private readonly UpdateController _updates;
        private readonly AdminApi _api;
        private readonly HttpServerOptions _httpOptions;
        private readonly ArrayList _tickers = new ArrayList();
        private HttpServer _server;
        private UpdateChecker _checker;
        private Thread _tickThread;
        private Thread _checkThread;
        private bool _started;
        private bool _stopping;
        private bool _trialArmed;
        private long _trialConfirmAt;

        /// <summary>
        /// Builds the device's parts from <paramref name="options"/> (validated and used as given; do not change it
        /// afterwards). Opens no socket yet: that is <see cref="Start"/>. Throws <see cref="ArgumentNullException"/>
        /// naming a null argument, and what <see cref="AdminDeviceOptions.Validate"/> and the parts' constructors
        /// throw for bad settings (a model that is not a model name, a key that is not 32 bytes, ...).
        /// </summary>
        /// <param name="options">What the product declares.</param>
        /// <param name="files">Where records live (the I: drive on the device, a data directory on the host).</param>
        /// <param name="staging">Where update images are staged.</param>
        /// <param name="installer">Makes a confirmed image the running one.</param>
        /// <param name="clock">The monotonic clock.</param>
        /// <param name="entropy">Random bytes (salts, tokens, setup code, DNS ids, check jitter).</param>
        /// <param name="guardFactory">Makes the platform's guard for the policy.</param>
        public AdminDevice(AdminDeviceOptions options, IFileSystem files, IStagingArea staging, IImageInstaller installer, IMonotonicClock clock, IEntropySource entropy, NetworkGuardFactory guardFactory)
        {
            ArgumentNullException.ThrowIfNull(options, nameof(options));
            ArgumentNullException.ThrowIfNull(files, nameof(files));
            ArgumentNullException.ThrowIfNull(staging, nameof(staging));
            ArgumentNullException.ThrowIfNull(installer, nameof(installer));
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));
            ArgumentNullException.ThrowIfNull(entropy, nameof(entropy));
            ArgumentNullException.ThrowIfNull(guardFactory, nameof(guardFactory));

            options.Validate();
            _options = options;
            _clock = clock;
            _entropy = entropy;
            _policy = BuildPolicy(options);
            _store = new SlotRecordStore(files, options.MaxRecordLength);
            OwnerAccountPolicy accountPolicy = options.AccountPolicy;
            if (accountPolicy == null)
            {
                // PBKDF2 cost tuned to this hardware once (about 300 ms a hash) and kept, so a slow interpreter
                // still answers logins and a fast host still makes guessing expensive (NIST SP 800-63B 5.1.1.2).
                int iterations = PasswordHashCalibration.LoadOrCalibrate(_store, clock, PasswordHashCalibration.DefaultTargetTicks, 1000, OwnerAccountPolicy.DefaultIterations, options.PasswordHmac);
                accountPolicy = OwnerAccountPolicy.CreateDefault().WithIterations(iterations);
            }

            _account = new OwnerAccount(_store, entropy, new DeviceIdentity(options.Model, options.Vendor, options.DeviceSecret), accountPolicy, options.PasswordHmac);
            _time = new TrustedTime(clock, _store);
            UpdateSettings settings = new UpdateSettings(options.Model, options.FirmwareVersion, options.SecurityCounter, options.MaxImageLength, UpdateSettings.DefaultClockSkewSeconds);
            _updates = new UpdateController(settings, new TrustedKeyRing(0, options.TrustedKeys, new byte[0][]), _store, staging, installer, _time);
            _guard = guardFactory(_policy);
            if (_guard == null)
            {
                throw new ArgumentNullException(nameof(guardFactory), "The guard factory returned null.");
            }

            _api = new AdminApi(_account, _updates, _guard, clock);
            _httpOptions = AdminHttpOptions(options.MaxAdminConnections);
        }

        /// <summary>The guard policy in force (listeners and egress classes), for the declaration or MUD file.</summary>
        public GuardPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>The network guard: the only way this firmware reaches the network.</summary>
        public NetworkGuard Guard
        {
            get { return _guard; }
        }

        /// <summary>The persistent record store (the sample keeps its own state here too).</summary>
        public IRecordStore Store
        {
            get { return _store; }
        }

        /// <summary>The owner account.</summary>
        public OwnerAccount Account
        {
            get { return _account; }
        }

        /// <summary>Trusted time for expiry checks; the platform reports a set wall clock with <see cref="TrustedTime.SetWallClock"/>.</summary>
        public TrustedTime Time
        {
            get { return _time; }
        }

        /// <summary>The update controller (running version, security counter, staged update).</summary>
        public UpdateController Updates
        {
            get { return _updates; }
        }

        /// <summary>The admin API: add the product's routes and user data here before <see cref="Start"/>.</summary>
        public AdminApi Api
        {
            get { return _api; }
        }

        /// <summary>The update checker once started with a resolver and update domain; null otherwise.</summary>
        public UpdateChecker Checker
        {
            get
            {
                lock (_gate)
                {
                    return _checker;
                }
            }
        }

        /// <summary>The monotonic clock.</summary>
        public IMonotonicClock Clock
        {
            get { return _clock; }
        }

        /// <summary>True when update checks are configured (an update domain is set).</summary>
        public bool UpdateChecksEnabled
        {
            get { return _options.UpdateDomain != null && _options.UpdateDomain.Length > 0; }
        }

        /// <summary>The setup code in printed form, for the serial console and the label stand-in; never serve it.</summary>
        /// <returns>The formatted setup code.</returns>
        public string ReadSetupCodeForLabel()
        {
            return _account.ReadSetupCodeForLabel();
        }

        /// <summary>
        /// Adds <paramref name="handler"/> to the tick thread (about every <see cref="AdminDeviceOptions.TickMilliseconds"/>).
        /// Throws <see cref="ArgumentNullException"/> for null and <see cref="InvalidOperationException"/> after <see cref="Start"/>.
        /// </summary>
        /// <param name="handler">Called with the monotonic time.</param>
        public void AddTicker(TickHandler handler)
        {
            ArgumentNullException.ThrowIfNull(handler, nameof(handler));

            lock (_gate)
            {
                if (_started)
                {
                    throw new InvalidOperationException("Tick handlers are added before Start.");
                }

                _tickers.Add(handler);
            }
        }

        /// <summary>
        /// Boot step, before <see cref="Start"/>: <see cref="UpdateController.Boot"/> (rolls back an update whose trial
        /// never confirmed itself, starts a staged one on trial, re-verifies the image to run). Returns its decision;
        /// InvalidState after <see cref="Start"/>.
        /// </summary>
        /// <returns>The decision.</returns>
        public Decision BootUpdate()
        {
            lock (_gate)
            {
                if (_started)
                {
                    return Decision.Refuse(ReasonCode.InvalidState);
                }
            }

            return _updates.Boot();
        }

        /// <summary>
        /// After <see cref="Start"/>, while an update runs on trial: runs the firmware's <paramref name="selfTest"/> (the
        /// admin listener is already open; an exception counts as a failure). A failure rolls the update back at once
        /// and returns SelfTestFailed: the caller restarts to run the previous image. A pass arms the confirmation: after
        /// <see cref="AdminDeviceOptions.TrialSettleSeconds"/>, and once the update resolver has answered when update
        /// checks are configured, the tick thread confirms the update (the security counter rises) or rolls it back
        /// when the resolver did not answer, and tells <see cref="AdminDeviceOptions.TrialEnded"/>. NothingStaged when
        /// no update is on trial; InvalidState before <see cref="Start"/> or when already armed.
        /// </summary>
        /// <param name="selfTest">The firmware's health check (board, peripherals).</param>
        /// <returns>The decision.</returns>
        public Decision CheckTrial(SelfTest selfTest)
        {
            ArgumentNullException.ThrowIfNull(selfTest, nameof(selfTest));

            lock (_gate)
            {
                if (!_started || _trialArmed)
                {
                    return Decision.Refuse(ReasonCode.InvalidState);
                }
            }

            if (!_updates.IsOnTrial)
            {
                return Decision.Refuse(ReasonCode.NothingStaged);
            }

            bool passed;
            try
            {
                passed = selfTest();
            }
            catch (Exception)
            {
                // A self-test that throws has failed: that is its answer, not an error to hide.
                passed = false;
            }

            if (!passed)
            {
                Decision failed = _updates.FailTrial(ReasonCode.SelfTestFailed);
                return failed.IsAccepted ? Decision.Refuse(ReasonCode.SelfTestFailed) : failed;
            }

            lock (_gate)
            {
                _trialConfirmAt = _clock.NowTicks + (_options.TrialSettleSeconds * TimeSpan.TicksPerSecond);
                _trialArmed = true;
            }

            return Decision.Accept();
        }

        /// <summary>
        /// Opens the admin listener through the guard and starts the server, the tick thread and, when configured,
        /// the update checker (first check at once, then about 4 a day). Returns the guard's refusal when the
        /// listener cannot open (BindFailed, ...), and InvalidState when already started. Throws
        /// <see cref="InvalidOperationException"/> when <see cref="AdminDeviceOptions.ConnectionSourceWrapper"/> returns null.
        /// </summary>
        /// <returns>The decision.</returns>
        public Decision Start()
        {
            lock (_gate)
            {
                if (_started)
                {
                    return Decision.Refuse(ReasonCode.InvalidState);
                }

                GuardedListener listener;
                Decision listening = _guard.ListenTcp(_options.AdminPort, out listener);
                if (!listening.IsAccepted)
                {
                    return listening;
                }

                IConnectionSource source = new GuardedListenerSource(listener);
                if (_options.ConnectionSourceWrapper != null)
                {
                    source = _options.ConnectionSourceWrapper(source);
                    if (source == null)
                    {
                        // Never fall back to plain HTTP silently when HTTPS was asked for.
                        listener.Close();
                        throw new InvalidOperationException("The connection source wrapper returned null.");
                    }
                }

                _server = new HttpServer(source, _api.Router, _clock, _httpOptions);
                _api.Server = _server;
                _server.Start();
                if (UpdateChecksEnabled)
                {
                    GuardedDatagramChannel channel;
                    if (_guard.OpenUdp(0, out channel).IsAccepted)
                    {
                        DnsTxtClient dns = new DnsTxtClient(channel, _entropy, _clock, _options.DnsResolver, _options.DnsPort, DnsTimeoutMilliseconds);
                        _checker = new UpdateChecker(_updates, dns, _options.UpdateDomain, _entropy, _clock);
                        _api.Checker = _checker;
                        _checkThread = new Thread(CheckLoop);
                        _checkThread.Start();
                    }
                }

                _tickThread = new Thread(TickLoop);
                _tickThread.Start();
                _started = true;
                return Decision.Accept();
            }
        }

        /// <summary>
        /// Stops the server and threads and closes every socket through the guard. Records are written as each
        /// change happens, so stopping loses nothing. Safe to call more than once.
        /// </summary>
        public void Stop()
        {
            Thread tick;
            Thread check;
            HttpServer server;
            lock (_gate)
            {
                _stopping = true;
                tick = _tickThread;
                check = _checkThread;
                server = _server;
            }

            if (server != null)
            {
                server.Stop();
            }

            _guard.Close();
            if (tick != null)
            {
                tick.Join();
            }

            if (check != null)
            {
                check.Join();
            }
        }

        /// <summary>Factory reset by the physical button: see <see cref="AdminApi.FactoryReset"/>.</summary>
        /// <returns>The decision.</returns>
        public Decision FactoryReset()
        {
            return _api.FactoryReset(_clock.NowTicks);
        }

        private bool Stopping
        {
            get
            {
                lock (_gate)
                {
                    return _stopping;
                }
            }
        }

        private static GuardPolicy BuildPolicy(AdminDeviceOptions options)
        {
            EgressPolicyBuilder builder = new EgressPolicyBuilder(options.NtpServers, options.DnsResolver);
            if (options.DnsPort != EgressDefaults.DnsPort)
            {
                // A resolver on another port (a local forwarder, the host simulation's test resolver): the same
                // limits as the defaults, only the port differs.
                builder.ReplaceClass(EgressDefaults.Dns(options.DnsResolver, options.DnsPort));
                builder.SetUpdateCheck(EgressDefaults.UpdateCheck(options.DnsResolver, options.DnsPort));
            }

            if (options.UpdateDomain == null || options.UpdateDomain.Length == 0)
            {
                // Update checks off: their egress class goes too (ETSI EN 303 645 5.6-1, unused interfaces off).
                builder.DisableUpdateCheck();
            }

            EgressPolicy egress = builder.Build();

            // Accepts: a burst of 64, then 32 a second, one address at most half of that (the guard's per-source share):
            // a browser loading the page and its API calls, or a local hub scripting the API, fit; a scanner's 160
            // connection attempts a second (Mirai) do not, and one flooding host leaves the other half to the owner.
            return new GuardPolicyBuilder(egress)
                .AddTcpListener(AdminListenerName, options.AdminPort, options.MaxAdminConnections, RateLimit.PerSeconds(64, 32, 1))
                .Build();
        }

        // The server's limits for the admin API, bounded by its routes rather than general HTTP: paths are short, no
        // browser sends 2 KB of headers to a device page, the largest JSON body (a password change: two passwords of
        // at most 128 code points, sent as UTF-8) fits 2 KB, and the largest JSON answer (GET /api/guard: 10 refusals of
        // at most 150 bytes, a counter for each of some 20 reasons and 20 rows, 60 minutes of history) about 3.5 KB
        // under a varied attack, so 4 KB, the largest single allocation on a request path, held only while written.
        private static HttpServerOptions AdminHttpOptions(int workers)
        {
            HttpServerOptions options = new HttpServerOptions();
            options.MaxConnections = workers;
            options.MaxRequestLineBytes = 256;
            options.MaxHeaderBytes = 2048;
            options.BufferedBodyBytes = 2048;
            options.MaxJsonResponseBytes = 4096;
            return options;
        }

        private void TickLoop()
        {
            while (!Stopping)
            {
                object[] handlers;
                lock (_gate)
                {
                    handlers = _tickers.ToArray();
                }

                long now = _clock.NowTicks;
                TrialTick(now);
                for (int i = 0; i < handlers.Length; i++)
                {
                    try
                    {
                        ((TickHandler)handlers[i])(now);
                    }
                    catch (Exception)
                    {
                        // A faulty tick handler must not stop the others (the button's factory reset among them).
                    }
                }

                Thread.Sleep(_options.TickMilliseconds);
            }
        }

        // Confirms an armed trial once its settle time is over and, with update checks configured, the resolver has
        // answered a check (a check that reached nobody rolls the update back: a firmware that cannot hear about its
        // next fix is not healthy). Then tells the firmware.
        private void TrialTick(long now)
        {
            lock (_gate)
            {
                if (!_trialArmed || now < _trialConfirmAt)
                {
                    return;
                }
            }

            Decision ended;
            if (UpdateChecksEnabled)
            {
                UpdateChecker checker = Checker;
                if (checker != null && !checker.ResolverReached && checker.ChecksRun == 0)
                {
                    // The first check (at start) has not finished yet: wait for it.
                    return;
                }

                if (checker == null || !checker.ResolverReached)
                {
                    ended = _updates.FailTrial(ReasonCode.SelfTestFailed);
                    Disarm();
                    Report(ended.IsAccepted ? InstallOutcome.RolledBack : InstallOutcome.Trial, ended.IsAccepted ? ReasonCode.SelfTestFailed : ended.Reason);
                    return;
                }
            }

            ended = _updates.ConfirmTrial();
            Disarm();
            Report(ended.IsAccepted ? InstallOutcome.Confirmed : InstallOutcome.Trial, ended.Reason);
        }

        private void Disarm()
        {
            lock (_gate)
            {
                _trialArmed = false;
            }
        }

        private void Report(InstallOutcome outcome, ReasonCode reason)
        {
            TrialEndedHandler handler = _options.TrialEnded;
            if (handler == null)
            {
                return;
            }

            try
            {
                handler(outcome, reason);
            }
            catch (Exception)
            {
                // The outcome is already recorded; a faulty listener must not stop the tick thread.
            }
        }

        private void CheckLoop()
        {
            // Poll only runs a check when one is due (first at once, then 6 h + jitter), so the loop itself costs no
            // traffic; the guard's update-check budget (4/day, burst 2) backs the schedule up.
            int waited = CheckPollMilliseconds;
            while (!Stopping)
            {
                if (waited >= CheckPollMilliseconds)
                {
                    waited = 0;
                    try
                    {
                        _checker.Poll();
                    }
                    catch (Exception)
                    {
                        // Hostile DNS answers are refusals, not exceptions; this only guards the thread.
                    }
                }

                Thread.Sleep(AcceptPollMilliseconds);
                waited += AcceptPollMilliseconds;
            }
        }
    }
}
