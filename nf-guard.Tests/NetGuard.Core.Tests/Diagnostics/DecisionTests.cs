using System;
using nanoFramework.TestFramework;

namespace NetGuard.Diagnostics.Tests
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
        public void Default_IsNull_SoAForgottenDecisionCannotReadAsAccepted()
        {
            // A decision variable nobody assigned is null: reading it throws instead of accepting.
            Decision decision = default(Decision);

            Assert.IsNull(decision);
            Assert.ThrowsException(typeof(NullReferenceException), () => { bool accepted = decision.IsAccepted; });
        }

        [TestMethod]
        public void Accept_IsOneSharedInstance_AndRefusalsAreNot()
        {
            Assert.AreSame(Decision.Accept(), Decision.Accept());
            Assert.AreNotSame(Decision.Refuse(ReasonCode.RateLimited), Decision.Refuse(ReasonCode.RateLimited));
            Assert.IsFalse(Decision.Refuse(ReasonCode.RateLimited).IsAccepted);
        }
    }
}
