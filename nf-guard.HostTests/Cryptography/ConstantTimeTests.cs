// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using NetGuard.Cryptography;

namespace NetGuard.HostTests.Cryptography
{
    public class ConstantTimeTests
    {
        [Fact]
        public void Equals_SameContentIsTrue()
        {
            Assert.True(ConstantTime.Equals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
            Assert.True(ConstantTime.Equals(Array.Empty<byte>(), Array.Empty<byte>()));
        }

        [Fact]
        public void Equals_AnySingleBitDifferenceIsFalse()
        {
            // Arrange
            byte[] a = new byte[16];
            new Random(3).NextBytes(a);
            for (int bit = 0; bit < 128; bit++)
            {
                byte[] b = (byte[])a.Clone();
                b[bit / 8] ^= (byte)(1 << (bit % 8));

                // Act + Assert
                Assert.False(ConstantTime.Equals(a, b), "bit " + bit);
            }
        }

        [Fact]
        public void Equals_DifferentLengthsIsFalse()
        {
            Assert.False(ConstantTime.Equals(new byte[] { 1, 2 }, new byte[] { 1, 2, 0 }));
        }

        [Fact]
        public void Equals_RangeOverloadComparesOnlyTheRanges()
        {
            byte[] a = { 9, 1, 2, 3, 9 };
            byte[] b = { 1, 2, 3 };
            Assert.True(ConstantTime.Equals(a, 1, b, 0, 3));
            Assert.False(ConstantTime.Equals(a, 0, b, 0, 3));
            Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ConstantTime.Equals(a, 3, b, 0, 3)).ParamName);
            Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => ConstantTime.Equals(null, b)).ParamName);
            Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => ConstantTime.Equals(a, null)).ParamName);
        }

        [Fact]
        public void Clear_ZeroesTheBufferOrRange()
        {
            byte[] whole = { 1, 2, 3 };
            byte[] part = { 1, 2, 3, 4 };
            ConstantTime.Clear(whole);
            ConstantTime.Clear(part, 1, 2);
            ConstantTime.Clear(null);
            Assert.Equal(new byte[3], whole);
            Assert.Equal(new byte[] { 1, 0, 0, 4 }, part);
            Assert.Throws<ArgumentOutOfRangeException>(() => ConstantTime.Clear(part, 3, 2));
        }
    }
}
