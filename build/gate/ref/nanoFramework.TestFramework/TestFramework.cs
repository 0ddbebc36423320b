// Signatures from nanoframework/nanoFramework.TestFramework 3.0 (source/TestFramework, Assert.NoGenerics.*.cs): the
// Assert members the portable tests use; every body throws. The attributes are the host launcher's own
// (build/host/nanoFramework.TestFramework/Attributes.cs, compiled in here too): the same names and shapes.
using System;

namespace nanoFramework.TestFramework
{
    public sealed class Assert
    {
        public static void IsTrue(bool condition, string message = "") { throw new NotImplementedException(); }
        public static void IsFalse(bool condition, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(bool expected, bool actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(byte expected, byte actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(char expected, char actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(int expected, int actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(uint expected, uint actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(long expected, long actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(string expected, string actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(object expected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void IsNull(object value, string message = "") { throw new NotImplementedException(); }
        public static void IsNotNull(object value, string message = "") { throw new NotImplementedException(); }
        public static void AreSame(object expected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotSame(object notExpected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void IsInstanceOfType(object value, Type expectedType, string message = "") { throw new NotImplementedException(); }
        public static void ThrowsException(Type exceptionType, Action action, string message = "") { throw new NotImplementedException(); }
        public static void SkipTest(string message = "") { throw new NotImplementedException(); }
    }

    public sealed class CollectionAssert
    {
        public static void AreEqual(System.Collections.ICollection expected, System.Collections.ICollection actual, string message = "") { throw new NotImplementedException(); }
    }

    public static class OutputHelper
    {
        public static void WriteLine(string message) { throw new NotImplementedException(); }
    }
}
