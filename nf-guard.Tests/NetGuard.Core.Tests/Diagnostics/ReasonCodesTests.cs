using nanoFramework.TestFramework;

namespace NetGuard.Diagnostics.Tests
{
    [TestClass]
    public class ReasonCodesTests
    {
        // Rows pass the code as int: nanoCLR cannot read a [DataRow] with an enum argument (GetCustomAttributes throws).
        [TestMethod]
        [DataRow((int)ReasonCode.Accepted, "Accepted")]
        [DataRow((int)ReasonCode.RateLimited, "RateLimited")]
        [DataRow((int)ReasonCode.SecurityCounterRollback, "SecurityCounterRollback")]
        [DataRow((int)ReasonCode.SetupRequired, "SetupRequired")]
        public void Name_GivesTheEnumMemberName(int code, string expected)
        {
            Assert.AreEqual(expected, ReasonCodeNames.Name((ReasonCode)code));
        }

        [TestMethod]
        public void Name_OfUndefinedValue_SaysUnknownWithTheNumber()
        {
            Assert.AreEqual("Unknown255", ReasonCodeNames.Name((ReasonCode)255));
        }

        [TestMethod]
        public void TryParse_FindsDefinedName()
        {
            bool found = ReasonCodeNames.TryParse("FanOutExceeded", out ReasonCode code);

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
            Assert.IsFalse(ReasonCodeNames.TryParse(name, out ReasonCode _));
        }

        [TestMethod]
        public void TryParse_RefusesNull()
        {
            Assert.IsFalse(ReasonCodeNames.TryParse(null, out ReasonCode _));
        }
    }
}
