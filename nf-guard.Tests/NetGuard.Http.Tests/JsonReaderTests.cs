using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Text;

namespace NetGuard.Http.Tests
{
    [TestClass]
    public class JsonReaderTests
    {
        private static ReasonCode Parse(string json, out JsonObject result)
        {
            byte[] data = Utf8.GetBytes(json);
            return JsonReader.Parse(data, 0, data.Length, out result);
        }

        private static ReasonCode ParseBytes(byte[] data)
        {
            JsonObject result;
            return JsonReader.Parse(data, 0, data.Length, out result);
        }

        private static string StringMember(string json)
        {
            JsonObject result;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)Parse(json, out result), json);
            string value;
            Assert.IsTrue(result.TryGetString("s", out value), json);
            return value;
        }

        [TestMethod]
        public void Parse_FlatObject_ReadsEveryKind()
        {
            JsonObject o;
            ReasonCode reason = Parse(" {\"setupCode\":\"AB-12\", \"on\":true,\"off\":false,\"n\":-42,\"f\":1.5e3,\"z\":null,\"nested\":{\"a\":[1,{\"b\":[]}]}} \r\n", out o);

            Assert.AreEqual((object)ReasonCode.Accepted, (object)reason);
            Assert.AreEqual(7, o.Count);
            string code;
            Assert.IsTrue(o.TryGetString("setupCode", out code));
            Assert.AreEqual("AB-12", code);
            bool on;
            Assert.IsTrue(o.TryGetBoolean("on", out on));
            Assert.IsTrue(on);
            bool off;
            Assert.IsTrue(o.TryGetBoolean("off", out off));
            Assert.IsFalse(off);
            long n;
            Assert.IsTrue(o.TryGetInt64("n", out n));
            Assert.AreEqual(-42L, n);
            long f;
            Assert.IsFalse(o.TryGetInt64("f", out f), "not an integer");
            Assert.AreEqual((object)JsonValueKind.Number, (object)o.KindOf("f"));
            Assert.AreEqual((object)JsonValueKind.Null, (object)o.KindOf("z"));
            Assert.AreEqual((object)JsonValueKind.Nested, (object)o.KindOf("nested"));
            Assert.AreEqual((object)JsonValueKind.None, (object)o.KindOf("missing"));
            Assert.AreEqual("nested", o.NameAt(6));
        }

        [TestMethod]
        public void Parse_WrongKind_IsNotReturned()
        {
            JsonObject o;
            Parse("{\"on\":\"true\",\"s\":1}", out o);

            bool on;
            string s;
            Assert.IsFalse(o.TryGetBoolean("on", out on));
            Assert.IsFalse(o.TryGetString("s", out s));
        }

        [TestMethod]
        public void Parse_EmptyObject_Accepted()
        {
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)Parse("{}", out o));
            Assert.AreEqual(0, o.Count);
        }

        [TestMethod]
        public void Strings_AllEscapes_Decoded()
        {
            Assert.AreEqual("\" \\ / \b \f \n \r \t", StringMember("{\"s\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}"));
            Assert.AreEqual("\u00e9\u20ac\u0001A", StringMember("{\"s\":\"\\u00e9\\u20AC\\u0001\\u0041\"}"));
        }

        [TestMethod]
        public void Strings_NulEscape_IsNotAString()
        {
            // A nanoFramework string ends at U+0000: "a\u0000b" would reach the device as "a", so no platform accepts it.
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)Parse("{\"s\":\"a\\u0000b\",\"t\":\"ab\"}", out o));
            string value;

            Assert.IsFalse(o.TryGetString("s", out value));
            Assert.IsNull(value);
            Assert.IsTrue(o.TryGetString("t", out value));
        }

        [TestMethod]
        public void Strings_SurrogatePairEscape_DecodedToOneCodePoint()
        {
            string value = StringMember("{\"s\":\"\\ud83d\\ude00\"}");

            char[] chars = value.ToCharArray();

            Assert.AreEqual(2, chars.Length);
            Assert.AreEqual((int)0xD83D, (int)chars[0]);
            Assert.AreEqual((int)0xDE00, (int)chars[1]);
        }

        [TestMethod]
        public void Strings_RawUtf8_Decoded()
        {
            byte[] data = new byte[] { (byte)'{', (byte)'"', (byte)'s', (byte)'"', (byte)':', (byte)'"', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, (byte)'"', (byte)'}' };
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)JsonReader.Parse(data, 0, data.Length, out o));
            string s;
            Assert.IsTrue(o.TryGetString("s", out s));
            Assert.AreEqual("\u00e9\u20ac\ud83d\ude00", s);
        }

        [TestMethod]
        public void TryCopyString_WritesUtf8_AndRefusesTooSmallBuffer()
        {
            JsonObject o;
            Parse("{\"password\":\"p\\u00e9ss\"}", out o);
            byte[] big = new byte[16];
            byte[] small = new byte[4];
            int length;

            Assert.IsTrue(o.TryCopyString("password", big, 2, out length));
            Assert.AreEqual(5, length);
            Assert.AreEqual((byte)'p', big[2]);
            Assert.AreEqual((byte)0xC3, big[3]);
            Assert.AreEqual((byte)0xA9, big[4]);
            Assert.IsFalse(o.TryCopyString("password", small, 0, out length));
            Assert.AreEqual(0, length);
        }

        [TestMethod]
        [DataRow("{\"s\":\"\\ud83d\"}")]
        [DataRow("{\"s\":\"\\ud83dx\"}")]
        [DataRow("{\"s\":\"\\ud83d\\u0041\"}")]
        [DataRow("{\"s\":\"\\ude00\"}")]
        [DataRow("{\"s\":\"\\u12\"}")]
        [DataRow("{\"s\":\"\\u12g4\"}")]
        [DataRow("{\"s\":\"\\x41\"}")]
        [DataRow("{\"s\":\"\\'\"}")]
        [DataRow("{\"s\":\"tab\there\"}")]
        [DataRow("{\"s\":\"line\nbreak\"}")]
        [DataRow("{\"s\":\"unterminated}")]
        [DataRow("{\"s\":\"a\"")]
        [DataRow("{\"s\":\"a\",}")]
        [DataRow("{\"s\" \"a\"}")]
        [DataRow("{\"s\":}")]
        [DataRow("{s:\"a\"}")]
        [DataRow("{'s':'a'}")]
        [DataRow("{\"s\":\"a\"} x")]
        [DataRow("{\"s\":\"a\"}{}")]
        [DataRow("{\"s\":\"a\",\"s\":\"b\"}")]
        [DataRow("{\"s\":1,\"s\":1}")]
        [DataRow("[]")]
        [DataRow("\"s\"")]
        [DataRow("")]
        [DataRow("   ")]
        [DataRow("{\"n\":01}")]
        [DataRow("{\"n\":1.}")]
        [DataRow("{\"n\":.5}")]
        [DataRow("{\"n\":+1}")]
        [DataRow("{\"n\":-}")]
        [DataRow("{\"n\":1e}")]
        [DataRow("{\"n\":NaN}")]
        [DataRow("{\"b\":tru}")]
        [DataRow("{\"b\":True}")]
        [DataRow("{\"b\":nul}")]
        [DataRow("{\"a\":[1,]}")]
        [DataRow("{\"a\":[1 2]}")]
        [DataRow("{\"a\":{\"x\":1,}}")]
        [DataRow("{\"a\":{\"x\"}}")]
        [DataRow("{\"a\":[}")]
        [DataRow("{\"a\":[1}]}")]
        [DataRow("{\"a\":{]}")]
        public void Parse_Malformed_Refused(string json)
        {
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.Malformed, (object)Parse(json, out o), json);
            Assert.IsNull(o);
        }

        [TestMethod]
        public void Parse_InvalidUtf8_Refused()
        {
            byte[][] bad = new byte[][]
            {
                new byte[] { 0xC0, 0x80 },             // overlong NUL
                new byte[] { 0xE0, 0x80, 0xAF },       // overlong '/'
                new byte[] { 0xED, 0xA0, 0x80 },       // encoded surrogate
                new byte[] { 0xF4, 0x90, 0x80, 0x80 }, // above U+10FFFF
                new byte[] { 0xF5, 0x80, 0x80, 0x80 },
                new byte[] { 0xFF },
                new byte[] { 0x80 },                   // lone continuation
                new byte[] { 0xC3 },                   // truncated
                new byte[] { 0xE2, 0x82 },
            };

            for (int i = 0; i < bad.Length; i++)
            {
                byte[] doc = new byte[8 + bad[i].Length];
                byte[] prefix = Utf8.GetBytes("{\"s\":\"");
                prefix.CopyTo(doc, 0);
                bad[i].CopyTo(doc, prefix.Length);
                doc[doc.Length - 2] = (byte)'"';
                doc[doc.Length - 1] = (byte)'}';
                Assert.AreEqual((object)ReasonCode.Malformed, (object)ParseBytes(doc), "case " + i.ToString());
            }
        }

        [TestMethod]
        public void Parse_ByteOrderMark_Refused()
        {
            byte[] doc = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' };

            Assert.AreEqual((object)ReasonCode.Malformed, (object)ParseBytes(doc));
        }

        [TestMethod]
        public void Parse_InvalidUtf8InName_Refused()
        {
            byte[] doc = new byte[] { (byte)'{', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)':', (byte)'1', (byte)'}' };

            Assert.AreEqual((object)ReasonCode.Malformed, (object)ParseBytes(doc));
        }

        private static string Nested(int depth)
        {
            // depth counts the top-level object: depth 2 is {"a":[0]}.
            string open = string.Empty;
            string close = string.Empty;
            for (int i = 1; i < depth; i++)
            {
                open += "[";
                close += "]";
            }

            return "{\"a\":" + open + "0" + close + "}";
        }

        [TestMethod]
        public void Parse_NestingAtMaxDepth_Accepted()
        {
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)Parse(Nested(JsonReader.MaxDepth), out o));
        }

        [TestMethod]
        public void Parse_NestingOnePastMaxDepth_Refused()
        {
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.TooLarge, (object)Parse(Nested(JsonReader.MaxDepth + 1), out o));
        }

        [TestMethod]
        public void Parse_DeepHostileNesting_RefusedWithoutRecursion()
        {
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.TooLarge, (object)Parse("{\"a\":" + HttpTestKit.Repeat('[', 5000) + "}", out o));
        }

        private static string Members(int count)
        {
            string json = "{";
            for (int i = 0; i < count; i++)
            {
                json += (i == 0 ? string.Empty : ",") + "\"m" + i.ToString() + "\":" + i.ToString();
            }

            return json + "}";
        }

        [TestMethod]
        public void Parse_MaxMembers_Accepted()
        {
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)Parse(Members(JsonReader.MaxMembers), out o));
            Assert.AreEqual(JsonReader.MaxMembers, o.Count);
        }

        [TestMethod]
        public void Parse_OnePastMaxMembers_Refused()
        {
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.TooLarge, (object)Parse(Members(JsonReader.MaxMembers + 1), out o));
        }

        [TestMethod]
        public void Parse_AtMaxBytes_Accepted_OnePast_Refused()
        {
            string filler = HttpTestKit.Repeat('x', JsonReader.MaxBytes - 8);
            JsonObject o;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)Parse("{\"s\":\"" + filler + "\"}", out o));
            Assert.AreEqual((object)ReasonCode.TooLarge, (object)Parse("{\"s\":\"" + filler + "x\"}", out o));
        }

        [TestMethod]
        public void TryGetInt64_Limits()
        {
            JsonObject o;
            Parse("{\"max\":9223372036854775807,\"min\":-9223372036854775808,\"over\":9223372036854775808,\"under\":-9223372036854775809,\"zero\":-0}", out o);
            long v;

            Assert.IsTrue(o.TryGetInt64("max", out v));
            Assert.AreEqual(long.MaxValue, v);
            Assert.IsTrue(o.TryGetInt64("min", out v));
            Assert.AreEqual(long.MinValue, v);
            Assert.IsFalse(o.TryGetInt64("over", out v));
            Assert.IsFalse(o.TryGetInt64("under", out v));
            Assert.IsTrue(o.TryGetInt64("zero", out v));
            Assert.AreEqual(0L, v);
        }

        [TestMethod]
        public void Parse_NullBuffer_Throws()
        {
            JsonObject o;
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => JsonReader.Parse(null, 0, 0, out o));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => JsonReader.Parse(new byte[2], 1, 2, out o));
        }
    }
}
