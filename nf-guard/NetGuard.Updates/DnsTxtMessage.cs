using System;
using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// The two DNS messages the update check needs (RFC 1035 section 4): a TXT query (QTYPE 16, QCLASS IN 1, RD set)
    /// and a bounded parser for its response. The parser checks the header, that the question is ours, follows name
    /// compression pointers only backwards and to ever earlier targets (so a pointer loop cannot spin), validates
    /// every count and length against what remains, and concatenates each TXT record's character-strings
    /// (RFC 1035 3.3.14). Stateless.
    /// </summary>
    public static class DnsTxtMessage
    {
        /// <summary>DNS header size in bytes.</summary>
        public const int HeaderSize = 12;

        /// <summary>QTYPE TXT (RFC 1035 3.2.2).</summary>
        public const int TypeTxt = 16;

        /// <summary>QCLASS IN (RFC 1035 3.2.4).</summary>
        public const int ClassIn = 1;

        /// <summary>Largest response handled: classic UDP DNS without EDNS (RFC 1035 4.2.1).</summary>
        public const int MaxMessageSize = 512;

        /// <summary>Most answer records examined.</summary>
        public const int MaxAnswers = 16;

        /// <summary>Most TXT values returned.</summary>
        public const int MaxValues = 4;

        /// <summary>Longest TXT value kept, in characters.</summary>
        public const int MaxValueLength = 255;

        private const int MaxNameLength = 255;
        private const int MaxPointerJumps = 16;

        /// <summary>
        /// True when <paramref name="name"/> is a valid query name: labels of 1 to 63 characters from
        /// [A-Za-z0-9-_] separated by '.', at most 253 characters, no trailing dot.
        /// </summary>
        /// <param name="name">The name.</param>
        /// <returns>Whether it can be queried.</returns>
        public static bool IsValidName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > 253)
            {
                return false;
            }

            int label = 0;
            char[] chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == '.')
                {
                    if (label == 0)
                    {
                        return false;
                    }

                    label = 0;
                    continue;
                }

                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok || ++label > 63)
                {
                    return false;
                }
            }

            return label != 0;
        }

        /// <summary>
        /// Writes a TXT query for <paramref name="name"/> with transaction id <paramref name="transactionId"/> and
        /// returns its length. Throws <see cref="ArgumentOutOfRangeException"/> for an invalid name or too little room.
        /// </summary>
        /// <param name="transactionId">The 16-bit id (random per query).</param>
        /// <param name="name">The name (<see cref="IsValidName"/>).</param>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <returns>The number of bytes written.</returns>
        public static int BuildQuery(int transactionId, string name, byte[] buffer, int offset)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentOutOfRangeException(nameof(name));
            }

            if (transactionId < 0 || transactionId > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(transactionId));
            }

            int length = HeaderSize + name.Length + 2 + 4;
            ByteRange.Check(buffer, offset, length);
            Array.Clear(buffer, offset, length);
            buffer[offset] = (byte)(transactionId >> 8);
            buffer[offset + 1] = (byte)transactionId;
            buffer[offset + 2] = 0x01; // RD: the resolver recurses for us.
            buffer[offset + 5] = 1; // QDCOUNT = 1
            int p = offset + HeaderSize;
            int labelStart = p;
            p++;
            char[] chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == '.')
                {
                    buffer[labelStart] = (byte)(p - labelStart - 1);
                    labelStart = p;
                    p++;
                }
                else
                {
                    buffer[p++] = (byte)c;
                }
            }

            buffer[labelStart] = (byte)(p - labelStart - 1);
            buffer[p++] = 0;
            buffer[p++] = 0;
            buffer[p++] = TypeTxt;
            buffer[p++] = 0;
            buffer[p++] = ClassIn;
            return p - offset;
        }

        /// <summary>Reads the transaction id of a message; -1 when it is shorter than 2 bytes.</summary>
        /// <param name="message">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length.</param>
        /// <returns>The id, or -1.</returns>
        public static int ReadTransactionId(byte[] message, int offset, int count)
        {
            ByteRange.Check(message, offset, count);
            return count < 2 ? -1 : (message[offset] << 8) | message[offset + 1];
        }

        /// <summary>
        /// Parses the response to a TXT query for <paramref name="queryName"/> with id <paramref name="transactionId"/>.
        /// Refusals: Truncated (short, a length past the end, or the TC bit), Malformed (wrong id, not a response,
        /// wrong opcode, question not ours, bad label, pointer forwards or looping, character-strings overrunning their
        /// record), TooLarge (more than 512 bytes or 16 answers), NotFound (an error RCODE such as NXDOMAIN, SERVFAIL
        /// or REFUSED, or no TXT answer for the name). TXT values over 255 characters or with characters outside
        /// printable ASCII are skipped; when nothing else is left the refusal is TooLarge or Malformed. Never throws
        /// for bad bytes.
        /// </summary>
        /// <param name="message">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length.</param>
        /// <param name="transactionId">The id the query used.</param>
        /// <param name="queryName">The name queried.</param>
        /// <param name="values">Up to 4 TXT values (character-strings concatenated), or null.</param>
        /// <param name="reason">Accepted, or why the response was dropped.</param>
        /// <returns>True when <paramref name="values"/> holds at least one value.</returns>
        public static bool TryParseTxtResponse(byte[] message, int offset, int count, int transactionId, string queryName, out string[] values, out ReasonCode reason)
        {
            ByteRange.Check(message, offset, count);
            if (!IsValidName(queryName))
            {
                throw new ArgumentOutOfRangeException(nameof(queryName));
            }

            values = null;
            reason = ReasonCode.TooLarge;
            if (count > MaxMessageSize)
            {
                return false;
            }

            reason = ReasonCode.Truncated;
            if (count < HeaderSize)
            {
                return false;
            }

            reason = ReasonCode.Malformed;
            int end = offset + count;
            if (ReadTransactionId(message, offset, count) != transactionId)
            {
                return false;
            }

            int flags = (message[offset + 2] << 8) | message[offset + 3];
            // QR must be 1 (response), opcode 0 (QUERY).
            if ((flags & 0x8000) == 0 || (flags & 0x7800) != 0)
            {
                return false;
            }

            if ((flags & 0x0200) != 0)
            {
                // TC: the answer did not fit; the device does not retry over TCP (it never dials out).
                reason = ReasonCode.Truncated;
                return false;
            }

            int rcode = flags & 0x000F;
            int questions = (message[offset + 4] << 8) | message[offset + 5];
            int answers = (message[offset + 6] << 8) | message[offset + 7];
            if (questions != 1)
            {
                return false;
            }

            char[] name = new char[MaxNameLength];
            int nameLength;
            int p = offset + HeaderSize;
            reason = ReadName(message, offset, end, ref p, name, out nameLength);
            if (reason != ReasonCode.Accepted)
            {
                return false;
            }

            reason = ReasonCode.Truncated;
            if (end - p < 4)
            {
                return false;
            }

            reason = ReasonCode.Malformed;
            int qtype = (message[p] << 8) | message[p + 1];
            int qclass = (message[p + 2] << 8) | message[p + 3];
            p += 4;
            if (qtype != TypeTxt || qclass != ClassIn || !NameEquals(name, nameLength, queryName))
            {
                return false;
            }

            if (rcode != 0)
            {
                // NXDOMAIN, SERVFAIL, REFUSED, ...: the resolver's final word for this question.
                reason = ReasonCode.NotFound;
                return false;
            }

            reason = ReasonCode.TooLarge;
            if (answers > MaxAnswers)
            {
                return false;
            }

            string[] found = new string[MaxValues];
            int foundCount = 0;
            ReasonCode skipped = ReasonCode.NotFound;
            for (int i = 0; i < answers; i++)
            {
                reason = ReadName(message, offset, end, ref p, name, out nameLength);
                if (reason != ReasonCode.Accepted)
                {
                    return false;
                }

                reason = ReasonCode.Truncated;
                if (end - p < 10)
                {
                    return false;
                }

                int type = (message[p] << 8) | message[p + 1];
                int klass = (message[p + 2] << 8) | message[p + 3];
                int rdLength = (message[p + 8] << 8) | message[p + 9];
                p += 10;
                if (rdLength > end - p)
                {
                    return false;
                }

                if (type == TypeTxt && klass == ClassIn && NameEquals(name, nameLength, queryName))
                {
                    string value;
                    ReasonCode txt = ReadTxt(message, p, rdLength, out value);
                    if (txt == ReasonCode.Accepted)
                    {
                        if (foundCount < MaxValues)
                        {
                            found[foundCount++] = value;
                        }
                    }
                    else if (txt == ReasonCode.Truncated)
                    {
                        // Character-strings that overrun the record: the message itself is broken.
                        reason = ReasonCode.Malformed;
                        return false;
                    }
                    else
                    {
                        // Too long (TooLarge) or not printable (Malformed): not an announcement; skip it.
                        skipped = txt;
                    }
                }

                p += rdLength;
            }

            if (foundCount == 0)
            {
                reason = skipped;
                return false;
            }

            values = new string[foundCount];
            Array.Copy(found, values, foundCount);
            reason = ReasonCode.Accepted;
            return true;
        }

        private static ReasonCode ReadTxt(byte[] message, int start, int length, out string value)
        {
            value = null;
            if (length == 0)
            {
                return ReasonCode.Truncated;
            }

            // First pass: structure and total length, before allocating.
            int total = 0;
            int p = start;
            int end = start + length;
            while (p < end)
            {
                int part = message[p];
                if (part > end - p - 1)
                {
                    return ReasonCode.Truncated;
                }

                total += part;
                p += 1 + part;
            }

            if (total > MaxValueLength)
            {
                return ReasonCode.TooLarge;
            }

            char[] chars = new char[total];
            int c = 0;
            p = start;
            while (p < end)
            {
                int part = message[p++];
                for (int i = 0; i < part; i++)
                {
                    byte b = message[p++];
                    if (b < 0x20 || b > 0x7E)
                    {
                        // Not printable ASCII: not an announcement (base64); skipped by the caller.
                        return ReasonCode.Malformed;
                    }

                    chars[c++] = (char)b;
                }
            }

            value = new string(chars);
            return ReasonCode.Accepted;
        }

        // Reads a possibly compressed name (RFC 1035 4.1.4) into lower-case dotted form. 'position' moves past the
        // name as it appears at that place (two bytes for a pointer).
        private static ReasonCode ReadName(byte[] message, int start, int end, ref int position, char[] name, out int nameLength)
        {
            nameLength = 0;
            int p = position;
            bool jumped = false;
            int jumps = 0;
            int lastTarget = end;
            int wireLength = 0;
            while (true)
            {
                if (p >= end)
                {
                    return ReasonCode.Truncated;
                }

                int length = message[p];
                if ((length & 0xC0) == 0xC0)
                {
                    if (end - p < 2)
                    {
                        return ReasonCode.Truncated;
                    }

                    int target = start + (((length & 0x3F) << 8) | message[p + 1]);
                    // Only backwards, and each jump lands earlier than the last: no loop can form.
                    if (target >= p || target >= lastTarget || ++jumps > MaxPointerJumps)
                    {
                        return ReasonCode.Malformed;
                    }

                    if (!jumped)
                    {
                        position = p + 2;
                        jumped = true;
                    }

                    lastTarget = target;
                    p = target;
                    continue;
                }

                if ((length & 0xC0) != 0)
                {
                    return ReasonCode.Malformed;
                }

                if (length == 0)
                {
                    if (!jumped)
                    {
                        position = p + 1;
                    }

                    return ReasonCode.Accepted;
                }

                if (length > end - p - 1)
                {
                    return ReasonCode.Truncated;
                }

                wireLength += length + 1;
                if (wireLength + 1 > MaxNameLength)
                {
                    return ReasonCode.Malformed;
                }

                if (nameLength > 0)
                {
                    name[nameLength++] = '.';
                }

                for (int i = 1; i <= length; i++)
                {
                    char c = (char)message[p + i];
                    name[nameLength++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
                }

                p += length + 1;
            }
        }

        private static bool NameEquals(char[] name, int nameLength, string expected)
        {
            if (nameLength != expected.Length)
            {
                return false;
            }

            char[] chars = expected.ToCharArray();
            for (int i = 0; i < nameLength; i++)
            {
                char c = chars[i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }

                if (name[i] != c)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
