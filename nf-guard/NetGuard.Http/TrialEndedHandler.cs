using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.Http
{
    /// <summary>
    /// Called when an update on trial ends while the firmware runs: <see cref="InstallOutcome.Confirmed"/>, or
    /// <see cref="InstallOutcome.RolledBack"/> with the reason (the previous image is active again; restart to run it).
    /// A confirmation that could not be recorded reports <see cref="InstallOutcome.Trial"/> with StorageWriteFailed: the
    /// next start rolls the update back.
    /// </summary>
    /// <param name="outcome">What became of the trial.</param>
    /// <param name="reason">Accepted, or why it did not confirm.</param>
    public delegate void TrialEndedHandler(InstallOutcome outcome, ReasonCode reason);
}
