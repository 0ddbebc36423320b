using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.Updates.Tests
{
    /// <summary>Assertions for reason codes (by name, so failures read well on the device too).</summary>
    internal static class UpdatesAssert
    {
        public static void Reason(ReasonCode expected, ReasonCode actual, string message)
        {
            Assert.AreEqual(ReasonCodeNames.Name(expected), ReasonCodeNames.Name(actual), message);
        }

        public static void Refused(ReasonCode expected, Decision decision, string message)
        {
            Assert.IsFalse(decision.IsAccepted, message + " (was accepted)");
            Reason(expected, decision.Reason, message);
        }
    }
}
