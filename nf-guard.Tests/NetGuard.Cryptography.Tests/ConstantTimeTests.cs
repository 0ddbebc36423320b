// Copyright (c) NetGuard contributors. MIT licence.

using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Cryptography.Tests
{
    [TestClass]
    public class ConstantTimeTests
    {
        [TestMethod]
        public void Equals_SameContent_IsTrue()
        {
            Assert.IsTrue(ConstantTime.Equals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
            Assert.IsTrue(ConstantTime.Equals(new byte[0], new byte[0]));
        }

        [TestMethod]
        public void Equals_AnySingleBitDifference_IsFalse()
        {
            byte[] a = new byte[16];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (byte)((i * 37) + 11);
            }

            byte[] b = new byte[16];
            for (int bit = 0; bit < 128; bit++)
            {
                Array.Copy(a, b, a.Length);
                b[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.IsFalse(ConstantTime.Equals(a, b), "bit " + bit.ToString());
            }
        }

        [TestMethod]
        public void Equals_LengthDiffers_IsFalse()
        {
            Assert.IsFalse(ConstantTime.Equals(new byte[] { 1, 2 }, new byte[] { 1, 2, 0 }));
        }

        [TestMethod]
        public void Equals_RangeOverload_ComparesOnlyTheRanges()
        {
            byte[] a = { 9, 1, 2, 3, 9 };
            byte[] b = { 1, 2, 3 };

            Assert.IsTrue(ConstantTime.Equals(a, 1, b, 0, 3));
            Assert.IsFalse(ConstantTime.Equals(a, 0, b, 0, 3));
            NetworkTestKit.ThrowsOutOfRange("count", () => ConstantTime.Equals(a, 3, b, 0, 3));
        }

        [TestMethod]
        public void Equals_Null_ThrowsNamingTheArgument()
        {
            NetworkTestKit.ThrowsNull("a", () => ConstantTime.Equals(null, new byte[0]));
            NetworkTestKit.ThrowsNull("b", () => ConstantTime.Equals(new byte[0], null));
        }

        [TestMethod]
        public void Clear_ZeroesTheBufferOrTheRange()
        {
            byte[] whole = { 9, 8, 7 };
            byte[] part = { 1, 2, 3, 4 };

            ConstantTime.Clear(whole);
            ConstantTime.Clear(part, 1, 2);
            ConstantTime.Clear(null);

            CollectionAssert.AreEqual(new byte[3], whole);
            CollectionAssert.AreEqual(new byte[] { 1, 0, 0, 4 }, part);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ConstantTime.Clear(part, 3, 2));
        }
    }
}
