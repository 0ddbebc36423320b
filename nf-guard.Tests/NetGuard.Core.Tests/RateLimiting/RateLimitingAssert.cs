using System;
using nanoFramework.TestFramework;

namespace NetGuard.Tests.RateLimiting
{
    /// <summary>Assertions shared by the rate-limiting tests (TestFramework's API has no ParamName check).</summary>
    internal static class RateLimitingAssert
    {
        /// <summary>Asserts that <paramref name="action"/> throws ArgumentOutOfRangeException naming <paramref name="paramName"/>.</summary>
        public static void ThrowsOutOfRange(string paramName, Action action)
        {
            bool thrown = false;
            try
            {
                action();
            }
            catch (ArgumentOutOfRangeException e)
            {
                thrown = true;
                Assert.AreEqual(paramName, e.ParamName, "wrong parameter named");
            }

            Assert.IsTrue(thrown, "expected ArgumentOutOfRangeException for " + paramName);
        }
    }
}
