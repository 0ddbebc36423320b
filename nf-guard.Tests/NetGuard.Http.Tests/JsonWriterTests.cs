using System;
using nanoFramework.TestFramework;
using NetGuard.Text;

namespace NetGuard.Http.Tests
{
    [TestClass]
    public class JsonWriterTests
    {
        private static string Text(JsonWriter writer)
        {
            string text;
            Assert.IsTrue(Utf8.TryDecode(writer.Buffer, 0, writer.Length, out text));
            return text;
        }

        private static byte[] Bytes(JsonWriter writer)
        {
            byte[] bytes = new byte[writer.Length];
            System.Array.Copy(writer.Buffer, bytes, writer.Length);
            return bytes;
        }

        [TestMethod]
        public void Write_ObjectsAndArrays_PlacesCommas()
        {
            JsonWriter w = new JsonWriter(16, 1024);
            w.BeginObject();
            w.WriteNumber("a", -5);
            w.WriteBoolean("b", true);
            w.WriteName("c");
            w.BeginArray();
            w.WriteNumber(1);
            w.BeginObject();
            w.WriteString("d", null);
            w.EndObject();
            w.BeginArray();
            w.EndArray();
            w.WriteNull();
            w.EndArray();
            w.WriteString("e", "x");
            w.EndObject();

            Assert.AreEqual("{\"a\":-5,\"b\":true,\"c\":[1,{\"d\":null},[],null],\"e\":\"x\"}", Text(w));
            Assert.IsTrue(w.IsComplete);
        }

        [TestMethod]
        public void Write_ContainerRightAfterName_AcceptsMembersInside()
        {
            JsonWriter w = new JsonWriter(16, 1024);
            w.BeginObject();
            w.WriteName("recent");
            w.BeginArray();
            w.BeginObject();
            w.WriteNumber("port", 23);
            w.EndObject();
            w.EndArray();
            w.WriteName("inner");
            w.BeginObject();
            w.WriteBoolean("x", false);
            w.EndObject();
            w.EndObject();

            Assert.AreEqual("{\"recent\":[{\"port\":23}],\"inner\":{\"x\":false}}", Text(w));
        }

        [TestMethod]
        public void WriteString_EscapesQuotesControlsAndHtml()
        {
            JsonWriter w = new JsonWriter(16, 1024);
            w.WriteString("\"\\\n\r\t\b\f\u0001\u001f\u007f</script>&'\u2028\u2029");

            Assert.AreEqual("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\\u003c/script\\u003e\\u0026\\u0027\\u2028\\u2029\"", Text(w));
        }

        [TestMethod]
        public void WriteString_NonAscii_WrittenAsUtf8()
        {
            JsonWriter w = new JsonWriter(16, 1024);
            w.WriteString("\u00e9\u20ac\ud83d\ude00");

            byte[] expected = new byte[] { (byte)'"', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, (byte)'"' };
            CollectionAssert.AreEqual(expected, w.ToArray());
        }

        [TestMethod]
        public void WriteString_LoneSurrogate_WrittenAsReplacement()
        {
            JsonWriter w = new JsonWriter(16, 1024);
            w.WriteString("a\ud83db\ude00");

            // Written as the character U+FFFD (EF BF BD), not as an escape: nanoCLR makes the string so already.
            Assert.AreEqual("\"a\ufffdb\ufffd\"", Text(w));
            CollectionAssert.AreEqual(new byte[] { 0x22, 0x61, 0xEF, 0xBF, 0xBD, 0x62, 0xEF, 0xBF, 0xBD, 0x22 }, Bytes(w));
        }

        [TestMethod]
        public void Output_RoundTripsThroughReader()
        {
            JsonWriter w = new JsonWriter(16, 1024);
            string tricky = "<\"\\\u0001\u00e9\ud83d\ude00>";
            w.BeginObject();
            w.WriteString("s", tricky);
            w.EndObject();
            JsonObject o;
            JsonReader.Parse(w.Buffer, 0, w.Length, out o);
            string back;

            Assert.IsTrue(o.TryGetString("s", out back));
            Assert.AreEqual(tricky, back);
        }

        [TestMethod]
        public void Write_BeyondMaxCapacity_SetsOverflowed()
        {
            JsonWriter w = new JsonWriter(16, 32);
            w.WriteString(HttpTestKit.Repeat('a', 40));

            Assert.IsTrue(w.Overflowed);
            Assert.IsFalse(w.IsComplete);
            Assert.IsTrue(w.Length <= 32);
        }

        [TestMethod]
        public void Write_AtMaxCapacity_Fits()
        {
            JsonWriter w = new JsonWriter(16, 32);
            w.WriteString(HttpTestKit.Repeat('a', 30));

            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual(32, w.Length);
        }

        [TestMethod]
        public void Reset_StartsANewDocument()
        {
            JsonWriter w = new JsonWriter(16, 64);
            w.WriteNumber(1);
            w.Reset();
            w.WriteBoolean(false);

            Assert.AreEqual("false", Text(w));
        }

        [TestMethod]
        public void Misuse_Throws()
        {
            JsonWriter w = new JsonWriter(16, 64);
            Assert.ThrowsException(typeof(InvalidOperationException), () => w.WriteName("a"));
            Assert.ThrowsException(typeof(InvalidOperationException), () => w.EndObject());
            w.BeginObject();
            Assert.ThrowsException(typeof(InvalidOperationException), () => w.WriteNumber(1));
            Assert.ThrowsException(typeof(InvalidOperationException), () => w.EndArray());
            w.WriteName("a");
            Assert.ThrowsException(typeof(InvalidOperationException), () => w.WriteName("b"));
            Assert.ThrowsException(typeof(InvalidOperationException), () => w.EndObject());
            w.WriteNumber(1);
            w.EndObject();
            Assert.ThrowsException(typeof(InvalidOperationException), () => w.WriteNumber(2));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new JsonWriter(8, 64));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new JsonWriter(64, 32));
        }
    }
}
