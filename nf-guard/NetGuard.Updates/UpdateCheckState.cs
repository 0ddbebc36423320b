namespace NetGuard.Updates
{
    /// <summary>What the last update check found (the admin API's <c>GET /api/update</c> "state").</summary>
    public enum UpdateCheckState
    {
        /// <summary>No fresh signed announcement: none received yet, or the last one expired (a freeze is visible).</summary>
        NoFreshAnnouncement = 0,

        /// <summary>The announced version is not newer than the running one.</summary>
        UpToDate = 1,

        /// <summary>A newer version is announced with the same security counter.</summary>
        UpdateAvailable = 2,

        /// <summary>The announced security counter is above the device's: a security fix is out.</summary>
        SecurityUpdateRequired = 3,
    }
}
