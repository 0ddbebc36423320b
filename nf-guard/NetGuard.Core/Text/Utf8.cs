using System;

namespace NetGuard.Text
{
    /// <summary>
    /// UTF-8 encoding and strict decoding by hand: the device's mscorlib has no <c>Encoding.UTF8</c>.
    /// Decoding follows RFC 3629 section 4 exactly (no overlong forms, no surrogate code points, nothing
    /// above U+10FFFF, no truncated sequences), so every byte sequence it accepts has one meaning.
    /// Encoding writes a lone surrogate as U+FFFD instead of producing invalid UTF-8.
    /// </summary>
    public static class Utf8
    {
        /// <summary>The UTF-8 bytes of U+FFFD, written in place of a lone surrogate.</summary>
        private const int Replacement = 0xFFFD;

        /// <summary>
        /// Counts the bytes <see cref="Encode(string, ref int, byte[], int, int)"/> writes for the whole of
        /// <paramref name="text"/>. Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <returns>The encoded length in bytes.</returns>
        public static int GetByteCount(string text)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));

            // Reads the text a window at a time: nanoCLR's string indexer walks the UTF-8 text from its start on every
            // call, and a whole ToCharArray() copy of a page-sized text would not fit a device's heap.
            int count = 0;
            int length = text.Length;
            int start = 0;
            while (start < length)
            {
                char[] window = text.ToCharArray(start, Min(CountWindow + 1, length - start));
                int usable = window.Length > CountWindow ? CountWindow : window.Length;
                int i = 0;
                while (i < usable)
                {
                    int c = window[i];
                    if (c < 0x80)
                    {
                        count += 1;
                    }
                    else if (c < 0x800)
                    {
                        count += 2;
                    }
                    else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < window.Length && window[i + 1] >= 0xDC00 && window[i + 1] <= 0xDFFF)
                    {
                        count += 4;
                        i++;
                    }
                    else
                    {
                        // BMP character, or a lone surrogate replaced by U+FFFD: three bytes either way.
                        count += 3;
                    }

                    i++;
                }

                start += i;
            }

            return count;
        }

        /// <summary>
        /// Encodes characters of <paramref name="text"/> from <paramref name="charIndex"/> into
        /// <paramref name="destination"/> until the text ends or the next character does not fit in
        /// <paramref name="count"/> bytes; advances <paramref name="charIndex"/> past what was written.
        /// Lets large texts stream through a small buffer. Throws for null or an out-of-range position.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <param name="charIndex">First character to encode; on return, the first one not encoded.</param>
        /// <param name="destination">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Room available, in bytes.</param>
        /// <returns>Bytes written.</returns>
        public static int Encode(string text, ref int charIndex, byte[] destination, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));

            ByteRange.Check(destination, offset, count);
            if (charIndex < 0 || charIndex > text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(charIndex));
            }

            // At most count characters fit in count bytes; one more is read to see whether a high surrogate is paired.
            int position = offset;
            int end = offset + count;
            int length = text.Length;
            if (charIndex == length || count == 0)
            {
                return 0;
            }

            char[] window = text.ToCharArray(charIndex, Min(count + 1, length - charIndex));
            int i = 0;
            while (i < window.Length)
            {
                int c = window[i];
                int consumed = 1;
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && i + 1 < window.Length && window[i + 1] >= 0xDC00 && window[i + 1] <= 0xDFFF)
                    {
                        c = 0x10000 + ((c - 0xD800) << 10) + (window[i + 1] - 0xDC00);
                        consumed = 2;
                    }
                    else if (c <= 0xDBFF && i + 1 == window.Length && charIndex + i + 1 < length)
                    {
                        // The pair's low half lies beyond the window: leave the high half for the next call.
                        break;
                    }
                    else
                    {
                        c = Replacement;
                    }
                }

                int written = EncodeCodePoint(c, destination, position, end);
                if (written == 0)
                {
                    break;
                }

                position += written;
                i += consumed;
            }

            charIndex += i;
            return position - offset;
        }

        /// <summary>
        /// Encodes the whole of <paramref name="text"/> into a new array. Throws for null.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <returns>Its UTF-8 bytes.</returns>
        public static byte[] GetBytes(string text)
        {
            byte[] result = new byte[GetByteCount(text)];
            int index = 0;
            Encode(text, ref index, result, 0, result.Length);
            return result;
        }

        /// <summary>
        /// Writes code point <paramref name="codePoint"/> (0 to 0x10FFFF, not a surrogate) at
        /// <paramref name="position"/> if it fits before <paramref name="end"/>; returns the bytes written,
        /// 0 when it does not fit.
        /// </summary>
        /// <param name="codePoint">The Unicode scalar value.</param>
        /// <param name="destination">Where to write.</param>
        /// <param name="position">First byte to write.</param>
        /// <param name="end">One past the last byte that may be written.</param>
        /// <returns>1 to 4, or 0 when there is no room.</returns>
        public static int EncodeCodePoint(int codePoint, byte[] destination, int position, int end)
        {
            ArgumentNullException.ThrowIfNull(destination, nameof(destination));

            if (codePoint < 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                throw new ArgumentOutOfRangeException(nameof(codePoint));
            }

            int room = end - position;
            if (codePoint < 0x80)
            {
                if (room < 1)
                {
                    return 0;
                }

                destination[position] = (byte)codePoint;
                return 1;
            }

            if (codePoint < 0x800)
            {
                if (room < 2)
                {
                    return 0;
                }

                destination[position] = (byte)(0xC0 | (codePoint >> 6));
                destination[position + 1] = (byte)(0x80 | (codePoint & 0x3F));
                return 2;
            }

            if (codePoint < 0x10000)
            {
                if (room < 3)
                {
                    return 0;
                }

                destination[position] = (byte)(0xE0 | (codePoint >> 12));
                destination[position + 1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                destination[position + 2] = (byte)(0x80 | (codePoint & 0x3F));
                return 3;
            }

            if (room < 4)
            {
                return 0;
            }

            destination[position] = (byte)(0xF0 | (codePoint >> 18));
            destination[position + 1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
            destination[position + 2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[position + 3] = (byte)(0x80 | (codePoint & 0x3F));
            return 4;
        }

        /// <summary>
        /// Decodes one code point starting at <paramref name="position"/>, strictly (RFC 3629 section 4 table).
        /// Returns the number of bytes it used (1 to 4) and the value in <paramref name="codePoint"/>, or 0
        /// for an invalid or truncated sequence.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="position">First byte of the sequence.</param>
        /// <param name="end">One past the last byte that may be read.</param>
        /// <param name="codePoint">The decoded value, or -1.</param>
        /// <returns>Bytes used, or 0 when invalid.</returns>
        public static int DecodeCodePoint(byte[] data, int position, int end, out int codePoint)
        {
            ArgumentNullException.ThrowIfNull(data, nameof(data));

            codePoint = -1;
            if (position < 0 || position >= end || end > data.Length)
            {
                return 0;
            }

            int b0 = data[position];
            if (b0 < 0x80)
            {
                codePoint = b0;
                return 1;
            }

            int needed;
            int value;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF)
            {
                needed = 1;
                value = b0 & 0x1F;
            }
            else if (b0 >= 0xE0 && b0 <= 0xEF)
            {
                needed = 2;
                value = b0 & 0x0F;
                if (b0 == 0xE0)
                {
                    min2 = 0xA0; // overlong below U+0800
                }
                else if (b0 == 0xED)
                {
                    max2 = 0x9F; // U+D800..U+DFFF are not scalar values
                }
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4)
            {
                needed = 3;
                value = b0 & 0x07;
                if (b0 == 0xF0)
                {
                    min2 = 0x90; // overlong below U+10000
                }
                else if (b0 == 0xF4)
                {
                    max2 = 0x8F; // above U+10FFFF
                }
            }
            else
            {
                return 0;
            }

            if (end - position < needed + 1)
            {
                return 0;
            }

            for (int i = 1; i <= needed; i++)
            {
                int b = data[position + i];
                int low = i == 1 ? min2 : 0x80;
                int high = i == 1 ? max2 : 0xBF;
                if (b < low || b > high)
                {
                    return 0;
                }

                value = (value << 6) | (b & 0x3F);
            }

            codePoint = value;
            return needed + 1;
        }

        /// <summary>
        /// True when <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>
        /// are well-formed UTF-8. Throws for null or an out-of-range position.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>True when valid.</returns>
        public static bool IsValid(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count);
            int end = offset + count;
            int position = offset;
            while (position < end)
            {
                int used = DecodeCodePoint(data, position, end, out int _);
                if (used == 0)
                {
                    return false;
                }

                position += used;
            }

            return true;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.
        /// Returns false (and a null <paramref name="text"/>) for ill-formed UTF-8 and for U+0000, which ends a
        /// nanoFramework string (the device would see only the text before it); never throws on content.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="text">The decoded text, or null.</param>
        /// <returns>True when the bytes are valid UTF-8.</returns>
        public static bool TryDecode(byte[] data, int offset, int count, out string text)
        {
            ByteRange.Check(data, offset, count);
            text = null;

            // Each code point takes at least one byte and at most two UTF-16 units, and needs two units
            // only when it took four bytes: count chars is always enough.
            char[] chars = new char[count];
            int charCount = 0;
            int end = offset + count;
            int position = offset;
            while (position < end)
            {
                int used = DecodeCodePoint(data, position, end, out int codePoint);
                if (used == 0 || codePoint == 0)
                {
                    return false;
                }

                position += used;
                if (codePoint >= 0x10000)
                {
                    int v = codePoint - 0x10000;
                    chars[charCount++] = (char)(0xD800 + (v >> 10));
                    chars[charCount++] = (char)(0xDC00 + (v & 0x3FF));
                }
                else
                {
                    chars[charCount++] = (char)codePoint;
                }
            }

            text = new string(chars, 0, charCount);
            return true;
        }

        // Characters GetByteCount reads per window (a 512-byte array).
        private const int CountWindow = 256;

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
