namespace NetGuard.Storage
{
    /// <summary>
    /// The few whole-file operations <see cref="SlotRecordStore"/> needs, so the same two-slot algorithm runs on
    /// the device (littlefs <c>I:</c> drive), on the host (a data directory) and in tests (a simulated file
    /// system that cuts power at every write). Implementations never throw for I/O failures: they return false.
    /// Paths are plain file names without directories; the implementation decides where they live.
    /// </summary>
    public interface IFileSystem
    {
        /// <summary>True when a file named <paramref name="fileName"/> exists.</summary>
        /// <param name="fileName">The file's name.</param>
        /// <returns>True when it exists; false when it does not or cannot be checked.</returns>
        bool Exists(string fileName);

        /// <summary>Reads the whole file <paramref name="fileName"/>.</summary>
        /// <param name="fileName">The file's name.</param>
        /// <param name="data">Its content, or null when it cannot be read.</param>
        /// <returns>True when <paramref name="data"/> holds the content.</returns>
        bool TryReadAllBytes(string fileName, out byte[] data);

        /// <summary>
        /// Creates or overwrites <paramref name="fileName"/> with <paramref name="count"/> bytes of
        /// <paramref name="data"/> from <paramref name="offset"/>. Not atomic: a power cut may leave the file
        /// empty or holding a prefix; <see cref="SlotRecordStore"/> copes with that.
        /// </summary>
        /// <param name="fileName">The file's name.</param>
        /// <param name="data">The bytes to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>True when every byte was written.</returns>
        bool TryWriteAllBytes(string fileName, byte[] data, int offset, int count);

        /// <summary>Deletes <paramref name="fileName"/>; deleting a missing file succeeds.</summary>
        /// <param name="fileName">The file's name.</param>
        /// <returns>True when the file is gone.</returns>
        bool TryDelete(string fileName);
    }
}
