using System;
using NetGuard.Diagnostics;
using NetGuard.Text;

namespace NetGuard.Http
{
    /// <summary>
    /// Parses the admin API's request bodies: one JSON object (RFC 8259) whose members are strings,
    /// numbers, booleans or null. Nested objects and arrays are syntax-checked up to
    /// <see cref="MaxDepth"/> and skipped (their kind is <see cref="JsonValueKind.Nested"/>). Refuses, with a
    /// <see cref="ReasonCode"/> and never an exception: ill-formed UTF-8, a byte order mark, unescaped
    /// control characters, lone surrogate escapes, duplicate member names (RFC 8259 section 4 leaves their
    /// meaning open, and two parsers disagreeing on them is a classic bypass), trailing bytes after the
    /// object, more than <see cref="MaxMembers"/> members, more than <see cref="MaxBytes"/> bytes.
    /// </summary>
    public static class JsonReader
    {
        /// <summary>Largest document accepted, in bytes.</summary>
        public const int MaxBytes = 16384;

        /// <summary>Most members the top-level object may have.</summary>
        public const int MaxMembers = 32;

        /// <summary>Deepest nesting accepted, counting the top-level object as 1.</summary>
        public const int MaxDepth = 8;

        /// <summary>
        /// Parses <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.
        /// Returns <see cref="ReasonCode.Accepted"/> with the object, or <see cref="ReasonCode.Malformed"/>
        /// / <see cref="ReasonCode.TooLarge"/> with a null object. Throws only for a null buffer or a range
        /// outside it.
        /// </summary>
        /// <param name="data">The document.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length in bytes.</param>
        /// <param name="result">The object, or null on refusal. It reads <paramref name="data"/> lazily.</param>
        /// <returns>Accepted, or why the document was refused.</returns>
        public static ReasonCode Parse(byte[] data, int offset, int count, out JsonObject result)
        {
            ByteRange.Check(data, offset, count);
            result = null;
            if (count > MaxBytes)
            {
                return ReasonCode.TooLarge;
            }

            int end = offset + count;
            int position = SkipWhitespace(data, offset, end);
            if (position >= end || data[position] != (byte)'{')
            {
                return ReasonCode.Malformed;
            }

            JsonObject parsed = new JsonObject(data, MaxMembers);
            position = SkipWhitespace(data, position + 1, end);
            if (position < end && data[position] == (byte)'}')
            {
                position++;
            }
            else
            {
                while (true)
                {
                    if (position >= end || data[position] != (byte)'"')
                    {
                        return ReasonCode.Malformed;
                    }

                    int nameStart = position + 1;
                    int nameLength = DecodeString(data, nameStart, end, null, 0);
                    if (nameLength < 0)
                    {
                        return ReasonCode.Malformed;
                    }

                    int nameEnd = FindStringEnd(data, nameStart, end);
                    byte[] nameBytes = new byte[nameLength];
                    DecodeString(data, nameStart, nameEnd + 1, nameBytes, 0);
                    if (!Utf8.TryDecode(nameBytes, 0, nameLength, out string name))
                    {
                        return ReasonCode.Malformed;
                    }

                    position = SkipWhitespace(data, nameEnd + 1, end);
                    if (position >= end || data[position] != (byte)':')
                    {
                        return ReasonCode.Malformed;
                    }

                    position = SkipWhitespace(data, position + 1, end);
                    if (position >= end)
                    {
                        return ReasonCode.Malformed;
                    }

                    JsonValueKind kind;
                    int valueStart = position;
                    int valueEnd;
                    bool boolean = false;
                    byte first = data[position];
                    if (first == (byte)'"')
                    {
                        valueStart = position + 1;
                        if (DecodeString(data, valueStart, end, null, 0) < 0)
                        {
                            return ReasonCode.Malformed;
                        }

                        valueEnd = FindStringEnd(data, valueStart, end);
                        position = valueEnd + 1;
                        kind = JsonValueKind.String;
                    }
                    else if (first == (byte)'{' || first == (byte)'[')
                    {
                        ReasonCode skipped = SkipNested(data, position, end, out valueEnd);
                        if (skipped != ReasonCode.Accepted)
                        {
                            return skipped;
                        }

                        position = valueEnd;
                        kind = JsonValueKind.Nested;
                    }
                    else if (first == (byte)'-' || (first >= (byte)'0' && first <= (byte)'9'))
                    {
                        valueEnd = ScanNumber(data, position, end);
                        if (valueEnd < 0)
                        {
                            return ReasonCode.Malformed;
                        }

                        position = valueEnd;
                        kind = JsonValueKind.Number;
                    }
                    else
                    {
                        valueEnd = ScanLiteral(data, position, end, out kind, out boolean);
                        if (valueEnd < 0)
                        {
                            return ReasonCode.Malformed;
                        }

                        position = valueEnd;
                    }

                    int added = parsed.Add(name, kind, valueStart, valueEnd, boolean);
                    if (added == -1)
                    {
                        return ReasonCode.TooLarge;
                    }

                    if (added == -2)
                    {
                        return ReasonCode.Malformed;
                    }

                    position = SkipWhitespace(data, position, end);
                    if (position >= end)
                    {
                        return ReasonCode.Malformed;
                    }

                    if (data[position] == (byte)',')
                    {
                        position = SkipWhitespace(data, position + 1, end);
                        continue;
                    }

                    if (data[position] == (byte)'}')
                    {
                        position++;
                        break;
                    }

                    return ReasonCode.Malformed;
                }
            }

            if (SkipWhitespace(data, position, end) != end)
            {
                return ReasonCode.Malformed;
            }

            result = parsed;
            return ReasonCode.Accepted;
        }

