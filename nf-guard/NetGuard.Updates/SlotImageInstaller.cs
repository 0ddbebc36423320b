using System;
using NetGuard.Diagnostics;
using NetGuard.Storage;

namespace NetGuard.Updates
{
    /// <summary>
    /// The <see cref="IImageInstaller"/> for firmware that keeps its application image in two slots (A/B, as MCUboot's
    /// swap-free "direct XIP" mode), each an <see cref="IStagingArea"/> of its own (a <see cref="ChunkedStagingArea"/>
    /// in a folder of the I: drive on the device, of a directory on the host): a new image is copied
    /// into the slot that holds neither the active nor the previous image, and only then does a one-record index
    /// switch. The index (record <see cref="IndexRecordName"/>, replaced
    /// atomically by the <see cref="IRecordStore"/>) names the active image and, during a trial, the previous one, each
    /// either a slot or the built-in firmware. A power cut at any step leaves the old index or the new one; every step is
    /// safe to repeat. An unreadable index counts as "the built-in firmware is active" (the controller then notices that
    /// the installed image does not verify and runs the built-in firmware). Thread-safe.
    /// </summary>
    public sealed class SlotImageInstaller : IImageInstaller
    {
        /// <summary>The record holding the slot index.</summary>
        public const string IndexRecordName = "update-slots";

        /// <summary><see cref="ActiveSlot"/> when the built-in firmware is active.</summary>
        public const int BuiltIn = -1;

        // Index record (3 bytes): format 1, active image, previous image; an image is 0 (built-in), 1 (slot 0) or
        // 2 (slot 1); previous 0xFF means none is kept.
        private const int IndexLength = 3;
        private const byte IndexFormat = 1;
        private const byte NoneKept = 0xFF;
        private const int CopyChunk = 512;

        private readonly object _gate = new object();
        private readonly IRecordStore _store;
        private readonly IStagingArea _slot0;
        private readonly IStagingArea _slot1;

        /// <summary>
        /// Creates the installer. Throws <see cref="ArgumentNullException"/> for a missing dependency and
        /// <see cref="ArgumentException"/> when both slots are the same object.
        /// </summary>
        /// <param name="store">Where the index lives (records survive power cuts).</param>
        /// <param name="slot0">Slot 0: large enough for the largest image.</param>
        /// <param name="slot1">Slot 1: the same.</param>
        public SlotImageInstaller(IRecordStore store, IStagingArea slot0, IStagingArea slot1)
        {
            ArgumentNullException.ThrowIfNull(store, nameof(store));
            ArgumentNullException.ThrowIfNull(slot0, nameof(slot0));
            ArgumentNullException.ThrowIfNull(slot1, nameof(slot1));

            if (ReferenceEquals(slot0, slot1))
            {
                throw new ArgumentException("The two slots must be different storage.", nameof(slot1));
            }

            _store = store;
            _slot0 = slot0;
            _slot1 = slot1;
        }

        /// <summary>The slot holding the active image (0 or 1), or <see cref="BuiltIn"/>: what the loader loads.</summary>
        public int ActiveSlot
        {
            get
            {
                lock (_gate)
                {
                    int active;
                    int previous;
                    ReadIndex(out active, out previous);
                    return active - 1;
                }
            }
        }

        /// <summary>True while a previous image is kept (an update on trial, or a confirmation not yet committed).</summary>
        public bool KeepsPrevious
        {
            get
            {
                lock (_gate)
                {
                    int active;
                    int previous;
                    ReadIndex(out active, out previous);
                    return previous != NoneKept;
                }
            }
        }

        /// <inheritdoc />
        public Decision Activate(IStagingArea staging, StagedUpdate update)
        {
            ArgumentNullException.ThrowIfNull(staging, nameof(staging));
            ArgumentNullException.ThrowIfNull(update, nameof(update));

            lock (_gate)
            {
                int active;
                int previous;
                ReadIndex(out active, out previous);
                if (previous != NoneKept)
                {
                    return Decision.Refuse(ReasonCode.InvalidState);
                }

                // Slot 0 unless slot 0 is the active image: never the active one, and no previous one is kept.
                int target = active == 1 ? 1 : 0;
                Decision written = Copy(staging, update.ImageLength, target == 0 ? _slot0 : _slot1);
                if (!written.IsAccepted)
                {
                    return written;
                }

                return WriteIndex(target + 1, active);
            }
        }

        /// <inheritdoc />
        public Decision Revert()
        {
            return ForgetPrevious(true);
        }

        /// <inheritdoc />
        public Decision Commit()
        {
            return ForgetPrevious(false);
        }

        /// <inheritdoc />
        public int ReadActive(long position, byte[] buffer, int offset, int count)
        {
            int slot = ActiveSlot;
            if (slot == BuiltIn)
            {
                return -1;
            }

            return (slot == 0 ? _slot0 : _slot1).ReadStaged(position, buffer, offset, count);
        }

        // Copies the staged image into a slot through the slot's own scratch-and-commit, so a slot is either a whole
        // image or the previous content; Truncated when the staged image ends early.
        private Decision Copy(IStagingArea staging, long length, IStagingArea slot)
        {
            Decision begun = slot.Begin(length);
            if (!begun.IsAccepted)
            {
                return Decision.Refuse(begun.Reason == ReasonCode.TooLarge ? ReasonCode.TooLarge : ReasonCode.StorageWriteFailed);
            }

            byte[] buffer = new byte[CopyChunk];
            long position = 0;
            while (position < length)
            {
                long left = length - position;
                int want = left < CopyChunk ? (int)left : CopyChunk;
                int read = staging.ReadStaged(position, buffer, 0, want);
                if (read <= 0 || read > want)
                {
                    slot.Abort();
                    return Decision.Refuse(ReasonCode.Truncated);
                }

                Decision appended = slot.Append(buffer, 0, read);
                if (!appended.IsAccepted)
                {
                    slot.Abort();
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                position += read;
            }

            Decision committed = slot.Commit();
            return committed.IsAccepted ? committed : Decision.Refuse(ReasonCode.StorageWriteFailed);
        }

        // Revert (the previous image becomes active) or Commit (the active one stays); either way no previous image is
        // kept afterwards. Nothing to write when none is kept: both are safe to repeat.
        private Decision ForgetPrevious(bool makePreviousActive)
        {
            lock (_gate)
            {
                int active;
                int previous;
                ReadIndex(out active, out previous);
                if (previous == NoneKept)
                {
                    return Decision.Accept();
                }

                return WriteIndex(makePreviousActive ? previous : active, NoneKept);
            }
        }

        private void ReadIndex(out int active, out int previous)
        {
            active = 0;
            previous = NoneKept;
            byte[] data;
            ReasonCode reason;
            if (!_store.TryRead(IndexRecordName, out data, out reason))
            {
                return;
            }

            if (data.Length != IndexLength || data[0] != IndexFormat || data[1] > 2 || (data[2] > 2 && data[2] != NoneKept) || data[1] == data[2])
            {
                // Foreign or damaged: nothing installed can be trusted to be where the index says.
                return;
            }

            active = data[1];
            previous = data[2];
        }

        private Decision WriteIndex(int active, int previous)
        {
            byte[] data = new byte[] { IndexFormat, (byte)active, (byte)previous };
            Decision written = _store.Write(IndexRecordName, data, 0, data.Length);
            return written.IsAccepted ? written : Decision.Refuse(ReasonCode.StorageWriteFailed);
        }
    }
}
