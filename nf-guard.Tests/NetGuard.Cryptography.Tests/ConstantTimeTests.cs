// Copyright (c) NetGuard contributors. MIT licence.

using System;
using nanoFramework.TestFramework;

namespace NetGuard.Cryptography.Tests
{
    [TestClass]
    public class ConstantTimeTests
    {
        [TestMethod]
        public void Equals_SameContent_IsTrue()
        {
            Assert.IsTrue(ConstantTime.Equals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
        }

        [TestMethod]
        public void Equals_LastByteDiffers_IsFalse()
        {
            Assert.IsFalse(ConstantTime.Equals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 }));
        }

        [TestMethod]
        public void Equals_LengthDiffers_IsFalse()
        {
            Assert.IsFalse(ConstantTime.Equals(new byte[] { 1, 2 }, new byte[] { 1, 2, 3 }));
        }

        [TestMethod]
        public void Clear_ZeroesEveryByte()
        {
            byte[] secret = { 9, 8, 7 };
            ConstantTime.Clear(secret);
            CollectionAssert.AreEqual(new byte[3], secret);
        }

        [TestMethod]
        public void Equals_NullThrows()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => ConstantTime.Equals(null, new byte[0]));
        }
    }
}
