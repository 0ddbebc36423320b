using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// Where a verified image is written before it is installed. Writing goes to a scratch copy: only
    /// <see cref="Commit"/> replaces the staged image, atomically, so a power cut at any write leaves the previously
    /// staged image (or none) intact. Failures return <see cref="ReasonCode.StorageWriteFailed"/> (or
    /// <see cref="ReasonCode.TooLarge"/> when the image does not fit) and never throw for storage errors; calling out
    /// of order (Append before Begin) is a caller mistake and throws <see cref="System.InvalidOperationException"/>.
    /// </summary>
    public interface IStagingArea
    {
        /// <summary>Starts a new scratch copy of <paramref name="length"/> bytes, discarding any unfinished one.</summary>
        /// <param name="length">The image length in bytes.</param>
        /// <returns>The decision.</returns>
        Decision Begin(long length);

        /// <summary>Appends <paramref name="count"/> bytes to the scratch copy.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>The decision.</returns>
        Decision Append(byte[] data, int offset, int count);

        /// <summary>Makes the scratch copy the staged image, atomically (durable before it returns Accept).</summary>
        /// <returns>The decision.</returns>
        Decision Commit();

        /// <summary>Drops the scratch copy, if any; the staged image is untouched. Never throws.</summary>
        void Abort();

        /// <summary>Reads the staged image from <paramref name="position"/>; returns the bytes read, 0 at the end or when nothing is staged.</summary>
        /// <param name="position">Byte position in the staged image.</param>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Room in the buffer.</param>
        /// <returns>Number of bytes read.</returns>
        int ReadStaged(long position, byte[] buffer, int offset, int count);

        /// <summary>Deletes the staged image (after installation or a failed self-test).</summary>
        /// <returns>The decision.</returns>
        Decision Discard();
    }
}
