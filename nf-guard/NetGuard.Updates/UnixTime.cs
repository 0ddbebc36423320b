using System;

namespace NetGuard.Updates
{
    /// <summary>Unix-seconds helpers written by hand (no DateTime arithmetic needed on the device).</summary>
    public static class UnixTime
    {
        /// <summary>
        /// Formats <paramref name="unixSeconds"/> as ISO 8601 UTC, "yyyy-MM-ddTHH:mm:ssZ" (RFC 3339 5.6). Uses the
        /// days-from-civil inverse of the proleptic Gregorian calendar (H. Hinnant, "chrono-compatible low-level date
        /// algorithms"). Throws <see cref="ArgumentOutOfRangeException"/> outside years 1970..9999.
        /// </summary>
        /// <param name="unixSeconds">Seconds since 1970-01-01T00:00:00Z.</param>
        /// <returns>The text.</returns>
        public static string ToIso8601(long unixSeconds)
        {
            if (unixSeconds < 0 || unixSeconds > 253402300799L)
            {
                throw new ArgumentOutOfRangeException(nameof(unixSeconds));
            }

            long days = unixSeconds / 86400;
            long secondOfDay = unixSeconds % 86400;
            long z = days + 719468;
            long era = z / 146097;
            long dayOfEra = z - (era * 146097);
            long yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
            long year = yearOfEra + (era * 400);
            long dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
            long mp = ((5 * dayOfYear) + 2) / 153;
            long day = dayOfYear - (((153 * mp) + 2) / 5) + 1;
            long month = mp < 10 ? mp + 3 : mp - 9;
            if (month <= 2)
            {
                year++;
            }

            return Pad(year, 4) + "-" + Pad(month, 2) + "-" + Pad(day, 2) + "T" + Pad(secondOfDay / 3600, 2) + ":" + Pad((secondOfDay / 60) % 60, 2) + ":" + Pad(secondOfDay % 60, 2) + "Z";
        }

        private static string Pad(long value, int width)
        {
            string text = value.ToString();
            while (text.Length < width)
            {
                text = "0" + text;
            }

            return text;
        }
    }
}
