using System;
using nanoFramework.TestFramework;

namespace NetGuard.Storage.Tests
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void Compute_CheckValue_MatchesCatalogue()
        {
            // CRC RevEng catalogue, CRC-32/ISO-HDLC: check = 0xCBF43926 for ASCII "123456789".
            byte[] data = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };

            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void Compute_FlippedBit_ChangesChecksum()
        {
            byte[] data = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            for (int i = 0; i < data.Length * 8; i++)
            {
                data[i / 8] ^= (byte)(1 << (i % 8));
                Assert.IsFalse(Crc32.Compute(data, 0, data.Length) == 0xCBF43926u, "bit " + i.ToString());
                data[i / 8] ^= (byte)(1 << (i % 8));
            }
        }

        [TestMethod]
        public void Compute_Empty_IsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void Compute_UsesOnlyTheRange()
        {
            byte[] padded = new byte[] { 0xFF, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0xFF };

            Assert.AreEqual(0xCBF43926u, Crc32.Compute(padded, 1, 9));
        }

        [TestMethod]
        public void Compute_BadRange_Throws()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => Crc32.Compute(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(new byte[4], 3, 2));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(new byte[4], -1, 1));
        }
    }
}
