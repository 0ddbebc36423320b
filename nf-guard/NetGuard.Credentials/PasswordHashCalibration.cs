using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Platform;
using NetGuard.Storage;

namespace NetGuard.Credentials
{
    /// <summary>
    /// Finds the PBKDF2-HMAC-SHA256 iteration count that takes about a target time on this device (NIST SP
    /// 800-132 5.2: as many iterations as the verifying party can bear), so the work factor fits the hardware
    /// instead of a guess. Firmware calls <see cref="LoadOrCalibrate(IRecordStore, IMonotonicClock, long, int, int, HmacSha256Factory)"/> at boot: the first boot measures and
    /// stores the count in record <see cref="RecordName"/>, later boots read it, and the count goes into
    /// <see cref="OwnerAccountPolicy.WithIterations"/>. Stored hashes keep their own count, and a login upgrades
    /// them when the policy's count is higher.
    /// </summary>
    public static class PasswordHashCalibration
    {
        /// <summary>The record holding the calibrated count.</summary>
        public const string RecordName = "kdf-iterations";

        /// <summary>The usual target on the device: about 300 ms per password hash, in 100 ns ticks.</summary>
        public const long DefaultTargetTicks = 300 * TimeSpan.TicksPerMillisecond;

        private const byte RecordVersion = 1;

        /// <summary>
        /// Measures PBKDF2 on <paramref name="clock"/> with doubling trial counts until a trial takes at least a
        /// quarter of <paramref name="targetTicks"/>, then scales to the target; the result is clamped to
        /// [<paramref name="minimumIterations"/>, <paramref name="maximumIterations"/>]. Throws
        /// <see cref="ArgumentNullException"/> for a null clock and <see cref="ArgumentOutOfRangeException"/> for a
        /// non-positive target or a bad range.
        /// </summary>
        /// <param name="clock">The monotonic clock to time with.</param>
        /// <param name="targetTicks">Wanted time per hash, in 100 ns ticks.</param>
        /// <param name="minimumIterations">Floor of the result, at least 1.</param>
        /// <param name="maximumIterations">Ceiling of the result, at least the floor.</param>
        /// <returns>The iteration count.</returns>
        public static int Calibrate(IMonotonicClock clock, long targetTicks, int minimumIterations, int maximumIterations)
        {
            return Calibrate(clock, targetTicks, minimumIterations, maximumIterations, null);
        }

        /// <summary>
        /// As <see cref="Calibrate(IMonotonicClock, long, int, int)"/>, timing the HMAC-SHA256 that <paramref name="passwordHmac"/>
        /// makes (null: the managed one): calibrate with the HMAC the account will hash with.
        /// </summary>
        /// <param name="clock">The monotonic clock.</param>
        /// <param name="targetTicks">The time one hash should take, in 100 ns ticks.</param>
        /// <param name="minimumIterations">The floor.</param>
        /// <param name="maximumIterations">The ceiling.</param>
        /// <param name="passwordHmac">The PBKDF2 HMAC maker, or null.</param>
        /// <returns>The iteration count.</returns>
        public static int Calibrate(IMonotonicClock clock, long targetTicks, int minimumIterations, int maximumIterations, HmacSha256Factory passwordHmac)
        {
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));

            if (targetTicks <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(targetTicks));
            }

            if (minimumIterations < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(minimumIterations));
            }

            if (maximumIterations < minimumIterations)
            {
                throw new ArgumentOutOfRangeException(nameof(maximumIterations));
            }

            byte[] password = new byte[16];
            byte[] salt = new byte[16];
            int trial = 1;
            long elapsed;
            while (true)
            {
                long start = clock.NowTicks;
                Pbkdf2.DeriveKey(passwordHmac, password, salt, trial, 32);
                elapsed = clock.NowTicks - start;
                if (elapsed >= targetTicks / 4 || trial >= maximumIterations / 2 || trial >= 1 << 29)
                {
                    break;
                }

                trial *= 2;
            }

            long scaled = elapsed <= 0 ? maximumIterations : (long)trial * targetTicks / elapsed;
            if (scaled < minimumIterations)
            {
                return minimumIterations;
            }

            return scaled > maximumIterations ? maximumIterations : (int)scaled;
        }

        /// <summary>
        /// Returns the count stored in <see cref="RecordName"/>, or calibrates with <see cref="Calibrate(IMonotonicClock, long, int, int)"/> and
        /// stores the result. A stored count outside the range, or an unreadable record, is measured again. A
        /// failed write is not fatal: the count is used for this boot and measured again at the next.
        /// Throws as <see cref="Calibrate(IMonotonicClock, long, int, int)"/> does, and <see cref="ArgumentNullException"/> for a null store.
        /// </summary>
        /// <param name="store">Where the count is kept.</param>
        /// <param name="clock">The monotonic clock to time with.</param>
        /// <param name="targetTicks">Wanted time per hash, in 100 ns ticks.</param>
        /// <param name="minimumIterations">Floor of the result.</param>
        /// <param name="maximumIterations">Ceiling of the result.</param>
        /// <returns>The iteration count.</returns>
        public static int LoadOrCalibrate(IRecordStore store, IMonotonicClock clock, long targetTicks, int minimumIterations, int maximumIterations)
        {
            return LoadOrCalibrate(store, clock, targetTicks, minimumIterations, maximumIterations, null);
        }

        /// <summary>
        /// As <see cref="LoadOrCalibrate(IRecordStore, IMonotonicClock, long, int, int)"/>, calibrating with the HMAC-SHA256
        /// that <paramref name="passwordHmac"/> makes (null: the managed one).
        /// </summary>
        /// <param name="store">Where the result is kept.</param>
        /// <param name="clock">The monotonic clock.</param>
        /// <param name="targetTicks">Wanted time per hash, in 100 ns ticks.</param>
        /// <param name="minimumIterations">Floor of the result.</param>
        /// <param name="maximumIterations">Ceiling of the result.</param>
        /// <param name="passwordHmac">The PBKDF2 HMAC maker, or null.</param>
        /// <returns>The iteration count.</returns>
        public static int LoadOrCalibrate(IRecordStore store, IMonotonicClock clock, long targetTicks, int minimumIterations, int maximumIterations, HmacSha256Factory passwordHmac)
        {
            ArgumentNullException.ThrowIfNull(store, nameof(store));

            byte[] data;
            ReasonCode reason;
            if (store.TryRead(RecordName, out data, out reason) && data.Length == 5 && data[0] == RecordVersion)
            {
                int stored = data[1] | (data[2] << 8) | (data[3] << 16) | (data[4] << 24);
                if (stored >= minimumIterations && stored <= maximumIterations)
                {
                    return stored;
                }
            }

            int iterations = Calibrate(clock, targetTicks, minimumIterations, maximumIterations, passwordHmac);
            byte[] record = new byte[5];
            record[0] = RecordVersion;
            record[1] = (byte)iterations;
            record[2] = (byte)(iterations >> 8);
            record[3] = (byte)(iterations >> 16);
            record[4] = (byte)(iterations >> 24);
            store.Write(RecordName, record, 0, record.Length);
            return iterations;
        }
    }
}
