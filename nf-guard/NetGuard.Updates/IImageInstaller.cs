using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// Where installed firmware images live: two slots and an index naming the active one (the image the loader
    /// starts) and, during a trial, the previous one. <see cref="UpdateController"/> drives it so that every step is
    /// safe to repeat after a power cut: <see cref="Activate"/> writes the image the active slot does not hold and then
    /// makes it active with the old one kept as previous; <see cref="Revert"/> makes the previous active again;
    /// <see cref="Commit"/> forgets the previous. On nanoFramework 1.x the device installer keeps application
    /// <c>.pe</c> files on the <c>I:</c> drive, loaded with <c>Assembly.Load</c> by the firmware's loader.
    /// </summary>
    public interface IImageInstaller
    {
        /// <summary>
        /// Copies the staged image of <paramref name="update"/> into the slot that is not active, then makes it active
        /// with the old active image (or none: the built-in firmware) kept as previous. InvalidState while a previous
        /// image is still kept (call <see cref="Commit"/> or <see cref="Revert"/> first); StorageWriteFailed or
        /// Truncated when the copy fails, with the active image unchanged.
        /// </summary>
        /// <param name="staging">The staging area holding the verified image.</param>
        /// <param name="update">What is staged (length and digest).</param>
        /// <returns>The decision.</returns>
        Decision Activate(IStagingArea staging, StagedUpdate update);

        /// <summary>
        /// Makes the previous image active again and forgets it; does nothing when no previous image is kept (the
        /// activation never completed). StorageWriteFailed when the index cannot be written.
        /// </summary>
        /// <returns>The decision.</returns>
        Decision Revert();

        /// <summary>Forgets the previous image (its slot may be reused); does nothing when none is kept.</summary>
        /// <returns>The decision.</returns>
        Decision Commit();

        /// <summary>
        /// Reads the active image from <paramref name="position"/> (for verification before it is loaded): the bytes
        /// read, 0 at its end, -1 when no image is active (the built-in firmware runs).
        /// </summary>
        /// <param name="position">Offset in the image.</param>
        /// <param name="buffer">Receives the bytes.</param>
        /// <param name="offset">First index to write.</param>
        /// <param name="count">Most bytes to read.</param>
        /// <returns>Bytes read, 0 at the end, -1 when there is no active image.</returns>
        int ReadActive(long position, byte[] buffer, int offset, int count);
    }
}