        /// <summary>
        /// Decodes the JSON string whose content starts at <paramref name="start"/> (just after the opening
        /// quote) up to its closing quote, writing UTF-8 to <paramref name="destination"/> when it is not
        /// null. Returns the decoded length (never more than the encoded length), or -1 when the string is
        /// ill-formed or unterminated before <paramref name="end"/>.
        /// </summary>
        internal static int DecodeString(byte[] data, int start, int end, byte[] destination, int destinationOffset)
        {
            int position = start;
            int written = 0;
            while (position < end)
            {
                int b = data[position];
                if (b == '"')
                {
                    return written;
                }

                if (b < 0x20)
                {
                    return -1; // RFC 8259 section 7: control characters must be escaped.
                }

                if (b == '\\')
                {
                    if (position + 1 >= end)
                    {
                        return -1;
                    }

                    int escape = data[position + 1];
                    int codePoint;
                    int used = 2;
                    switch (escape)
                    {
                        case '"': codePoint = '"'; break;
                        case '\\': codePoint = '\\'; break;
                        case '/': codePoint = '/'; break;
                        case 'b': codePoint = 0x08; break;
                        case 'f': codePoint = 0x0C; break;
                        case 'n': codePoint = 0x0A; break;
                        case 'r': codePoint = 0x0D; break;
                        case 't': codePoint = 0x09; break;
                        case 'u':
                            codePoint = ReadHex4(data, position + 2, end);
                            used = 6;
                            if (codePoint < 0)
                            {
                                return -1;
                            }

                            if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
                            {
                                return -1; // a low surrogate without a high one
                            }

                            if (codePoint >= 0xD800 && codePoint <= 0xDBFF)
                            {
                                // RFC 8259 section 7: a character outside the BMP is a surrogate pair of escapes.
                                if (position + 12 > end || data[position + 6] != '\\' || data[position + 7] != 'u')
                                {
                                    return -1;
                                }

                                int low = ReadHex4(data, position + 8, end);
                                if (low < 0xDC00 || low > 0xDFFF)
                                {
                                    return -1;
                                }

                                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
                                used = 12;
                            }

                            break;
                        default:
                            return -1;
                    }

                    written += Emit(codePoint, destination, destinationOffset + written);
                    position += used;
                    continue;
                }

                int length = Utf8.DecodeCodePoint(data, position, end, out int _);
                if (length == 0)
                {
                    return -1;
                }

                if (destination != null)
                {
                    Array.Copy(data, position, destination, destinationOffset + written, length);
                }

                written += length;
                position += length;
            }

            return -1;
        }

        private static int Emit(int codePoint, byte[] destination, int position)
        {
            if (destination == null)
            {
                return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            }

            return Utf8.EncodeCodePoint(codePoint, destination, position, destination.Length);
        }

        // Finds the closing quote of a string already validated by DecodeString.
        private static int FindStringEnd(byte[] data, int start, int end)
        {
            int position = start;
            while (position < end)
            {
                byte b = data[position];
                if (b == (byte)'"')
                {
                    return position;
                }

                position += b == (byte)'\\' ? 2 : 1;
            }

            return end;
        }

