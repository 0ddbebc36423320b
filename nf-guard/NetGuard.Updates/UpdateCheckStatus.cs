using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// A snapshot of the update check for the admin API's <c>GET /api/update</c>:
    /// <c>{"state":StateName,"latestVersion":LatestVersion,"checkedAt":CheckedAt}</c>. Immutable.
    /// </summary>
    public sealed class UpdateCheckStatus
    {
        internal UpdateCheckStatus(UpdateCheckState state, string latestVersion, bool hasCheckedAt, long checkedAtUnixSeconds, ReasonCode lastReason)
        {
            State = state;
            LatestVersion = latestVersion;
            HasCheckedAt = hasCheckedAt;
            CheckedAtUnixSeconds = checkedAtUnixSeconds;
            LastReason = lastReason;
        }

        /// <summary>The state.</summary>
        public UpdateCheckState State { get; }

        /// <summary>The state's name for JSON ("UpToDate", "UpdateAvailable", "SecurityUpdateRequired", "NoFreshAnnouncement").</summary>
        public string StateName
        {
            get
            {
                switch (State)
                {
                    case UpdateCheckState.UpToDate: return "UpToDate";
                    case UpdateCheckState.UpdateAvailable: return "UpdateAvailable";
                    case UpdateCheckState.SecurityUpdateRequired: return "SecurityUpdateRequired";
                    default: return "NoFreshAnnouncement";
                }
            }
        }

        /// <summary>The latest announced version "X.Y.Z" (from the newest verified announcement, even if stale), or "" when none was seen.</summary>
        public string LatestVersion { get; }

        /// <summary>True when a check has completed at a known trusted time.</summary>
        public bool HasCheckedAt { get; }

        /// <summary>When the last check completed, Unix seconds; 0 when <see cref="HasCheckedAt"/> is false.</summary>
        public long CheckedAtUnixSeconds { get; }

        /// <summary>When the last check completed as ISO 8601 UTC ("2026-11-24T19:10:24Z"), or "" when unknown.</summary>
        public string CheckedAt
        {
            get { return HasCheckedAt ? UnixTime.ToIso8601(CheckedAtUnixSeconds) : string.Empty; }
        }

        /// <summary>The outcome of the last check: Accepted, or why it found nothing usable (TimedOut, RateLimited, Expired, ...).</summary>
        public ReasonCode LastReason { get; }
    }
}
