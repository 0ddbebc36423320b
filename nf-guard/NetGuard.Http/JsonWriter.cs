using System;
using NetGuard.Text;

namespace NetGuard.Http
{
    /// <summary>
    /// Writes JSON (RFC 8259) as UTF-8 into a reusable buffer, for the admin API's responses: objects,
    /// arrays, strings, integers, booleans and null, with commas placed automatically. Strings escape
    /// quotes, backslashes, every control character, DEL, U+2028/U+2029 and also <c>&lt; &gt; &amp;</c>
    /// (as <c>\u003c</c> ...), so a value is inert even if a page ever embeds it in HTML or a script.
    /// A lone surrogate is written as U+FFFD. Output beyond the maximum capacity sets
    /// <see cref="Overflowed"/> instead of growing without bound. Structural misuse (a name inside an
    /// array, unbalanced ends) is a caller mistake and throws <see cref="InvalidOperationException"/>.
    /// Not thread-safe: one writer per connection worker.
    /// </summary>
    public sealed class JsonWriter
    {
        private const int MaxNesting = 16;
        private readonly int _initialCapacity;
        private readonly int _maxCapacity;
        private readonly bool[] _isObject = new bool[MaxNesting];
        private readonly bool[] _hasMembers = new bool[MaxNesting];
        private byte[] _buffer;
        private int _length;
        private int _depth;
        private bool _afterName;
        private bool _complete;
        private bool _overflowed;

        /// <summary>
        /// Creates a writer with a buffer of <paramref name="initialCapacity"/> bytes that grows, by
        /// doubling, up to <paramref name="maxCapacity"/> bytes. Throws when either is below 16 or the
        /// initial capacity exceeds the maximum.
        /// </summary>
        /// <param name="initialCapacity">Initial buffer size, in bytes.</param>
        /// <param name="maxCapacity">Largest buffer size, in bytes.</param>
        public JsonWriter(int initialCapacity, int maxCapacity)
        {
            if (initialCapacity < 16)
            {
                throw new ArgumentOutOfRangeException(nameof(initialCapacity));
            }

            if (maxCapacity < initialCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(maxCapacity));
            }

            _buffer = new byte[initialCapacity];
            _initialCapacity = initialCapacity;
            _maxCapacity = maxCapacity;
        }

        /// <summary>The output buffer; the document is its first <see cref="Length"/> bytes.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Length of the document written so far, in bytes.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>True when output was dropped because it exceeded the maximum capacity.</summary>
        public bool Overflowed
        {
            get { return _overflowed; }
        }

        /// <summary>True when one complete top-level value has been written and not overflowed.</summary>
        public bool IsComplete
        {
            get { return _complete && !_overflowed; }
        }

        /// <summary>Empties the writer for the next document; a buffer grown past the initial capacity is replaced by one of that size.</summary>
        public void Reset()
        {
            // A buffer that grew for one large document is let go: a long-lived writer holds only its initial capacity.
            if (_buffer.Length > _initialCapacity)
            {
                _buffer = new byte[_initialCapacity];
            }

            _length = 0;
            _depth = 0;
            _afterName = false;
            _complete = false;
            _overflowed = false;
        }

        /// <summary>Starts an object (as a value).</summary>
        public void BeginObject()
        {
            BeginContainer(true, (byte)'{');
        }

        /// <summary>Ends the innermost object; throws when the innermost container is not an object.</summary>
        public void EndObject()
        {
            EndContainer(true, (byte)'}');
        }

        /// <summary>Starts an array (as a value).</summary>
        public void BeginArray()
        {
            BeginContainer(false, (byte)'[');
        }

        /// <summary>Ends the innermost array; throws when the innermost container is not an array.</summary>
        public void EndArray()
        {
            EndContainer(false, (byte)']');
        }

