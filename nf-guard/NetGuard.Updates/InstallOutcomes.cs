namespace NetGuard.Updates
{
    /// <summary>The names of <see cref="InstallOutcome"/> values as the admin API writes them (nanoFramework has no enum names).</summary>
    public static class InstallOutcomes
    {
        /// <summary>"None", "Trial", "Confirmed" or "RolledBack"; "Unknown" for a value outside the enum.</summary>
        /// <param name="outcome">The outcome.</param>
        /// <returns>Its name.</returns>
        public static string Name(InstallOutcome outcome)
        {
            switch (outcome)
            {
                case InstallOutcome.None:
                    return "None";
                case InstallOutcome.Trial:
                    return "Trial";
                case InstallOutcome.Confirmed:
                    return "Confirmed";
                case InstallOutcome.RolledBack:
                    return "RolledBack";
                default:
                    return "Unknown";
            }
        }
    }
}
