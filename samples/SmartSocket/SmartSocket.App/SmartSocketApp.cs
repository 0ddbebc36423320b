using System;
using NetGuard.Diagnostics;
using NetGuard.Http;

namespace NetGuard.Samples.SmartSocket
{
    /// <summary>
    /// The smart socket's application, the same on the device and in the host simulation: the relay (state kept
    /// across restarts), the push button (a short press toggles the relay, a 10 s press is the physical factory
    /// reset), the status LED (blinks while setup is required) and the routes <c>GET /api/relay</c> and
    /// <c>PUT /api/relay</c> <c>{"on":true}</c>, both behind the admin API's setup and session gate. Everything
    /// network-facing goes through the <see cref="AdminDevice"/> it is attached to. Thread-safe: board events,
    /// ticks and HTTP handlers are serialised by one lock.
    /// </summary>
    public sealed class SmartSocketApp : IRouteHandler, IUserDataEraser
    {
        /// <summary>Hold time of the factory-reset press: 10 s, in 100 ns ticks (hardware/pins.md).</summary>
        public const long LongPressTicks = 10 * TimeSpan.TicksPerSecond;

        /// <summary>Presses shorter than this are contact bounce: 30 ms, in 100 ns ticks.</summary>
        public const long DebounceTicks = 30 * TimeSpan.TicksPerMillisecond;

        /// <summary>The relay route's path.</summary>
        public const string RelayPath = "/api/relay";

        private readonly object _gate = new object();
        private readonly AdminDevice _device;
        private readonly IRelayBoard _board;
        private readonly RelayController _relay;
        private readonly LongPressDetector _button = new LongPressDetector(LongPressTicks, DebounceTicks);
        private bool _ledKnown;
        private bool _ledLit;

        /// <summary>
        /// Attaches the socket to <paramref name="device"/> (before it starts): restores the relay, registers the
        /// relay routes, the relay state as user data, the button and the LED tick. Throws
        /// <see cref="ArgumentNullException"/> naming a null argument.
        /// </summary>
        /// <param name="device">The shared composition (guard, account, admin API, updates).</param>
        /// <param name="board">The relay, button and LED.</param>
        public SmartSocketApp(AdminDevice device, IRelayBoard board)
        {
            ArgumentNullException.ThrowIfNull(device, nameof(device));
            ArgumentNullException.ThrowIfNull(board, nameof(board));

            _device = device;
            _board = board;
            _relay = new RelayController(board, device.Store);
            device.Api.MapAuthenticated(HttpMethod.Get, RelayPath, this);
            device.Api.MapAuthenticated(HttpMethod.Put, RelayPath, this);
            device.Api.AddUserData(this);
            device.AddTicker(new TickHandler(Tick));
            board.ButtonChanged += new ButtonChangedHandler(OnButton);
        }

        /// <summary>True when the relay is closed.</summary>
        public bool RelayOn
        {
            get { return _relay.IsOn; }
        }

        /// <summary>Switches the relay (as the API does) and saves the state.</summary>
        /// <param name="on">True to close the relay.</param>
        /// <returns>Accepted, or StorageWriteFailed (the relay switched but the state will not survive a restart).</returns>
        public Decision SetRelay(bool on)
        {
            lock (_gate)
            {
                Decision decision = _relay.Set(on);
                UpdateLed(_device.Clock.NowTicks);
                return decision;
            }
        }

        /// <summary>Answers the relay routes; the admin API has already checked setup and the session.</summary>
        /// <param name="request">GET, or PUT with <c>{"on":true|false}</c>.</param>
        /// <param name="response">200 <c>{"on":...}</c>, or a refusal.</param>
        public void Handle(HttpRequest request, HttpResponse response)
        {
            if (request.Method == HttpMethod.Put)
            {
                JsonObject body;
                ReasonCode parsed = request.TryReadJson(out body);
                if (parsed != ReasonCode.Accepted)
                {
                    response.SendReason(parsed);
                    return;
                }

                bool on;
                if (!body.TryGetBoolean("on", out on))
                {
                    response.SendReason(ReasonCode.Malformed);
                    return;
                }

                Decision saved = SetRelay(on);
                if (!saved.IsAccepted)
                {
                    response.SendDecision(saved);
                    return;
                }
            }

            JsonWriter json = response.Json;
            json.BeginObject();
            json.WriteBoolean("on", _relay.IsOn);
            json.EndObject();
            response.SendJson(200);
        }

        /// <summary>The firmware's self-test while an update runs on trial: the relay and its saved state (see <see cref="RelayController.CheckBoard"/>).</summary>
        /// <returns>True when healthy.</returns>
        public bool SelfTest()
        {
            return _relay.CheckBoard();
        }

        /// <summary>Factory reset of the socket's own data: forgets the relay state and opens the relay.</summary>
        /// <returns>Accepted, or StorageWriteFailed.</returns>
        public Decision EraseUserData()
        {
            lock (_gate)
            {
                return _relay.Reset();
            }
        }

        /// <summary>The tick: fires the long press while the button is still held, and drives the LED.</summary>
        /// <param name="nowTicks">The monotonic time.</param>
        public void Tick(long nowTicks)
        {
            ButtonGesture gesture;
            lock (_gate)
            {
                gesture = _button.Poll(nowTicks);
                UpdateLed(nowTicks);
            }

            Act(gesture);
        }

        private void OnButton(bool pressed)
        {
            ButtonGesture gesture;
            lock (_gate)
            {
                gesture = _button.OnEdge(pressed, _device.Clock.NowTicks);
            }

            Act(gesture);
        }

        private void Act(ButtonGesture gesture)
        {
            if (gesture == ButtonGesture.ShortPress)
            {
                lock (_gate)
                {
                    _relay.Toggle();
                    UpdateLed(_device.Clock.NowTicks);
                }
            }
            else if (gesture == ButtonGesture.LongPress)
            {
                // Outside the app lock: the reset calls back into EraseUserData.
                _device.FactoryReset();
            }
        }

        private void UpdateLed(long nowTicks)
        {
            bool lit = StatusLed.IsLit(_device.Account.IsSetupRequired, _relay.IsOn, nowTicks);
            if (!_ledKnown || lit != _ledLit)
            {
                _ledKnown = true;
                _ledLit = lit;
                _board.SetLed(lit);
            }
        }
    }
}
