using System;
using System.Collections;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;
using NetGuard.RateLimiting;
using NetGuard.Updates;

namespace NetGuard.Http
{
    /// <summary>
    /// The admin HTTP API of design.md section 4 on a <see cref="HttpRouter"/>: the admin page, status, setup,
    /// login, password change, guard counters, update upload and status, factory reset, plus the routes a sample
    /// adds with <see cref="MapAuthenticated"/>. Every route but the page, status and setup answers 403
    /// SetupRequired until the owner has set a password with the setup code (ETSI EN 303 645 5.1-1/5.1-2), and
    /// after that needs <c>Authorization: Bearer &lt;token&gt;</c> from <c>/api/login</c> (401 otherwise,
    /// 5.5-5). The gate runs before the body is looked at, so an unauthenticated client learns nothing from how
    /// its body is judged. Refusals carry <c>{"reason":"&lt;ReasonCode name&gt;"}</c> with the status of
    /// <see cref="HttpStatus.ForReason"/>. Update packages stream through <see cref="UpdateReceiver"/> in 1 KiB
    /// pieces and are never buffered whole. Thread-safe: handlers run on the server's worker threads.
    /// </summary>
    public sealed class AdminApi
    {
        /// <summary>Bytes read from an update upload per step (one buffer, shared by serialised uploads).</summary>
        public const int UploadChunkBytes = 1024;

        /// <summary>How many recent refusals <c>GET /api/guard</c> lists, newest last.</summary>
        public const int MaxListedRefusals = 10;


        private readonly OwnerAccount _account;
        private readonly UpdateController _updates;
        private readonly NetworkGuard _guard;
        private readonly IMonotonicClock _clock;
        private readonly HttpRouter _router = new HttpRouter();
        private readonly ArrayList _erasers = new ArrayList();
        private readonly object _uploadGate = new object();
        private readonly object _resetGate = new object();
        private readonly object _gate = new object();
        private readonly byte[] _uploadBuffer = new byte[UploadChunkBytes];
        private UpdateChecker _checker;
        private HttpServer _server;

        /// <summary>
        /// Creates the API and registers the built-in routes on <see cref="Router"/>. Throws
        /// <see cref="ArgumentNullException"/> naming a null argument.
        /// </summary>
        /// <param name="account">The owner credential and sessions.</param>
        /// <param name="updates">The update state (model, running version, staging).</param>
        /// <param name="guard">The network guard whose counters <c>/api/guard</c> reports.</param>
        /// <param name="clock">The monotonic clock for sessions and throttling.</param>
        public AdminApi(OwnerAccount account, UpdateController updates, NetworkGuard guard, IMonotonicClock clock)
        {
            ArgumentNullException.ThrowIfNull(account, nameof(account));
            ArgumentNullException.ThrowIfNull(updates, nameof(updates));
            ArgumentNullException.ThrowIfNull(guard, nameof(guard));
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));

