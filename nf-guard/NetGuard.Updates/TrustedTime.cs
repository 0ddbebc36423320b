using System;
using NetGuard.Diagnostics;
using NetGuard.Platform;
using NetGuard.Storage;

namespace NetGuard.Updates
{
    /// <summary>
    /// Trusted time for expiry checks: the latest of (a) the wall clock once SNTP (or the owner) set it and (b) the
    /// newest issue time seen in an authenticated object (a verified announcement or package), each carried forward
    /// on the monotonic clock. Taking the latest means a forged SNTP reply can move the time forward (a denial of
    /// updates until the next real reply) but never back before what a signed object proved, so an expired
    /// announcement or package cannot be revived by rolling the clock back. The authenticated floor is persisted in
    /// record <c>update-time</c> so it survives restarts (the time since the restart is lost, so it is a floor).
    /// Before either source has spoken the time is unknown. Thread-safe.
    /// </summary>
    public sealed class TrustedTime : ITrustedTime
    {
        /// <summary>The record holding the authenticated floor.</summary>
        public const string RecordName = "update-time";

        private readonly object _gate = new object();
        private readonly IMonotonicClock _clock;
        private readonly IRecordStore _store;
        private bool _wallKnown;
        private long _wallSeconds;
        private long _wallTicks;
        private bool _floorKnown;
        private long _floorSeconds;
        private long _floorTicks;

        /// <summary>Creates the time source, reading the persisted floor from <paramref name="store"/> if given.</summary>
        /// <param name="clock">The monotonic clock that carries readings forward.</param>
        /// <param name="store">Where the authenticated floor persists; null to keep it in memory only.</param>
        public TrustedTime(IMonotonicClock clock, IRecordStore store)
        {
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));

            _clock = clock;
            _store = store;
            if (store != null)
            {
                byte[] data;
                ReasonCode reason;
                if (store.TryRead(RecordName, out data, out reason) && data != null && data.Length == 8)
                {
                    long seconds = LittleEndian.ReadInt64(data, 0);
                    if (seconds > 0)
                    {
                        _floorKnown = true;
                        _floorSeconds = seconds;
                        _floorTicks = clock.NowTicks;
                    }
                }
            }
        }

        /// <summary>Records that the wall clock was set (by SNTP or the owner) to <paramref name="unixSeconds"/> now.</summary>
        /// <param name="unixSeconds">The wall-clock time, Unix seconds; more than 0.</param>
        public void SetWallClock(long unixSeconds)
        {
            if (unixSeconds <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(unixSeconds));
            }

            lock (_gate)
            {
                _wallKnown = true;
                _wallSeconds = unixSeconds;
                _wallTicks = _clock.NowTicks;
            }
        }

        /// <summary>
        /// Records an issue time taken from an authenticated object; raises the floor (and persists it) only when it is
        /// later than the current estimate. A failed write leaves the in-memory floor raised.
        /// </summary>
        /// <param name="unixSeconds">The signed issue time, Unix seconds; more than 0.</param>
        public void ObserveAuthenticated(long unixSeconds)
        {
            if (unixSeconds <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(unixSeconds));
            }

            bool persist = false;
            lock (_gate)
            {
                long now = _clock.NowTicks;
                if (!_floorKnown || unixSeconds > Carry(_floorSeconds, _floorTicks, now))
                {
                    _floorKnown = true;
                    _floorSeconds = unixSeconds;
                    _floorTicks = now;
                    persist = true;
                }
            }

            if (persist && _store != null)
            {
                byte[] data = new byte[8];
                LittleEndian.WriteInt64(data, 0, unixSeconds);
                _store.Write(RecordName, data, 0, 8);
            }
        }

        /// <inheritdoc />
        public bool TryGetUnixSeconds(out long unixSeconds)
        {
            lock (_gate)
            {
                long now = _clock.NowTicks;
                unixSeconds = 0;
                if (_wallKnown)
                {
                    unixSeconds = Carry(_wallSeconds, _wallTicks, now);
                }

                if (_floorKnown)
                {
                    long floor = Carry(_floorSeconds, _floorTicks, now);
                    if (floor > unixSeconds)
                    {
                        unixSeconds = floor;
                    }
                }

                return _wallKnown || _floorKnown;
            }
        }

        private static long Carry(long seconds, long atTicks, long nowTicks)
        {
            return seconds + ((nowTicks - atTicks) / TimeSpan.TicksPerSecond);
        }
    }
}
