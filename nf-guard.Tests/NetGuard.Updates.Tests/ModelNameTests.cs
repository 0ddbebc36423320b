using System;
using nanoFramework.TestFramework;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class ModelNameTests
    {
        [TestMethod]
        public void IsValid_AcceptsLettersDigitsAndDash()
        {
            Assert.IsTrue(ModelName.IsValid("SmartSocket-2"));
            Assert.IsTrue(ModelName.IsValid("abcdefghijklmnopqrstuvwxyz012345"));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("abcdefghijklmnopqrstuvwxyz0123456")]
        [DataRow("smart socket")]
        [DataRow("cam.era")]
        [DataRow("cam_era")]
        public void IsValid_RejectsOthers(string model)
        {
            Assert.IsFalse(ModelName.IsValid(model), model);
        }

        [TestMethod]
        public void Matches_IgnoresCase()
        {
            byte[] bytes = ModelName.ToAsciiLower("SmartSocket");
            Assert.AreEqual("smartsocket", ModelName.ToLower("SmartSocket"));
            Assert.IsTrue(ModelName.Matches(bytes, 0, bytes.Length, "SMARTSOCKET"));
            Assert.IsFalse(ModelName.Matches(bytes, 0, bytes.Length, "SmartSocke"));
            CollectionAssert.AreEqual(ModelName.Hash("SmartSocket"), ModelName.Hash("smartsocket"));
        }

        [TestMethod]
        public void ToLower_ThrowsForInvalidName()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ModelName.ToLower("a b"));
            Assert.ThrowsException(typeof(ArgumentNullException), () => ModelName.ToLower(null));
        }
    }
}