            _account = account;
            _updates = updates;
            _guard = guard;
            _clock = clock;
            _router.Map(HttpMethod.Get, "/", new AdminPageHandler());
            _router.Map(HttpMethod.Get, "/api/status", new BuiltIn(new RouteAction(Status)));
            _router.Map(HttpMethod.Post, "/api/setup", new BuiltIn(new RouteAction(Setup)));
            _router.Map(HttpMethod.Post, "/api/login", new BuiltIn(new RouteAction(Login)));
            _router.Map(HttpMethod.Post, "/api/password", new BuiltIn(new RouteAction(ChangePassword)));
            _router.Map(HttpMethod.Get, "/api/guard", new BuiltIn(new RouteAction(Guard)));
            _router.MapStreaming(HttpMethod.Post, "/api/update", new BuiltIn(new RouteAction(ReceiveUpdate)), MaxPackageBytes(updates.Settings.MaxImageLength), 0);
            _router.Map(HttpMethod.Get, "/api/update", new BuiltIn(new RouteAction(UpdateStatus)));
            _router.Map(HttpMethod.Post, "/api/factory-reset", new BuiltIn(new RouteAction(Reset)));
        }

        /// <summary>The route table: hand it to <see cref="HttpServer"/> after adding the sample's routes.</summary>
        public HttpRouter Router
        {
            get { return _router; }
        }

        /// <summary>The owner account the API checks.</summary>
        public OwnerAccount Account
        {
            get { return _account; }
        }

        /// <summary>The update checker whose status <c>GET /api/update</c> reports; null while update checks are off.</summary>
        public UpdateChecker Checker
        {
            get
            {
                lock (_gate)
                {
                    return _checker;
                }
            }

            set
            {
                lock (_gate)
                {
                    _checker = value;
                }
            }
        }

        /// <summary>The server whose counters <c>GET /api/guard</c> adds under "http"; null to leave them out.</summary>
        public HttpServer Server
        {
            get
            {
                lock (_gate)
                {
                    return _server;
                }
            }

            set
            {
                lock (_gate)
                {
                    _server = value;
                }
            }
        }

        /// <summary>
        /// Adds a sample route that needs setup done and a valid session, refused exactly like the built-in ones
        /// (403 SetupRequired, then 401 Unauthorized or SessionExpired). The handler runs only for an authenticated
        /// owner; its body is buffered (at most the server's buffered limit). Throws as <see cref="HttpRouter.Map"/>.
        /// </summary>
        /// <param name="method">GET, POST or PUT.</param>
        /// <param name="path">The exact path, for example <c>/api/relay</c>.</param>
        /// <param name="handler">Answers authenticated requests.</param>
        public void MapAuthenticated(HttpMethod method, string path, IRouteHandler handler)
        {
            ArgumentNullException.ThrowIfNull(handler, nameof(handler));

            _router.Map(method, path, new Authenticated(this, handler));
        }

        /// <summary>
        /// Registers <paramref name="eraser"/> to be called on every factory reset, in registration order. Throws
        /// <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="eraser">The part holding user data.</param>
        public void AddUserData(IUserDataEraser eraser)
        {
            ArgumentNullException.ThrowIfNull(eraser, nameof(eraser));

            lock (_resetGate)
            {
                _erasers.Add(eraser);
            }
        }

        /// <summary>
        /// Factory reset by a trusted local actor (the physical button): erases the owner credential and sessions,
        /// every registered part's user data and any staged update; keeps the security counter, trusted keys and
        /// the setup code. Returns the credential erase's decision (StorageWriteFailed leaves the device as it was);
        /// a part that fails to erase does not stop the others.
        /// </summary>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The decision.</returns>
        public Decision FactoryReset(long nowTicks)
        {
            lock (_resetGate)
            {
                Decision erased = _account.FactoryReset(nowTicks);
                if (erased.IsAccepted)
                {
                    EraseOthersLocked();
                }

                return erased;
            }
        }

        /// <summary>The largest update upload accepted for an image limit: header, manifest and signature added.</summary>
        /// <param name="maxImageLength">The image limit in bytes.</param>
        /// <returns>The body limit in bytes.</returns>
        public static long MaxPackageBytes(int maxImageLength)
        {
            return (long)maxImageLength + UpdatePackageFormat.HeaderSize + UpdatePackageFormat.MaxManifestLength + UpdatePackageFormat.SignatureSize;
        }

        // Everything a factory reset erases besides the credential: the sample's state and the staged update.
        private void EraseOthersLocked()
        {
            for (int i = 0; i < _erasers.Count; i++)
            {
                try
                {
                    ((IUserDataEraser)_erasers[i]).EraseUserData();
                }
                catch (Exception)
                {
                    // A faulty part must not keep the others' data: go on with the rest.
                }
            }

            // The staged package goes (it was the owner's choice); the running image and the security counter stay.
            _updates.DiscardStaged();
        }

        // The gate shared by every route that needs an owner session; sends the refusal itself.
        private bool Admit(HttpRequest request, HttpResponse response, out string token)
        {
            token = null;
            if (_account.IsSetupRequired)
            {
                response.SendReason(ReasonCode.SetupRequired);
                return false;
            }

            if (!request.TryGetBearerToken(out token))
            {
                response.SendReason(ReasonCode.Unauthorized);
                return false;
            }

            Decision session = _account.Authorize(token, _clock.NowTicks);
            if (!session.IsAccepted)
            {
                response.SendDecision(session);
                return false;
            }

            return true;
        }

        private static bool ReadJson(HttpRequest request, HttpResponse response, out JsonObject json)
        {
            ReasonCode parsed = request.TryReadJson(out json);
            if (parsed != ReasonCode.Accepted)
            {
                response.SendReason(parsed);
                return false;
            }

            return true;
        }

        private void Status(HttpRequest request, HttpResponse response)
        {
            // Exactly these three members: the status route is public, so it tells nothing secret.
            JsonWriter json = response.Json;
            json.BeginObject();
            json.WriteBoolean("setupRequired", _account.IsSetupRequired);
            json.WriteString("model", _updates.Model);
            json.WriteString("firmwareVersion", _updates.CurrentVersion.ToString());
            json.EndObject();
            response.SendJson(200);
        }

        private void Setup(HttpRequest request, HttpResponse response)
        {
            if (!_account.IsSetupRequired)
            {
                response.SendReason(ReasonCode.SetupAlreadyDone);
                return;
            }

            JsonObject body;
            if (!ReadJson(request, response, out body))
            {
                return;
            }

            string code;
            string password;
            body.TryGetString("setupCode", out code);
            if (!body.TryGetString("newPassword", out password))
            {
                response.SendReason(ReasonCode.Malformed);
                return;
            }

            response.SendDecision(_account.CompleteSetup(code, password, _clock.NowTicks));
        }

        private void Login(HttpRequest request, HttpResponse response)
        {
            if (_account.IsSetupRequired)
            {
                response.SendReason(ReasonCode.SetupRequired);
                return;
            }

            JsonObject body;
            if (!ReadJson(request, response, out body))
            {
                return;
            }

            string password;
            if (!body.TryGetString("password", out password))
            {
                response.SendReason(ReasonCode.Malformed);
                return;
            }

            string token;
            Decision decision = _account.Login(password, _clock.NowTicks, out token);
            if (!decision.IsAccepted)
            {
                response.SendDecision(decision);
                return;
            }

            JsonWriter json = response.Json;
            json.BeginObject();
            json.WriteString("token", token);
            json.EndObject();
            response.SendJson(200);
        }

        private void ChangePassword(HttpRequest request, HttpResponse response)
        {
            string token;
            if (!Admit(request, response, out token))
            {
                return;
            }

            JsonObject body;
            if (!ReadJson(request, response, out body))
            {
                return;
            }

            string current;
            string next;
            if (!body.TryGetString("currentPassword", out current) || !body.TryGetString("newPassword", out next))
            {
                response.SendReason(ReasonCode.Malformed);
                return;
            }

            response.SendDecision(_account.ChangePassword(token, current, next, _clock.NowTicks));
        }

        private void Guard(HttpRequest request, HttpResponse response)
        {
            string token;
            if (!Admit(request, response, out token))
            {
                return;
            }

            GuardSnapshot snapshot = _guard.GetSnapshot();
            long now = _clock.NowTicks;
            JsonWriter json = response.Json;
            json.BeginObject();
            json.WriteName("counters");
            json.BeginObject();
            for (int i = 0; i < snapshot.CounterCount; i++)
            {
                json.WriteNumber(snapshot.GetCounterName(i), snapshot.GetCounterValue(i));
            }

            json.EndObject();
            json.WriteName("recentRefusals");
            json.BeginArray();
            int first = snapshot.RecentCount > MaxListedRefusals ? snapshot.RecentCount - MaxListedRefusals : 0;
            for (int i = first; i < snapshot.RecentCount; i++)
            {
                RefusalEvent refusal = snapshot.GetRecent(i);
                json.BeginObject();
                json.WriteString("reason", ReasonCodeNames.Name(refusal.Reason));
                json.WriteString("source", refusal.Source);
                json.WriteNumber("localPort", refusal.LocalPort);
                json.WriteString("remoteAddress", Ipv4.ToString(refusal.RemoteAddress));
                json.WriteNumber("remotePort", refusal.RemotePort);
                json.WriteNumber("secondsAgo", (now - refusal.TimeTicks) / TimeSpan.TicksPerSecond);
                json.EndObject();
            }

            json.EndArray();
            int[] perMinute = new int[RefusalHistory.Minutes];
            _guard.RefusalHistory.CopyTo(now, perMinute);
            json.WriteName("refusalsPerMinute");
            json.BeginArray();
            for (int i = 0; i < perMinute.Length; i++)
            {
                json.WriteNumber(perMinute[i]);
            }

            json.EndArray();
            HttpServer server = Server;
            if (server != null)
            {
                json.WriteName("http");
                json.BeginObject();
                json.WriteNumber("accepted", server.AcceptedCount);
                json.WriteNumber("busy", server.BusyCount);
                json.WriteNumber("evicted", server.EvictedCount);
                json.EndObject();
            }

            json.WriteNumber("failedLogins", _account.ConsecutiveFailures);
            json.EndObject();
            response.SendJson(200);
        }

        private void ReceiveUpdate(HttpRequest request, HttpResponse response)
        {
            string token;
            if (!Admit(request, response, out token))
            {
                return;
            }

            HttpBodyReader body = request.Body;
            if (body == null)
            {
                response.SendReason(ReasonCode.InvalidState);
                return;
            }

            // One upload at a time: a second owner upload waits rather than invalidating the first.
            lock (_uploadGate)
            {
                UpdateReceiver receiver = _updates.BeginReceive();
                Decision verdict = Decision.Accept();
                while (true)
                {
                    ReasonCode readReason;
                    int read = body.Read(_uploadBuffer, 0, _uploadBuffer.Length, out readReason);
                    if (read == 0)
                    {
                        if (readReason != ReasonCode.Accepted)
                        {
                            receiver.Abort();
                            response.SendReason(readReason);
                            return;
                        }

                        break;
                    }

                    if (verdict.IsAccepted)
                    {
                        verdict = receiver.Append(_uploadBuffer, 0, read);
                    }

                    // After a refusal the rest of the (length-bounded) body is read and dropped, so the client
                    // gets the answer instead of a reset connection.
                }

                if (verdict.IsAccepted)
                {
                    verdict = receiver.Complete();
                }

                if (!verdict.IsAccepted)
                {
                    response.SendDecision(verdict);
                    return;
                }

                UpdateManifest manifest = receiver.Manifest;
                JsonWriter json = response.Json;
                json.BeginObject();
                json.WriteString("reason", ReasonCodeNames.Name(ReasonCode.Accepted));
                json.WriteString("stagedVersion", manifest.Version.ToString());
                json.WriteNumber("securityCounter", manifest.SecurityCounter);
                json.EndObject();
                response.SendJson(200);
            }
        }

        private void UpdateStatus(HttpRequest request, HttpResponse response)
        {
            string token;
            if (!Admit(request, response, out token))
            {
                return;
            }

            UpdateChecker checker = Checker;
            JsonWriter json = response.Json;
            json.BeginObject();
            if (checker == null)
            {
                // Update checks are off (no resolver or update domain): nothing fresh is known.
                json.WriteString("state", "NoFreshAnnouncement");
                json.WriteString("latestVersion", string.Empty);
                json.WriteString("checkedAt", string.Empty);
            }
            else
            {
                UpdateCheckStatus status = checker.GetStatus();
                json.WriteString("state", status.StateName);
                json.WriteString("latestVersion", status.LatestVersion);
                json.WriteString("checkedAt", status.CheckedAt);
            }

            json.WriteNumber("securityCounter", _updates.SecurityCounter);
            InstallOutcome last = _updates.LastInstall;
            json.WriteString("lastInstall", InstallOutcomes.Name(last));
            if (last == InstallOutcome.RolledBack)
            {
                json.WriteString("lastInstallReason", ReasonCodeNames.Name(_updates.LastInstallReason));
            }

            json.EndObject();
            response.SendJson(200);
        }

        private void Reset(HttpRequest request, HttpResponse response)
        {
            string token;
            if (!Admit(request, response, out token))
            {
                return;
            }

            lock (_resetGate)
            {
                Decision erased = _account.FactoryReset(token, _clock.NowTicks);
                if (erased.IsAccepted)
                {
                    EraseOthersLocked();
                }

                response.SendDecision(erased);
            }
        }

        // A built-in route: one of this class's handler methods, bound once at construction.
        private delegate void RouteAction(HttpRequest request, HttpResponse response);

        private sealed class BuiltIn : IRouteHandler
        {
            private readonly RouteAction _action;

            internal BuiltIn(RouteAction action)
            {
                _action = action;
            }

            public void Handle(HttpRequest request, HttpResponse response)
            {
                _action(request, response);
            }
        }

        // A sample's route behind the same gate as the built-in ones.
        private sealed class Authenticated : IRouteHandler
        {
            private readonly AdminApi _owner;
            private readonly IRouteHandler _inner;

            internal Authenticated(AdminApi owner, IRouteHandler inner)
            {
                _owner = owner;
                _inner = inner;
            }

            public void Handle(HttpRequest request, HttpResponse response)
            {
                string token;
                if (_owner.Admit(request, response, out token))
                {
                    _inner.Handle(request, response);
                }
            }
        }
    }
}
