using System;
using NetGuard.Diagnostics;
using NetGuard.Platform;

namespace NetGuard.Updates
{
    /// <summary>
    /// Learns about new firmware without any outbound TCP: looks up the TXT record
    /// <c>_netguard.&lt;model, lower case&gt;.&lt;update domain&gt;</c> through the DNS resolver, verifies the signed
    /// announcement it holds (<see cref="UpdateAnnouncement"/>) and reports <see cref="UpdateCheckStatus"/>. Schedule:
    /// the first <see cref="Poll"/> checks at once, then every 6 hours plus a random 0 to 60 minutes (about 4 a day;
    /// the jitter spreads a fleet's queries and comes from the injected entropy source, so a seeded source gives a
    /// deterministic schedule). A failed check waits for the next slot: the checker never asks more often than this
    /// schedule, so it stays inside the update-check egress budget (4/day, burst 2) that the guard enforces.
    /// Thread-safe.
    /// </summary>
    public sealed class UpdateChecker
    {
        /// <summary>Base interval between checks: 6 hours, in 100 ns ticks.</summary>
        public const long IntervalTicks = 6L * 3600 * TimeSpan.TicksPerSecond;

        /// <summary>Largest random addition to the interval: 1 hour, in 100 ns ticks.</summary>
        public const long JitterTicks = 3600L * TimeSpan.TicksPerSecond;

        // _checkGate serialises checks (network I/O); _gate guards the state, so GetStatus never waits for the network.
        private readonly object _checkGate = new object();
        private readonly object _gate = new object();
        private readonly UpdateController _controller;
        private readonly DnsTxtClient _dns;
        private readonly IEntropySource _entropy;
        private readonly IMonotonicClock _clock;
        private readonly string _queryName;
        private readonly byte[] _jitter = new byte[4];
        private long _nextCheckTicks;
        private UpdateAnnouncement _latest;
        private bool _hasCheckedAt;
        private long _checkedAt;
        private ReasonCode _lastReason = ReasonCode.NoFreshAnnouncement;

        /// <summary>
        /// Creates the checker; the first <see cref="Poll"/> checks immediately. Throws for null dependencies or an
        /// update domain that does not form a valid DNS name with the model.
        /// </summary>
        /// <param name="controller">Gives the model, keys, running version and counter, and trusted time.</param>
        /// <param name="dns">The DNS client bound to the configured resolver.</param>
        /// <param name="updateDomain">The vendor's update domain, e.g. "updates.example.com".</param>
        /// <param name="entropy">Source of the schedule's jitter.</param>
        /// <param name="clock">Monotonic clock for the schedule.</param>
        public UpdateChecker(UpdateController controller, DnsTxtClient dns, string updateDomain, IEntropySource entropy, IMonotonicClock clock)
        {
            ArgumentNullException.ThrowIfNull(controller, nameof(controller));
            ArgumentNullException.ThrowIfNull(dns, nameof(dns));
            ArgumentNullException.ThrowIfNull(updateDomain, nameof(updateDomain));
            ArgumentNullException.ThrowIfNull(entropy, nameof(entropy));
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));

            string name = QueryNameFor(controller.Model, updateDomain);
            if (!DnsTxtMessage.IsValidName(name))
            {
                throw new ArgumentOutOfRangeException(nameof(updateDomain));
            }

