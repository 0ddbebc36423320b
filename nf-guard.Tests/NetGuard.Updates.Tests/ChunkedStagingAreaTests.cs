using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    /// <summary>
    /// The staging area the device and the host both use, over an in-memory file system: images across chunk
    /// boundaries, the two slots, the limits, and a second instance over the same files (a restart).
    /// </summary>
    [TestClass]
    public class ChunkedStagingAreaTests
    {
        private static byte[] Image(int length, int seed)
        {
            byte[] image = new byte[length];
            for (int i = 0; i < length; i++)
            {
                image[i] = (byte)((i * 31) + seed);
            }

            return image;
        }

        private static void Stage(ChunkedStagingArea staging, byte[] image, int piece)
        {
            Assert.IsTrue(staging.Begin(image.Length).IsAccepted, "begin");
            for (int offset = 0; offset < image.Length; offset += piece)
            {
                int n = image.Length - offset < piece ? image.Length - offset : piece;
                Assert.IsTrue(staging.Append(image, offset, n).IsAccepted, "append at " + offset.ToString());
            }

            Assert.IsTrue(staging.Commit().IsAccepted, "commit");
        }

        // Reads the staged image in pieces of 700 bytes (not a divisor of the chunk size) until ReadStaged returns 0.
        private static byte[] ReadAll(IStagingArea staging, int expectedLength)
        {
            byte[] result = new byte[expectedLength + 1];
            int total = 0;
            while (true)
            {
                int room = result.Length - total < 700 ? result.Length - total : 700;
                int n = staging.ReadStaged(total, result, total, room);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            Assert.AreEqual(expectedLength, total, "staged length");
            byte[] exact = new byte[total];
            Array.Copy(result, exact, total);
            return exact;
        }

        private static void AssertSame(byte[] expected, byte[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length, "length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void Commit_StagesAnImageAcrossChunks_AndARestartReadsIt()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            byte[] image = Image((2 * ChunkedStagingArea.ChunkSize) + 5, 1);
            Stage(new ChunkedStagingArea(files, 10000), image, 333);

            // Three chunk files and the index, and a new instance over the same files sees the image.
            Assert.AreEqual(4, files.Count);
            AssertSame(image, ReadAll(new ChunkedStagingArea(files, 10000), image.Length));
        }

        [TestMethod]
        public void SecondImage_GoesToTheOtherSlot_AndReplacesTheFirstOnlyAtCommit()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            ChunkedStagingArea staging = new ChunkedStagingArea(files, 10000);
            byte[] first = Image(3000, 1);
            byte[] second = Image(2500, 2);
            Stage(staging, first, 1000);

            Assert.IsTrue(staging.Begin(second.Length).IsAccepted);
            Assert.IsTrue(staging.Append(second, 0, second.Length).IsAccepted);
            AssertSame(first, ReadAll(staging, first.Length));
            Assert.IsTrue(staging.Commit().IsAccepted);

            AssertSame(second, ReadAll(staging, second.Length));
            Assert.IsTrue(files.Exists("b-0000.bin"), "the second image is in slot b");
            Assert.IsFalse(files.Exists("a-0000.bin"), "the replaced image's chunks are freed");
            Assert.IsFalse(files.Exists("a-0001.bin"), "all of them");
        }

        [TestMethod]
        public void Abort_KeepsThePreviousImage_AndDeletesTheNewChunks()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            ChunkedStagingArea staging = new ChunkedStagingArea(files, 10000);
            byte[] first = Image(100, 3);
            Stage(staging, first, 100);

            Assert.IsTrue(staging.Begin(5000).IsAccepted);
            Assert.IsTrue(staging.Append(Image(5000, 4), 0, 5000).IsAccepted);
            staging.Abort();

            AssertSame(first, ReadAll(staging, first.Length));
            Assert.IsFalse(files.Exists("b-0000.bin"), "the aborted chunks are gone");
        }

        [TestMethod]
        public void Limits_AreRefusedAsTooLarge()
        {
            ChunkedStagingArea staging = new ChunkedStagingArea(new MemoryFileSystem(), 10);
            UpdatesAssert.Refused(ReasonCode.TooLarge, staging.Begin(11), "over the maximum");
            UpdatesAssert.Refused(ReasonCode.TooLarge, staging.Begin(-1), "negative");
            Assert.IsTrue(staging.Begin(10).IsAccepted);
            Assert.IsTrue(staging.Append(new byte[6], 0, 6).IsAccepted);
            UpdatesAssert.Refused(ReasonCode.TooLarge, staging.Append(new byte[5], 0, 5), "more than Begin declared");
            Assert.IsTrue(staging.Append(new byte[4], 0, 4).IsAccepted, "the refused piece was not kept");
            Assert.IsTrue(staging.Commit().IsAccepted);
        }

        [TestMethod]
        public void Discard_RemovesTheImageAndItsFiles()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            ChunkedStagingArea staging = new ChunkedStagingArea(files, 10000);
            Stage(staging, Image(4100, 5), 4100);

            Assert.IsTrue(staging.Discard().IsAccepted);

            Assert.AreEqual(0, files.Count);
            Assert.AreEqual(0, staging.ReadStaged(0, new byte[10], 0, 10));
            Assert.IsTrue(staging.Discard().IsAccepted, "discarding nothing is fine");
        }

        [TestMethod]
        public void DamagedIndex_MeansNothingStaged_AndStagingStartsOver()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            Stage(new ChunkedStagingArea(files, 10000), Image(50, 6), 50);
            Assert.IsTrue(files.Exists("staged.0"), "the index is a slot record");

            files.SetRaw("staged.0", new byte[] { (byte)'a', 50, 0, 0, 0 });
            ChunkedStagingArea restarted = new ChunkedStagingArea(files, 10000);
            Assert.AreEqual(0, restarted.ReadStaged(0, new byte[10], 0, 10), "an index that fails its checks names nothing");

            byte[] next = Image(70, 7);
            Stage(restarted, next, 70);
            AssertSame(next, ReadAll(new ChunkedStagingArea(files, 10000), next.Length));
        }

        [TestMethod]
        public void FailedWrite_IsRefused_AndKeepsThePreviousImage()
        {
            MemoryFileSystem inner = new MemoryFileSystem();
            FailingWrites files = new FailingWrites(inner);
            ChunkedStagingArea staging = new ChunkedStagingArea(files, 10000);
            byte[] first = Image(300, 7);
            Stage(staging, first, 300);

            files.Fail = true;
            Assert.IsTrue(staging.Begin(3000).IsAccepted);
            UpdatesAssert.Refused(ReasonCode.StorageWriteFailed, staging.Append(Image(3000, 8), 0, 3000), "a full chunk cannot be written");
            Assert.IsTrue(staging.Begin(10).IsAccepted);
            Assert.IsTrue(staging.Append(new byte[10], 0, 10).IsAccepted, "a partial chunk waits in RAM");
            UpdatesAssert.Refused(ReasonCode.StorageWriteFailed, staging.Commit(), "the last chunk or the index cannot be written");

            files.Fail = false;
            AssertSame(first, ReadAll(staging, first.Length));
        }

        [TestMethod]
        public void IndexWriteThatTruncatesThenFails_KeepsThePreviousImage()
        {
            // A file system that truncates the file before the write fails (a full disk under FileMode.Create).
            MemoryFileSystem inner = new MemoryFileSystem();
            FailingWrites files = new FailingWrites(inner);
            ChunkedStagingArea staging = new ChunkedStagingArea(files, 10000);
            byte[] first = Image(2100, 8);
            byte[] second = Image(2200, 9);
            Stage(staging, first, 2100);
            Stage(staging, second, 2200);

            files.FailNamesStartingWith = "staged";
            files.Truncate = true;
            Assert.IsTrue(staging.Begin(first.Length).IsAccepted);
            Assert.IsTrue(staging.Append(first, 0, first.Length).IsAccepted);
            UpdatesAssert.Refused(ReasonCode.StorageWriteFailed, staging.Commit(), "the index cannot be written");

            files.FailNamesStartingWith = null;
            AssertSame(second, ReadAll(new ChunkedStagingArea(files, 10000), second.Length));
        }

        [TestMethod]
        public void MisuseThrows()
        {
            ChunkedStagingArea staging = new ChunkedStagingArea(new MemoryFileSystem(), 10);
            Assert.ThrowsException(typeof(InvalidOperationException), () => staging.Append(new byte[1], 0, 1));
            Assert.ThrowsException(typeof(InvalidOperationException), () => staging.Commit());
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ChunkedStagingArea(null, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ChunkedStagingArea(new MemoryFileSystem(), 0));
            NetworkTestKit.ThrowsOutOfRange("count", () => staging.ReadStaged(0, new byte[4], 2, 3));
        }

        // Refuses every write while Fail is set, or the writes of files whose names start with FailNamesStartingWith;
        // with Truncate, a refused write empties the file first. Reads and deletes go through.
        private sealed class FailingWrites : IFileSystem
        {
            private readonly MemoryFileSystem _inner;

            public FailingWrites(MemoryFileSystem inner)
            {
                _inner = inner;
            }

            public bool Fail { get; set; }

            public string FailNamesStartingWith { get; set; }

            public bool Truncate { get; set; }

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
                if (Fail || (FailNamesStartingWith != null && fileName.StartsWith(FailNamesStartingWith)))
                {
                    if (Truncate)
                    {
                        _inner.SetRaw(fileName, new byte[0]);
                    }

                    return false;
                }

                return _inner.TryWriteAllBytes(fileName, data, offset, count);
            }

            public bool TryDelete(string fileName)
            {
                return _inner.TryDelete(fileName);
            }
        }
    }
}
