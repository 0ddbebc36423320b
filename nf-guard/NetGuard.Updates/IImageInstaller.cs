using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// The platform step that makes a confirmed staged image the one that runs. nanoFramework 1.x has no managed API
    /// to rewrite its deploy region, so the device installer keeps the verified <c>.pe</c> on the <c>I:</c> drive
    /// where the firmware's loader finds it and loads it with <c>Assembly.Load</c>; firmware built on the in-field
    /// update API (MCUboot, CoreLibrary 2.0 preview) can implement this by handing the image to it. The host one
    /// copies it into a data directory. <see cref="Activate"/> must be idempotent: after a power cut the controller
    /// calls it again.
    /// </summary>
    public interface IImageInstaller
    {
        /// <summary>
        /// Installs the staged image described by <paramref name="update"/>, reading it from <paramref name="staging"/>.
        /// Refusals (<see cref="ReasonCode.StorageWriteFailed"/>, ...) leave the previously installed image in place.
        /// </summary>
        /// <param name="staging">Holds the staged image.</param>
        /// <param name="update">What is staged (already re-verified against its SHA-256).</param>
        /// <returns>The decision.</returns>
        Decision Activate(IStagingArea staging, StagedUpdate update);
    }
}
