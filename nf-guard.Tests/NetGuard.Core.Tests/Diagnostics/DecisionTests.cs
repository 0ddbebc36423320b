using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.Tests.Diagnostics
{
    [TestClass]
    public class DecisionTests
    {
        [TestMethod]
        public void Accept_IsAcceptedWithNoWait()
        {
            Decision decision = Decision.Accept();

            Assert.IsTrue(decision.IsAccepted);
            Assert.AreEqual((object)ReasonCode.Accepted, decision.Reason);
            Assert.AreEqual(0L, decision.RetryAfterTicks);
        }

        [TestMethod]
        public void Refuse_CarriesReasonAndWait()
        {
            Decision decision = Decision.Refuse(ReasonCode.Throttled, 5 * TimeSpan.TicksPerSecond);

            Assert.IsFalse(decision.IsAccepted);
            Assert.AreEqual((object)ReasonCode.Throttled, decision.Reason);
            Assert.AreEqual(5 * TimeSpan.TicksPerSecond, decision.RetryAfterTicks);
            Assert.AreEqual("Throttled", decision.ToString());
        }

        [TestMethod]
        public void Refuse_WithAcceptedReason_Throws()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Decision.Refuse(ReasonCode.Accepted));
        }

        [TestMethod]
        public void Refuse_WithNegativeWait_Throws()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Decision.Refuse(ReasonCode.RateLimited, -1));
        }

        [TestMethod]
        public void Default_IsAccepted_SoCodeMustStartFromARefusal()
        {
            // A default(Decision) reads as Accepted: decision code must assign a refusal first and accept
            // only on its last line. This test documents that hazard.
            Decision decision = default(Decision);

            Assert.IsTrue(decision.IsAccepted);
        }
    }
}
