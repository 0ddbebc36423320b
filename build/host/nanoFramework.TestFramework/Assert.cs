using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by a failed assertion.</summary>
    public sealed class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string message) : base(message) { }
    }

    /// <summary>Thrown by <see cref="Assert.SkipTest"/>.</summary>
    public sealed class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SkipTestException(string message) : base(message) { }
    }

    /// <summary>Assertions with the signatures of nanoFramework.TestFramework 3.0 (non-generic overloads).</summary>
    public sealed class Assert
    {
        private Assert() { }

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        public static void IsTrue(bool condition, string message = "") { if (!condition) Fail("Assert.IsTrue", message); }

        /// <summary>Fails unless <paramref name="condition"/> is false.</summary>
        public static void IsFalse(bool condition, string message = "") { if (condition) Fail("Assert.IsFalse", message); }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "") { Equal(expected, actual, message); }
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "") { Equal(expected, actual, message); }
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(char expected, char actual, string message = "") { Equal(expected, actual, message); }
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(int expected, int actual, string message = "") { Equal(expected, actual, message); }
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "") { Equal(expected, actual, message); }
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(long expected, long actual, string message = "") { Equal(expected, actual, message); }
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(ulong expected, ulong actual, string message = "") { Equal(expected, actual, message); }
        /// <summary>Fails unless the strings are equal (ordinal).</summary>
        public static void AreEqual(string? expected, string? actual, string message = "") { if (!string.Equals(expected, actual, StringComparison.Ordinal)) Fail("Assert.AreEqual", $"Expected:<{expected}>. Actual:<{actual}>. {message}"); }
        /// <summary>Fails unless <see cref="object.Equals(object, object)"/> holds.</summary>
        public static void AreEqual(object? expected, object? actual, string message = "") { Equal(expected, actual, message); }

        /// <summary>Fails when the values are equal.</summary>
        public static void AreNotEqual(int notExpected, int actual, string message = "") { NotEqual(notExpected, actual, message); }
        /// <summary>Fails when the values are equal.</summary>
        public static void AreNotEqual(long notExpected, long actual, string message = "") { NotEqual(notExpected, actual, message); }
        /// <summary>Fails when the strings are equal (ordinal).</summary>
        public static void AreNotEqual(string? notExpected, string? actual, string message = "") { NotEqual(notExpected, actual, message); }
        /// <summary>Fails when <see cref="object.Equals(object, object)"/> holds.</summary>
        public static void AreNotEqual(object? notExpected, object? actual, string message = "") { NotEqual(notExpected, actual, message); }

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        public static void IsNull(object? value, string message = "") { if (value is not null) Fail("Assert.IsNull", message); }
        /// <summary>Fails when <paramref name="value"/> is null.</summary>
        public static void IsNotNull(object? value, string message = "") { if (value is null) Fail("Assert.IsNotNull", message); }
        /// <summary>Fails unless both are the same instance.</summary>
        public static void AreSame(object? expected, object? actual, string message = "") { if (!ReferenceEquals(expected, actual)) Fail("Assert.AreSame", message); }
        public static void AreNotSame(object? notExpected, object? actual, string message = "") { if (ReferenceEquals(notExpected, actual)) Fail("Assert.AreNotSame", message); }

        /// <summary>Fails unless <paramref name="value"/> is an instance of <paramref name="expectedType"/>.</summary>
        public static void IsInstanceOfType(object? value, Type expectedType, string message = "")
        {
            if (value is null || !expectedType.IsInstanceOfType(value)) Fail("Assert.IsInstanceOfType", $"Expected type:<{expectedType}>. Actual:<{value?.GetType()}>. {message}");
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws <paramref name="exceptionType"/> exactly, as the
        /// nanoFramework framework checks it (a derived type does not count).
        /// </summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is not AssertFailedException and not SkipTestException)
            {
                if (ex.GetType() != exceptionType)
                {
                    Fail("Assert.ThrowsException", $"Expected exception type:<{exceptionType}>. Actual:<{ex.GetType()}>: {ex.Message}. {message}");
                }

                return;
            }

            Fail("Assert.ThrowsException", $"Expected exception type:<{exceptionType}> but none was thrown. {message}");
        }

        /// <summary>Ends the test as skipped.</summary>
        public static void SkipTest(string message = "") { throw new SkipTestException(message); }

        private static void Equal(object? expected, object? actual, string message)
        {
            if (!Equals(expected, actual)) Fail("Assert.AreEqual", $"Expected:<{expected}>. Actual:<{actual}>. {message}");
        }

        private static void NotEqual(object? notExpected, object? actual, string message)
        {
            if (Equals(notExpected, actual)) Fail("Assert.AreNotEqual", $"Did not expect:<{actual}>. {message}");
        }

        internal static void Fail(string assertion, string message)
        {
            throw new AssertFailedException($"{assertion} failed. {message}");
        }
    }

    /// <summary>Collection assertions with the signatures of nanoFramework.TestFramework 3.0.</summary>
    public sealed class CollectionAssert
    {
        private CollectionAssert() { }

        /// <summary>Fails unless both collections have the same count and equal elements in order.</summary>
        public static void AreEqual(System.Collections.ICollection? expected, System.Collections.ICollection? actual, string message = "")
        {
            if (expected is null || actual is null)
            {
                if (!ReferenceEquals(expected, actual)) Assert.Fail("CollectionAssert.AreEqual", $"One collection is null. {message}");
                return;
            }

            if (expected.Count != actual.Count)
            {
                Assert.Fail("CollectionAssert.AreEqual", $"Counts differ: expected {expected.Count}, actual {actual.Count}. {message}");
            }

            System.Collections.IEnumerator left = expected.GetEnumerator();
            System.Collections.IEnumerator right = actual.GetEnumerator();
            for (int i = 0; left.MoveNext() && right.MoveNext(); i++)
            {
                if (!Equals(left.Current, right.Current))
                {
                    Assert.Fail("CollectionAssert.AreEqual", $"Element {i} differs: expected <{left.Current}>, actual <{right.Current}>. {message}");
                }
            }
        }
    }

    /// <summary>Writes a line to the test output.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes <paramref name="message"/> to standard output.</summary>
        public static void WriteLine(string message) { Console.WriteLine(message); }
    }
}
