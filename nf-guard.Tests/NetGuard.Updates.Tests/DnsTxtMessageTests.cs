using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class DnsTxtMessageTests
    {
        private const string Name = "_netguard.smartsocket.updates.example.com";

        private static byte[] Query(int id)
        {
            byte[] buffer = new byte[300];
            int length = DnsTxtMessage.BuildQuery(id, Name, buffer, 0);
            byte[] query = new byte[length];
            Array.Copy(buffer, query, length);
            return query;
        }

        [TestMethod]
        public void BuildQuery_WritesHeaderQuestionTxtIn()
        {
            byte[] query = Query(0xBEEF);

            Assert.AreEqual((byte)0xBE, query[0]);
            Assert.AreEqual((byte)0xEF, query[1]);
            Assert.AreEqual((byte)0x01, query[2], "RD only");
            Assert.AreEqual((byte)0x00, query[3]);
            Assert.AreEqual((byte)1, query[5], "QDCOUNT");
            Assert.AreEqual((byte)9, query[12], "first label length (_netguard)");
            Assert.AreEqual((byte)'_', query[13]);
            Assert.AreEqual(12 + Name.Length + 2 + 4, query.Length);
            Assert.AreEqual((byte)16, query[query.Length - 3], "QTYPE TXT");
            Assert.AreEqual((byte)1, query[query.Length - 1], "QCLASS IN");
        }

        [TestMethod]
        public void BuildQuery_RefusesInvalidNames()
        {
            byte[] buffer = new byte[300];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => DnsTxtMessage.BuildQuery(1, "a..b", buffer, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => DnsTxtMessage.BuildQuery(1, "a b", buffer, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => DnsTxtMessage.BuildQuery(1, "", buffer, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => DnsTxtMessage.BuildQuery(70000, "a.b", buffer, 0));
        }

        [TestMethod]
        public void Parse_AcceptsAnswerAndConcatenatesCharacterStrings()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "abcdefghij" }, 3);

            string[] values;
            ReasonCode reason;
            bool ok = DnsTxtMessage.TryParseTxtResponse(response, 0, response.Length, 7, Name, out values, out reason);

            Assert.IsTrue(ok, ReasonCodeNames.Name(reason));
            Assert.AreEqual(1, values.Length);
            Assert.AreEqual("abcdefghij", values[0]);
        }

        [TestMethod]
        public void Parse_ReturnsSeveralTxtRecords()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "one", "two" }, 255);

            string[] values;
            ReasonCode reason;
            Assert.IsTrue(DnsTxtMessage.TryParseTxtResponse(response, 0, response.Length, 7, Name, out values, out reason));
            Assert.AreEqual(2, values.Length);
            Assert.AreEqual("two", values[1]);
        }

        [TestMethod]
        public void Parse_SkipsOtherTxtRecordsAtTheName()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "v=spf1 -all", "Zm9v" }, 255);
            byte[] query = Query(7);
            response[query.Length + 12 + 1] = 0x07; // a control character in the first record

            string[] values;
            ReasonCode reason;
            Assert.IsTrue(DnsTxtMessage.TryParseTxtResponse(response, 0, response.Length, 7, Name, out values, out reason), ReasonCodeNames.Name(reason));
            Assert.AreEqual(1, values.Length);
            Assert.AreEqual("Zm9v", values[0]);
        }

        [TestMethod]
        public void Parse_RejectsWrongTransactionId()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "x" }, 255);
            AssertDropped(response, 8, ReasonCode.Malformed, "wrong id");
        }

        [TestMethod]
        public void Parse_RejectsWrongQuestionName()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "x" }, 255);
            response[14] = (byte)'X'; // "_netguard" becomes "_xetguard"
            AssertDropped(response, 7, ReasonCode.Malformed, "other name");
        }

        [TestMethod]
        public void Parse_RejectsWrongQuestionType()
        {
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "x" }, 255);
            response[query.Length - 3] = 1; // QTYPE A
            AssertDropped(response, 7, ReasonCode.Malformed, "type A");
        }

        [TestMethod]
        public void Parse_AcceptsQuestionNameInOtherCase()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "x" }, 255);
            response[14] = (byte)'N';
            string[] values;
            ReasonCode reason;
            Assert.IsTrue(DnsTxtMessage.TryParseTxtResponse(response, 0, response.Length, 7, Name, out values, out reason), "DNS names are case-insensitive");
        }

        [TestMethod]
        public void Parse_RejectsQueryInsteadOfResponse()
        {
            byte[] query = Query(7);
            AssertDropped(query, 7, ReasonCode.Malformed, "QR clear");
        }

        [TestMethod]
        public void Parse_RejectsTruncatedFlag()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "x" }, 255);
            response[2] |= 0x02;
            AssertDropped(response, 7, ReasonCode.Truncated, "TC");
        }

        [TestMethod]
        public void Parse_ReportsNxDomainAsNotFound()
        {
            byte[] query = Query(7);
            byte[] response = (byte[])query.Clone();
            response[2] = 0x81;
            response[3] = 0x83;
            AssertDropped(response, 7, ReasonCode.NotFound, "NXDOMAIN");
        }

        [TestMethod]
        public void Parse_ReportsNoAnswerAsNotFound()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[0], 255);
            AssertDropped(response, 7, ReasonCode.NotFound, "no answers");
        }

        [TestMethod]
        public void Parse_RejectsEveryTruncation()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "abcdef" }, 255);
            for (int length = 0; length < response.Length; length++)
            {
                string[] values;
                ReasonCode reason;
                Assert.IsFalse(DnsTxtMessage.TryParseTxtResponse(response, 0, length, 7, Name, out values, out reason), "length " + length.ToString());
                Assert.IsNull(values);
            }
        }

        [TestMethod]
        public void Parse_RejectsCompressionPointerToItself()
        {
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "x" }, 255);
            int answer = query.Length;
            response[answer] = 0xC0;
            response[answer + 1] = (byte)answer;
            AssertDropped(response, 7, ReasonCode.Malformed, "self pointer");
        }

        [TestMethod]
        public void Parse_RejectsForwardPointer()
        {
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "x" }, 255);
            int answer = query.Length;
            response[answer + 1] = (byte)(answer + 4);
            AssertDropped(response, 7, ReasonCode.Malformed, "forward pointer");
        }

        [TestMethod]
        public void Parse_RejectsPointerLoopThroughTwoNames()
        {
            // Answer name at A: label "a", then a pointer back to A itself via a second pointer: A -> "a" + ptr(A).
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "x" }, 255);
            int answer = query.Length;
            byte[] looped = new byte[response.Length + 3];
            Array.Copy(response, looped, answer);
            looped[answer] = 1;
            looped[answer + 1] = (byte)'a';
            looped[answer + 2] = 0xC0;
            looped[answer + 3] = (byte)answer;
            Array.Copy(response, answer + 2, looped, answer + 4, response.Length - answer - 2);
            AssertDropped(looped, 7, ReasonCode.Malformed, "loop");
        }

        [TestMethod]
        public void Parse_RejectsExtendedLabelType()
        {
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "x" }, 255);
            response[query.Length] = 0x41;
            Assert.IsFalse(Parses(response, 7));
        }

        [TestMethod]
        public void Parse_RejectsRdLengthPastTheEnd()
        {
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "x" }, 255);
            response[query.Length + 11] = 200;
            AssertDropped(response, 7, ReasonCode.Truncated, "rdlength");
        }

        [TestMethod]
        public void Parse_RejectsCharacterStringPastRdata()
        {
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "xy" }, 255);
            response[query.Length + 12] = 5;
            AssertDropped(response, 7, ReasonCode.Malformed, "string length");
        }

        [TestMethod]
        public void Parse_RejectsTooManyAnswers()
        {
            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { "x" }, 255);
            response[7] = 17;
            AssertDropped(response, 7, ReasonCode.TooLarge, "17 answers");
        }

        [TestMethod]
        public void Parse_RejectsOversizedTxtValue()
        {
            char[] big = new char[256];
            for (int i = 0; i < big.Length; i++)
            {
                big[i] = 'A';
            }

            byte[] response = DnsTestMessages.TxtResponse(Query(7), new string[] { new string(big) }, 200);
            AssertDropped(response, 7, ReasonCode.TooLarge, "256 characters");
        }

        [TestMethod]
        public void Parse_RejectsOversizedMessage()
        {
            byte[] response = new byte[513];
            AssertDropped(response, 0, ReasonCode.TooLarge, "513 bytes");
        }

        [TestMethod]
        public void Parse_RejectsControlCharactersInValue()
        {
            byte[] query = Query(7);
            byte[] response = DnsTestMessages.TxtResponse(query, new string[] { "xy" }, 255);
            response[query.Length + 13] = 0x0A;
            AssertDropped(response, 7, ReasonCode.Malformed, "newline");
        }

        private static bool Parses(byte[] response, int id)
        {
            string[] values;
            ReasonCode reason;
            return DnsTxtMessage.TryParseTxtResponse(response, 0, response.Length, id, Name, out values, out reason);
        }

        private static void AssertDropped(byte[] response, int id, ReasonCode expected, string message)
        {
            string[] values;
            ReasonCode reason;
            Assert.IsFalse(DnsTxtMessage.TryParseTxtResponse(response, 0, response.Length, id, Name, out values, out reason), message);
            UpdatesAssert.Reason(expected, reason, message);
        }
    }
}