        private static int ReadHex4(byte[] data, int position, int end)
        {
            if (position + 4 > end)
            {
                return -1;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int c = data[position + i];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        // RFC 8259 section 6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?  Returns the end, or -1.
        private static int ScanNumber(byte[] data, int position, int end)
        {
            if (position < end && data[position] == (byte)'-')
            {
                position++;
            }

            if (position >= end || !IsDigit(data[position]))
            {
                return -1;
            }

            position = data[position] == (byte)'0' ? position + 1 : ScanDigits(data, position, end);
            if (position < end && data[position] == (byte)'.')
            {
                position = ScanDigits(data, position + 1, end);
                if (position < 0)
                {
                    return -1;
                }
            }

            if (position < end && (data[position] == (byte)'e' || data[position] == (byte)'E'))
            {
                position++;
                if (position < end && (data[position] == (byte)'+' || data[position] == (byte)'-'))
                {
                    position++;
                }

                position = ScanDigits(data, position, end);
            }

            return position;
        }

        // One or more digits from position: returns the end, or -1 when there is none.
        private static int ScanDigits(byte[] data, int position, int end)
        {
            int start = position;
            while (position < end && IsDigit(data[position]))
            {
                position++;
            }

            return position == start ? -1 : position;
        }

        private static int ScanLiteral(byte[] data, int position, int end, out JsonValueKind kind, out bool boolean)
        {
            boolean = false;
            kind = JsonValueKind.None;
            if (Matches(data, position, end, "true"))
            {
                kind = JsonValueKind.Boolean;
                boolean = true;
                return position + 4;
            }

            if (Matches(data, position, end, "false"))
            {
                kind = JsonValueKind.Boolean;
                return position + 5;
            }

            if (Matches(data, position, end, "null"))
            {
                kind = JsonValueKind.Null;
                return position + 4;
            }

            return -1;
        }

        private static bool Matches(byte[] data, int position, int end, string literal)
        {
            if (end - position < literal.Length)
            {
                return false;
            }

            char[] chars = literal.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (data[position + i] != (byte)chars[i])
                {
                    return false;
                }
            }

            return true;
        }

        // Validates a nested object or array starting at position and returns the index after it.
        // An explicit bracket stack of MaxDepth entries: no recursion, so hostile nesting cannot
        // exhaust the device's small thread stack.
        private static ReasonCode SkipNested(byte[] data, int position, int end, out int after)
        {
            after = position;
            byte[] stack = new byte[MaxDepth];
            int depth = 1; // the enclosing top-level object
            bool expectValue = true;
            bool expectName = false;
            bool afterOpen = false;
            while (true)
            {
                position = SkipWhitespace(data, position, end);
                if (position >= end)
                {
                    return ReasonCode.Malformed;
                }

                byte b = data[position];
                if (expectName)
                {
                    if (b == (byte)'}' && afterOpen)
                    {
                        // empty object: fall through to the closing logic below
                    }
                    else
                    {
                        if (b != (byte)'"' || DecodeString(data, position + 1, end, null, 0) < 0)
                        {
                            return ReasonCode.Malformed;
                        }

                        position = SkipWhitespace(data, FindStringEnd(data, position + 1, end) + 1, end);
                        if (position >= end || data[position] != (byte)':')
                        {
                            return ReasonCode.Malformed;
                        }

                        position++;
                        expectName = false;
                        expectValue = true;
                        afterOpen = false;
                        continue;
                    }
                }

                if (expectValue && !(afterOpen && (b == (byte)']' || b == (byte)'}')))
                {
                    afterOpen = false;
                    if (b == (byte)'{' || b == (byte)'[')
                    {
                        if (depth >= MaxDepth)
                        {
                            return ReasonCode.TooLarge;
                        }

                        stack[depth - 1] = b;
                        depth++;
                        position++;
                        afterOpen = true;
                        expectName = b == (byte)'{';
                        expectValue = b == (byte)'[';
                        continue;
                    }

                    int valueEnd;
                    if (b == (byte)'"')
                    {
                        if (DecodeString(data, position + 1, end, null, 0) < 0)
                        {
                            return ReasonCode.Malformed;
                        }

                        valueEnd = FindStringEnd(data, position + 1, end) + 1;
                    }
                    else if (b == (byte)'-' || IsDigit(b))
                    {
                        valueEnd = ScanNumber(data, position, end);
                    }
                    else
                    {
                        valueEnd = ScanLiteral(data, position, end, out JsonValueKind _, out bool _);
                    }

                    if (valueEnd < 0)
                    {
                        return ReasonCode.Malformed;
                    }

                    position = valueEnd;
                    expectValue = false;
                    continue;
                }

                // After a value (or an empty container): a separator or a closing bracket.
                int top = depth - 2; // innermost nested bracket
                if (top < 0)
                {
                    return ReasonCode.Malformed;
                }

                byte open = stack[top];
                if (b == (byte)',')
                {
                    position++;
                    expectName = open == (byte)'{';
                    expectValue = open == (byte)'[';
                    afterOpen = false;
                    continue;
                }

                if ((b == (byte)'}' && open == (byte)'{') || (b == (byte)']' && open == (byte)'['))
                {
                    position++;
                    depth--;
                    afterOpen = false;
                    expectName = false;
                    expectValue = false;
                    if (depth == 1)
                    {
                        after = position;
                        return ReasonCode.Accepted;
                    }

                    continue;
                }

                return ReasonCode.Malformed;
            }
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        private static int SkipWhitespace(byte[] data, int position, int end)
        {
            while (position < end)
            {
                byte b = data[position];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r')
                {
                    break;
                }

                position++;
            }

            return position;
        }
    }
}
