using nanoFramework.TestFramework;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class FirmwareVersionTests
    {
        [TestMethod]
        public void TryParse_AcceptsThreeParts()
        {
            FirmwareVersion version;
            Assert.IsTrue(FirmwareVersion.TryParse("255.0.65535", out version));
            Assert.AreEqual(255, version.Major);
            Assert.AreEqual(65535, version.Patch);
            Assert.AreEqual("255.0.65535", version.ToString());
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("1.2")]
        [DataRow("1.2.3.4")]
        [DataRow("256.0.0")]
        [DataRow("1.256.0")]
        [DataRow("1.2.65536")]
        [DataRow("1..3")]
        [DataRow("1.2.")]
        [DataRow("-1.2.3")]
        [DataRow("1.2.3a")]
        [DataRow("000001.2.3")]
        public void TryParse_RejectsMalformed(string text)
        {
            FirmwareVersion version;
            Assert.IsFalse(FirmwareVersion.TryParse(text, out version), text);
        }

        [TestMethod]
        public void CompareTo_OrdersMajorMinorPatch()
        {
            Assert.IsTrue(new FirmwareVersion(1, 2, 3).CompareTo(new FirmwareVersion(1, 2, 4)) < 0);
            Assert.IsTrue(new FirmwareVersion(1, 3, 0).CompareTo(new FirmwareVersion(1, 2, 9)) > 0);
            Assert.IsTrue(new FirmwareVersion(2, 0, 0).CompareTo(new FirmwareVersion(1, 9, 9)) > 0);
            Assert.AreEqual(0, new FirmwareVersion(1, 2, 3).CompareTo(new FirmwareVersion(1, 2, 3)));
        }

        [TestMethod]
        public void WireForm_IsMcubootLayout()
        {
            byte[] bytes = new byte[4];
            new FirmwareVersion(1, 2, 0x0304).WriteTo(bytes, 0);
            CollectionAssert.AreEqual(new byte[] { 1, 2, 4, 3 }, bytes);
            Assert.AreEqual("1.2.772", FirmwareVersion.ReadFrom(bytes, 0).ToString());
        }
    }
}
