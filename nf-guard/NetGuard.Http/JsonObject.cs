using System;
using NetGuard.Text;

namespace NetGuard.Http
{
    /// <summary>
    /// One flat JSON object as parsed by <see cref="JsonReader"/>: member names with their kinds and values.
    /// String values stay in the source buffer until asked for, so a secret (a password) can be copied
    /// into a buffer the caller wipes instead of becoming an immutable string. The object reads the
    /// source buffer it was parsed from: use it before that buffer is reused (within one request).
    /// </summary>
    public sealed class JsonObject
    {
        private readonly byte[] _source;
        private readonly string[] _names;
        private readonly JsonValueKind[] _kinds;
        private readonly int[] _valueStart;
        private readonly int[] _valueEnd;
        private readonly bool[] _booleans;
        private int _count;

        internal JsonObject(byte[] source, int capacity)
        {
            _source = source;
            _names = new string[capacity];
            _kinds = new JsonValueKind[capacity];
            _valueStart = new int[capacity];
            _valueEnd = new int[capacity];
            _booleans = new bool[capacity];
        }

        /// <summary>Number of members.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The name of member <paramref name="index"/> (0 to Count - 1); throws when out of range.</summary>
        /// <param name="index">Member position in document order.</param>
        /// <returns>The decoded name.</returns>
        public string NameAt(int index)
        {
            CheckIndex(index);
            return _names[index];
        }

        /// <summary>The kind of member <paramref name="index"/> (0 to Count - 1); throws when out of range.</summary>
        /// <param name="index">Member position in document order.</param>
        /// <returns>The value's kind.</returns>
        public JsonValueKind KindAt(int index)
        {
            CheckIndex(index);
            return _kinds[index];
        }

        /// <summary>The kind of member <paramref name="name"/>, or <see cref="JsonValueKind.None"/> when absent.</summary>
        /// <param name="name">The member name (exact, case-sensitive).</param>
        /// <returns>The kind.</returns>
        public JsonValueKind KindOf(string name)
        {
            int index = IndexOf(name);
            return index < 0 ? JsonValueKind.None : _kinds[index];
        }

        /// <summary>
        /// Gets string member <paramref name="name"/>. Returns false when it is absent or not a string.
        /// Allocates the string: use <see cref="TryCopyString"/> for secrets.
        /// </summary>
        /// <param name="name">The member name.</param>
        /// <param name="value">The decoded value, or null.</param>
        /// <returns>True when found.</returns>
        public bool TryGetString(string name, out string value)
        {
            value = null;
            int index = IndexOf(name);
            if (index < 0 || _kinds[index] != JsonValueKind.String)
            {
                return false;
            }

            int start = _valueStart[index];
            int end = _valueEnd[index];
            byte[] scratch = new byte[end - start];
            // end is the closing quote; DecodeString stops on it.
            int length = JsonReader.DecodeString(_source, start, end + 1, scratch, 0);
            bool decoded = Utf8.TryDecode(scratch, 0, length, out value);
            Array.Clear(scratch, 0, scratch.Length);
            return decoded;
        }

        /// <summary>
        /// Copies string member <paramref name="name"/>, unescaped, as UTF-8 into <paramref name="destination"/>
        /// at <paramref name="offset"/>. Returns false when absent, not a string, or longer than the room left
        /// (then nothing useful is written). The caller owns and wipes the destination.
        /// </summary>
        /// <param name="name">The member name.</param>
        /// <param name="destination">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="length">Bytes written, or 0.</param>
        /// <returns>True when copied.</returns>
        public bool TryCopyString(string name, byte[] destination, int offset, out int length)
        {
            ByteRange.Check(destination, offset, 0);
            length = 0;
            int index = IndexOf(name);
            if (index < 0 || _kinds[index] != JsonValueKind.String)
            {
                return false;
            }

            int start = _valueStart[index];
            int end = _valueEnd[index];
            int needed = JsonReader.DecodeString(_source, start, end + 1, null, 0);
            if (needed < 0 || needed > destination.Length - offset)
            {
                return false;
            }

            length = JsonReader.DecodeString(_source, start, end + 1, destination, offset);
            return length >= 0;
        }

        /// <summary>Gets boolean member <paramref name="name"/>; false when absent or not a boolean.</summary>
        /// <param name="name">The member name.</param>
        /// <param name="value">The value, or false.</param>
        /// <returns>True when found.</returns>
        public bool TryGetBoolean(string name, out bool value)
        {
            value = false;
            int index = IndexOf(name);
            if (index < 0 || _kinds[index] != JsonValueKind.Boolean)
            {
                return false;
            }

            value = _booleans[index];
            return true;
        }

        /// <summary>
        /// Gets number member <paramref name="name"/> as a 64-bit integer. Returns false when absent, not a
        /// number, not an integer (fraction or exponent), or outside the range of <see cref="long"/>.
        /// </summary>
        /// <param name="name">The member name.</param>
        /// <param name="value">The value, or 0.</param>
        /// <returns>True when found and integral.</returns>
        public bool TryGetInt64(string name, out long value)
        {
            value = 0;
            int index = IndexOf(name);
            if (index < 0 || _kinds[index] != JsonValueKind.Number)
            {
                return false;
            }

            int position = _valueStart[index];
            int end = _valueEnd[index];
            bool negative = _source[position] == (byte)'-';
            if (negative)
            {
                position++;
            }

            // Accumulate negatively so long.MinValue fits.
            long result = 0;
            for (; position < end; position++)
            {
                int digit = _source[position] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                if (result < (long.MinValue + digit) / 10)
                {
                    return false;
                }

                result = result * 10 - digit;
            }

            if (!negative)
            {
                if (result == long.MinValue)
                {
                    return false;
                }

                result = -result;
            }

            value = result;
            return true;
        }

        internal int Add(string name, JsonValueKind kind, int valueStart, int valueEnd, bool boolean)
        {
            if (_count >= _names.Length)
            {
                return -1;
            }

            for (int i = 0; i < _count; i++)
            {
                if (_names[i] == name)
                {
                    return -2;
                }
            }

            _names[_count] = name;
            _kinds[_count] = kind;
            _valueStart[_count] = valueStart;
            _valueEnd[_count] = valueEnd;
            _booleans[_count] = boolean;
            _count++;
            return _count - 1;
        }

        private int IndexOf(string name)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(name));

            for (int i = 0; i < _count; i++)
            {
                if (_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }
        }
    }
}
