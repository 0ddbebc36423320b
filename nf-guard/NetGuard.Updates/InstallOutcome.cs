namespace NetGuard.Updates
{
    /// <summary>What became of the last update the device started (GET /api/update's <c>lastInstall</c>).</summary>
    public enum InstallOutcome : byte
    {
        /// <summary>No update has been started on this device.</summary>
        None = 0,

        /// <summary>The update is running on trial: the previous image stays installable and the counter unchanged.</summary>
        Trial = 1,

        /// <summary>The update passed its self-test and settle time: it is kept and the security counter raised.</summary>
        Confirmed = 2,

        /// <summary>The update did not confirm itself; the previous image runs again (the reason says why).</summary>
        RolledBack = 3,
    }
}
