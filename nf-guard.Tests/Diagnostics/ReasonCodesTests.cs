using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.Tests.Diagnostics
{
    [TestClass]
    public class ReasonCodesTests
    {
        [TestMethod]
        [DataRow(ReasonCode.Accepted, "Accepted")]
        [DataRow(ReasonCode.RateLimited, "RateLimited")]
        [DataRow(ReasonCode.SecurityCounterRollback, "SecurityCounterRollback")]
        [DataRow(ReasonCode.SetupRequired, "SetupRequired")]
        public void Name_GivesTheEnumMemberName(ReasonCode code, string expected)
        {
            Assert.AreEqual(expected, ReasonCodes.Name(code));
        }

        [TestMethod]
        public void Name_OfUndefinedValue_SaysUnknownWithTheNumber()
        {
            Assert.AreEqual("Unknown255", ReasonCodes.Name((ReasonCode)255));
        }

        [TestMethod]
        public void TryParse_FindsDefinedName()
        {
            bool found = ReasonCodes.TryParse("FanOutExceeded", out ReasonCode code);

            Assert.IsTrue(found);
            Assert.AreEqual((object)ReasonCode.FanOutExceeded, code);
        }

        [TestMethod]
        [DataRow("fanoutexceeded")]
        [DataRow("Unknown255")]
        [DataRow("")]
        [DataRow(" Accepted")]
        public void TryParse_RefusesOtherStrings(string name)
        {
            Assert.IsFalse(ReasonCodes.TryParse(name, out ReasonCode _));
        }

        [TestMethod]
        public void TryParse_RefusesNull()
        {
            Assert.IsFalse(ReasonCodes.TryParse(null, out ReasonCode _));
        }
    }
}