            _controller = controller;
            _dns = dns;
            _entropy = entropy;
            _clock = clock;
            _queryName = name;
            _nextCheckTicks = clock.NowTicks;
        }

        /// <summary>The DNS name looked up: "_netguard." + lower-case model + "." + update domain.</summary>
        public string QueryName
        {
            get { return _queryName; }
        }

        /// <summary>When the next check is due, monotonic ticks (the first one: at construction).</summary>
        public long NextCheckTicks
        {
            get
            {
                lock (_gate)
                {
                    return _nextCheckTicks;
                }
            }
        }

        /// <summary>Checks run so far.</summary>
        public int ChecksRun { get; private set; }

        /// <summary>Announcements that verified.</summary>
        public int AnnouncementsAccepted { get; private set; }

        /// <summary>TXT values dropped: unsigned, forged, expired, wrong model, oversized, unknown key, older than the one held.</summary>
        public int AnnouncementsDropped { get; private set; }

        /// <summary>Why the last TXT value was dropped; Accepted when none was.</summary>
        public ReasonCode LastDropReason { get; private set; }

        /// <summary>True once a check got an answer from the resolver (TXT values or "no such name"): it is reachable.</summary>
        public bool ResolverReached { get; private set; }

        /// <summary>The query name for a model and update domain (no validation).</summary>
        /// <param name="model">A valid model name.</param>
        /// <param name="updateDomain">The update domain.</param>
        /// <returns>"_netguard.&lt;model lower case&gt;.&lt;domain&gt;".</returns>
        public static string QueryNameFor(string model, string updateDomain)
        {
            string domain = updateDomain;
            if (domain.EndsWith("."))
            {
                domain = domain.Substring(0, domain.Length - 1);
            }

            return "_netguard." + ModelName.ToLower(model) + "." + domain;
        }

        /// <summary>Runs a check when one is due (see the schedule above); returns true when it ran.</summary>
        /// <returns>Whether a check ran.</returns>
        public bool Poll()
        {
            lock (_checkGate)
            {
                lock (_gate)
                {
                    if (_clock.NowTicks < _nextCheckTicks)
                    {
                        return false;
                    }
                }

                RunCheck();
                return true;
            }
        }

        /// <summary>The current status (freshness is judged against trusted time now).</summary>
        /// <returns>A snapshot.</returns>
        public UpdateCheckStatus GetStatus()
        {
            lock (_gate)
            {
                UpdateCheckState state = UpdateCheckState.NoFreshAnnouncement;
                string latest = string.Empty;
                if (_latest != null)
                {
                    latest = _latest.Version.ToString();
                    long now;
                    bool fresh = _controller.Time.TryGetUnixSeconds(out now) && now < _latest.ExpiresAt;
                    if (fresh)
                    {
                        if (_latest.SecurityCounter > _controller.SecurityCounter)
                        {
                            state = UpdateCheckState.SecurityUpdateRequired;
                        }
                        else if (_latest.Version.CompareTo(_controller.CurrentVersion) > 0)
                        {
                            state = UpdateCheckState.UpdateAvailable;
                        }
                        else
                        {
                            state = UpdateCheckState.UpToDate;
                        }
                    }
                }

                return new UpdateCheckStatus(state, latest, _hasCheckedAt, _checkedAt, _lastReason);
            }
        }

        private void RunCheck()
        {
            string[] values;
            ReasonCode reason;
            bool answered = _dns.TryQuery(_queryName, out values, out reason);
            lock (_gate)
            {
                ChecksRun++;
                if (answered || reason == ReasonCode.NotFound)
                {
                    ResolverReached = true;
                }

                if (answered)
                {
                    reason = ReasonCode.NoFreshAnnouncement;
                    for (int i = 0; i < values.Length; i++)
                    {
                        ReasonCode one = Consider(values[i]);
                        if (one == ReasonCode.Accepted || reason != ReasonCode.Accepted)
                        {
                            reason = one;
                        }
                    }
                }

                _lastReason = reason;
                long now;
                if (_controller.Time.TryGetUnixSeconds(out now))
                {
                    _hasCheckedAt = true;
                    _checkedAt = now;
                }

                _entropy.GetBytes(_jitter, 0, 4);
                uint random = (uint)(_jitter[0] | (_jitter[1] << 8) | (_jitter[2] << 16)) | ((uint)_jitter[3] << 24);
                long jitter = (long)(random % (uint)(JitterTicks / TimeSpan.TicksPerSecond)) * TimeSpan.TicksPerSecond;
                _nextCheckTicks = _clock.NowTicks + IntervalTicks + jitter;
            }
        }

        private ReasonCode Consider(string text)
        {
            UpdateAnnouncement announcement;
            ReasonCode reason;
            if (UpdateAnnouncement.TryDecodeText(text, out announcement, out reason))
            {
                reason = announcement.Verify(_controller.Keys, _controller.Model, _controller.Time, _controller.Settings.ClockSkewSeconds);
                if (reason == ReasonCode.Accepted && _latest != null && announcement.IssuedAt < _latest.IssuedAt)
                {
                    // An older announcement (a replay or a stale cache) never replaces a newer one.
                    reason = ReasonCode.NotNewer;
                }
            }

            if (reason != ReasonCode.Accepted)
            {
                AnnouncementsDropped++;
                LastDropReason = reason;
                return reason;
            }

            AnnouncementsAccepted++;
            _latest = announcement;
            _controller.Time.ObserveAuthenticated(announcement.IssuedAt);
            return ReasonCode.Accepted;
        }
    }
}
