using NetGuard.Diagnostics;

namespace NetGuard.Storage
{
    /// <summary>
    /// Small named records (credentials, sessions, counters) that survive restarts and power cuts. A write
    /// replaces a record atomically: after a power cut at any point, a read returns either the old or the
    /// new content, never a mix and never garbage. The device implementation lives on the littlefs
    /// <c>I:</c> drive, the host one in a data directory; a simulated store cuts power at every step.
    /// Names are 1 to 32 characters from [a-z0-9-]; a bad name is a caller mistake and throws.
    /// </summary>
    public interface IRecordStore
    {
        /// <summary>
        /// Reads record <paramref name="name"/>. Returns false with <see cref="ReasonCode.NotFound"/> when it
        /// does not exist, or <see cref="ReasonCode.StorageCorrupt"/> when no intact copy is left.
        /// </summary>
        /// <param name="name">The record's name.</param>
        /// <param name="data">The content, or null on failure.</param>
        /// <param name="reason">Accepted, or why the read failed.</param>
        /// <returns>True when <paramref name="data"/> holds the record.</returns>
        bool TryRead(string name, out byte[] data, out ReasonCode reason);

        /// <summary>
        /// Replaces record <paramref name="name"/> with <paramref name="count"/> bytes of
        /// <paramref name="data"/> from <paramref name="offset"/>, atomically. Refusals:
        /// <see cref="ReasonCode.TooLarge"/>, <see cref="ReasonCode.StorageWriteFailed"/>; after a refusal
        /// the old content is still readable.
        /// </summary>
        /// <param name="name">The record's name.</param>
        /// <param name="data">The new content.</param>
        /// <param name="offset">First byte of the content.</param>
        /// <param name="count">Length of the content.</param>
        /// <returns>The decision.</returns>
        Decision Write(string name, byte[] data, int offset, int count);

        /// <summary>
        /// Deletes record <paramref name="name"/> (used by factory reset). Deleting a missing record is
        /// accepted. Refusal: <see cref="ReasonCode.StorageWriteFailed"/>.
        /// </summary>
        /// <param name="name">The record's name.</param>
        /// <returns>The decision.</returns>
        Decision Delete(string name);
    }
}
