using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Storage.Tests
{
    [TestClass]
    public class SlotRecordStoreTests
    {
        [TestMethod]
        public void TryRead_Missing_IsNotFound()
        {
            SlotRecordStore store = new SlotRecordStore(new MemoryFileSystem(), 64);

            byte[] data;
            ReasonCode reason;
            Assert.IsFalse(store.TryRead("owner", out data, out reason));
            Assert.AreEqual((object)ReasonCode.NotFound, reason);
            Assert.IsNull(data);
        }

        [TestMethod]
        public void Write_ThenRead_ReturnsContent()
        {
            SlotRecordStore store = new SlotRecordStore(new MemoryFileSystem(), 64);

            Assert.IsTrue(store.Write("owner", new byte[] { 9, 1, 2, 3, 9 }, 1, 3).IsAccepted);

            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, ReadOk(store, "owner"));
        }

        [TestMethod]
        public void Write_EmptyRecord_RoundTrips()
        {
            SlotRecordStore store = new SlotRecordStore(new MemoryFileSystem(), 64);

            Assert.IsTrue(store.Write("empty", new byte[0], 0, 0).IsAccepted);

            Assert.AreEqual(0, ReadOk(store, "empty").Length);
        }

        [TestMethod]
        public void Write_Repeated_AlternatesSlotsAndReadsNewest()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);

            store.Write("r", new byte[] { 1 }, 0, 1);
            Assert.IsTrue(files.Exists("r.0"));
            Assert.IsFalse(files.Exists("r.1"));
            store.Write("r", new byte[] { 2 }, 0, 1);
            Assert.IsTrue(files.Exists("r.1"));
            store.Write("r", new byte[] { 3 }, 0, 1);

            CollectionAssert.AreEqual(new byte[] { 3 }, ReadOk(store, "r"));
            Assert.AreEqual(3, (int)files.GetRaw("r.0")[8]);
            Assert.AreEqual(2, (int)files.GetRaw("r.1")[8]);
        }

        [TestMethod]
        public void TryRead_NewestSlotCorrupt_ReturnsPreviousContent()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", new byte[] { 1 }, 0, 1);
            store.Write("r", new byte[] { 2 }, 0, 1);

            byte[] raw = files.GetRaw("r.1");
            raw[16] ^= 0x01;
            files.SetRaw("r.1", raw);

            CollectionAssert.AreEqual(new byte[] { 1 }, ReadOk(store, "r"));
        }

        [TestMethod]
        public void TryRead_BothSlotsCorrupt_IsStorageCorrupt()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", new byte[] { 1 }, 0, 1);
            store.Write("r", new byte[] { 2 }, 0, 1);
            files.SetRaw("r.0", new byte[0]);
            files.SetRaw("r.1", new byte[] { (byte)'N', (byte)'G' });

            byte[] data;
            ReasonCode reason;
            Assert.IsFalse(store.TryRead("r", out data, out reason));
            Assert.AreEqual((object)ReasonCode.StorageCorrupt, reason);
        }

        [TestMethod]
        public void TryRead_LoneTruncatedSlot_IsAnInterruptedFirstWrite_NotFound()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", new byte[] { 1, 2, 3 }, 0, 3);
            byte[] raw = files.GetRaw("r.0");
            byte[] prefix = new byte[raw.Length - 1];
            Array.Copy(raw, prefix, prefix.Length);

            byte[] data;
            ReasonCode reason;
            files.SetRaw("r.0", prefix);
            Assert.IsFalse(store.TryRead("r", out data, out reason));
            Assert.AreEqual((object)ReasonCode.NotFound, reason);
            files.SetRaw("r.0", new byte[0]);
            Assert.IsFalse(store.TryRead("r", out data, out reason));
            Assert.AreEqual((object)ReasonCode.NotFound, reason);
        }

        [TestMethod]
        public void TryRead_LoneFullLengthSlotWithBadChecksum_IsStorageCorrupt()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", new byte[] { 1, 2, 3 }, 0, 3);
            byte[] raw = files.GetRaw("r.0");
            raw[raw.Length - 1] ^= 0x80;
            files.SetRaw("r.0", raw);

            byte[] data;
            ReasonCode reason;
            Assert.IsFalse(store.TryRead("r", out data, out reason));
            Assert.AreEqual((object)ReasonCode.StorageCorrupt, reason);
        }

        [TestMethod]
        public void TryRead_SlotWithOtherFormatVersion_IsIgnored()
        {
            AssertCorruptWhenEdited(new byte[] { 1 }, 4, 2);
        }

        [TestMethod]
        public void TryRead_LengthFieldDisagreesWithFile_IsIgnored()
        {
            AssertCorruptWhenEdited(new byte[] { 1, 2 }, 12, 1);
        }

        [TestMethod]
        public void TryRead_SequenceWrap_PicksSerialNewest()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", new byte[] { 1 }, 0, 1);
            store.Write("r", new byte[] { 2 }, 0, 1);
            SetSequence(files, "r.0", 0xFFFFFFFFu);
            SetSequence(files, "r.1", 0u);

            CollectionAssert.AreEqual(new byte[] { 2 }, ReadOk(store, "r"));

            store.Write("r", new byte[] { 3 }, 0, 1);
            CollectionAssert.AreEqual(new byte[] { 3 }, ReadOk(store, "r"));
            Assert.IsTrue(files.GetRaw("r.0")[8] == 1, "the write after sequence 0 carries sequence 1, in slot 0");
        }

        [TestMethod]
        public void Write_TooLarge_IsRefusedAndKeepsOldContent()
        {
            SlotRecordStore store = new SlotRecordStore(new MemoryFileSystem(), 4);
            store.Write("r", new byte[] { 1, 2, 3, 4 }, 0, 4);

            Decision decision = store.Write("r", new byte[5], 0, 5);

            Assert.AreEqual((object)ReasonCode.TooLarge, decision.Reason);
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4 }, ReadOk(store, "r"));
        }

        [TestMethod]
        public void Write_FileSystemFails_IsRefusedAndKeepsOldContent()
        {
            FailingFileSystem files = new FailingFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", new byte[] { 1 }, 0, 1);
            files.FailWrites = true;

            Decision decision = store.Write("r", new byte[] { 2 }, 0, 1);

            Assert.AreEqual((object)ReasonCode.StorageWriteFailed, decision.Reason);
            CollectionAssert.AreEqual(new byte[] { 1 }, ReadOk(store, "r"));
        }

        [TestMethod]
        public void Delete_RemovesBothSlots()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", new byte[] { 1 }, 0, 1);
            store.Write("r", new byte[] { 2 }, 0, 1);

            Assert.IsTrue(store.Delete("r").IsAccepted);

            Assert.AreEqual(0, files.Count);
            byte[] data;
            ReasonCode reason;
            Assert.IsFalse(store.TryRead("r", out data, out reason));
            Assert.AreEqual((object)ReasonCode.NotFound, reason);
        }

        [TestMethod]
        public void Delete_Missing_IsAccepted()
        {
            Assert.IsTrue(new SlotRecordStore(new MemoryFileSystem(), 64).Delete("none").IsAccepted);
        }

        [TestMethod]
        public void Names_OutsideTheAlphabet_Throw()
        {
            SlotRecordStore store = new SlotRecordStore(new MemoryFileSystem(), 64);
            byte[] data;
            ReasonCode reason;

            Assert.ThrowsException(typeof(ArgumentNullException), () => store.TryRead(null, out data, out reason));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Write("", new byte[1], 0, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Write("Owner", new byte[1], 0, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Write("../x", new byte[1], 0, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Delete("abcdefghijabcdefghijabcdefghijabc"));
            Assert.IsTrue(store.Write("abcdefghijabcdefghijabcdefghij-9", new byte[1], 0, 1).IsAccepted);
        }

        [TestMethod]
        public void Constructor_BadArguments_Throw()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SlotRecordStore(null, 64));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SlotRecordStore(new MemoryFileSystem(), 0));
        }

        private static byte[] ReadOk(SlotRecordStore store, string name)
        {
            byte[] data;
            ReasonCode reason;
            Assert.IsTrue(store.TryRead(name, out data, out reason), "read " + name);
            Assert.AreEqual((object)ReasonCode.Accepted, reason);
            return data;
        }

        // Writes content, changes one byte of slot 0 with its CRC recomputed (so only the field check can catch it)
        // and expects the record to be refused as corrupt.
        private static void AssertCorruptWhenEdited(byte[] content, int index, byte value)
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 64);
            store.Write("r", content, 0, content.Length);
            byte[] raw = files.GetRaw("r.0");
            raw[index] = value;
            RewriteCrc(raw);
            files.SetRaw("r.0", raw);

            byte[] data;
            ReasonCode reason;
            Assert.IsFalse(store.TryRead("r", out data, out reason));
            Assert.AreEqual((object)ReasonCode.StorageCorrupt, reason);
        }

        private static void SetSequence(MemoryFileSystem files, string fileName, uint sequence)
        {
            byte[] raw = files.GetRaw(fileName);
            raw[8] = (byte)sequence;
            raw[9] = (byte)(sequence >> 8);
            raw[10] = (byte)(sequence >> 16);
            raw[11] = (byte)(sequence >> 24);
            RewriteCrc(raw);
            files.SetRaw(fileName, raw);
        }

        private static void RewriteCrc(byte[] raw)
        {
            int end = raw.Length - 4;
            uint crc = Crc32.Compute(raw, 0, end);
            raw[end] = (byte)crc;
            raw[end + 1] = (byte)(crc >> 8);
            raw[end + 2] = (byte)(crc >> 16);
            raw[end + 3] = (byte)(crc >> 24);
        }

        private sealed class FailingFileSystem : IFileSystem
        {
            private readonly MemoryFileSystem _inner = new MemoryFileSystem();

            public bool FailWrites;

            public bool Exists(string fileName)
            {
                return _inner.Exists(fileName);
            }

            public bool TryReadAllBytes(string fileName, out byte[] data)
            {
                return _inner.TryReadAllBytes(fileName, out data);
            }

            public bool TryWriteAllBytes(string fileName, byte[] data, int offset, int count)
            {
                return !FailWrites && _inner.TryWriteAllBytes(fileName, data, offset, count);
            }

            public bool TryDelete(string fileName)
            {
                return _inner.TryDelete(fileName);
            }
        }
    }
}