        /// <summary>Writes a member name; only directly inside an object, before its value.</summary>
        /// <param name="name">The name; not null.</param>
        public void WriteName(string name)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(name));

            if (_depth == 0 || !_isObject[_depth - 1] || _afterName)
            {
                throw new InvalidOperationException("A member name belongs directly inside an object.");
            }

            if (_hasMembers[_depth - 1])
            {
                Append((byte)',');
            }

            _hasMembers[_depth - 1] = true;
            AppendQuoted(name);
            Append((byte)':');
            _afterName = true;
        }

        /// <summary>Writes a string value, escaped; null writes JSON null.</summary>
        /// <param name="value">The value.</param>
        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteNull();
                return;
            }

            BeforeValue();
            AppendQuoted(value);
            AfterValue();
        }

        /// <summary>Writes an integer value.</summary>
        /// <param name="value">The value.</param>
        public void WriteNumber(long value)
        {
            BeforeValue();
            AppendAscii(value.ToString());
            AfterValue();
        }

        /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
        /// <param name="value">The value.</param>
        public void WriteBoolean(bool value)
        {
            BeforeValue();
            AppendAscii(value ? "true" : "false");
            AfterValue();
        }

        /// <summary>Writes <c>null</c>.</summary>
        public void WriteNull()
        {
            BeforeValue();
            AppendAscii("null");
            AfterValue();
        }

        /// <summary>Writes a member with a string value (null writes JSON null).</summary>
        /// <param name="name">The member name.</param>
        /// <param name="value">The value.</param>
        public void WriteString(string name, string value)
        {
            WriteName(name);
            WriteString(value);
        }

        /// <summary>Writes a member with an integer value.</summary>
        /// <param name="name">The member name.</param>
        /// <param name="value">The value.</param>
        public void WriteNumber(string name, long value)
        {
            WriteName(name);
            WriteNumber(value);
        }

        /// <summary>Writes a member with a boolean value.</summary>
        /// <param name="name">The member name.</param>
        /// <param name="value">The value.</param>
        public void WriteBoolean(string name, bool value)
        {
            WriteName(name);
            WriteBoolean(value);
        }

        /// <summary>Copies the document into a new array (for tests and callers that keep it).</summary>
        /// <returns>The document's bytes.</returns>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_buffer, copy, _length);
            return copy;
        }

        private void BeginContainer(bool isObject, byte open)
        {
            BeforeValue();
            if (_depth >= MaxNesting)
            {
                throw new InvalidOperationException("Nesting is limited to 16 levels.");
            }

            Append(open);
            _afterName = false;
            _isObject[_depth] = isObject;
            _hasMembers[_depth] = false;
            _depth++;
        }

        private void EndContainer(bool isObject, byte close)
        {
            if (_depth == 0 || _isObject[_depth - 1] != isObject || _afterName)
            {
                throw new InvalidOperationException("Unbalanced end of object or array.");
            }

            _depth--;
            Append(close);
            AfterValue();
        }

        private void BeforeValue()
        {
            if (_depth == 0)
            {
                if (_complete)
                {
                    throw new InvalidOperationException("A JSON document holds one top-level value.");
                }

                return;
            }

            if (_isObject[_depth - 1])
            {
                if (!_afterName)
                {
                    throw new InvalidOperationException("A value inside an object needs a member name first.");
                }

                return;
            }

            if (_hasMembers[_depth - 1])
            {
                Append((byte)',');
            }

            _hasMembers[_depth - 1] = true;
        }

        private void AfterValue()
        {
            _afterName = false;
            if (_depth == 0)
            {
                _complete = true;
            }
        }

        private void AppendQuoted(string text)
        {
            Append((byte)'"');
            char[] chars = text.ToCharArray();
            int length = chars.Length;
            for (int i = 0; i < length; i++)
            {
                int c = chars[i];
                switch (c)
                {
                    case '"': AppendAscii("\\\""); continue;
                    case '\\': AppendAscii("\\\\"); continue;
                    case '\n': AppendAscii("\\n"); continue;
                    case '\r': AppendAscii("\\r"); continue;
                    case '\t': AppendAscii("\\t"); continue;
                    case '\b': AppendAscii("\\b"); continue;
                    case '\f': AppendAscii("\\f"); continue;
                }

                if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&' || c == '\'' || c == 0x2028 || c == 0x2029)
                {
                    AppendUnicodeEscape(c);
                    continue;
                }

                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && i + 1 < length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                    {
                        int codePoint = 0x10000 + ((c - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                        AppendCodePoint(codePoint);
                        i++;
                    }
                    else
                    {
                        // What nanoCLR itself turns a lone surrogate into, so both builds write the same bytes.
                        AppendCodePoint(0xFFFD);
                    }

                    continue;
                }

                AppendCodePoint(c);
            }

            Append((byte)'"');
        }

        private void AppendUnicodeEscape(int c)
        {
            Append((byte)'\\');
            Append((byte)'u');
            Append((byte)HexDigit((c >> 12) & 0xF));
            Append((byte)HexDigit((c >> 8) & 0xF));
            Append((byte)HexDigit((c >> 4) & 0xF));
            Append((byte)HexDigit(c & 0xF));
        }

        private void AppendCodePoint(int codePoint)
        {
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (!Ensure(size))
            {
                return;
            }

            _length += Utf8.EncodeCodePoint(codePoint, _buffer, _length, _buffer.Length);
        }

        private void AppendAscii(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                Append((byte)chars[i]);
            }
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
        }

        private void Append(byte value)
        {
            if (!Ensure(1))
            {
                return;
            }

            _buffer[_length++] = value;
        }

        private bool Ensure(int extra)
        {
            if (_overflowed)
            {
                return false;
            }

            if (_length + extra <= _buffer.Length)
            {
                return true;
            }

            if (_length + extra > _maxCapacity)
            {
                _overflowed = true;
                return false;
            }

            int size = _buffer.Length * 2;
            if (size > _maxCapacity)
            {
                size = _maxCapacity;
            }

            if (size < _length + extra)
            {
                size = _length + extra;
            }

            byte[] grown = new byte[size];
            Array.Copy(_buffer, grown, _length);
            _buffer = grown;
            return true;
        }
    }
}
