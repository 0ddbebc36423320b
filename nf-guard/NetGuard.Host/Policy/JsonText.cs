using System;
using NetGuard.RateLimiting;

namespace NetGuard.Policy
{
    // A minimal JSON text builder for the policy exports (written for the device, which has no StringBuilder in
    // mscorlib; kept as it is so the export's text is unchanged). Output is compact JSON (RFC 8259); strings are
    // escaped per RFC 8259 section 7.
    internal sealed class JsonText
    {
        private char[] _buffer = new char[512];
        private int _length;
        private bool _needComma;

        public void BeginObject()
        {
            Separator();
            Append('{');
            _needComma = false;
        }

        public void EndObject()
        {
            Append('}');
            _needComma = true;
        }

        public void BeginArray()
        {
            Separator();
            Append('[');
            _needComma = false;
        }

        public void EndArray()
        {
            Append(']');
            _needComma = true;
        }

        // Writes "name": and leaves the next value to follow without a comma.
        public void Name(string name)
        {
            Separator();
            AppendQuoted(name);
            Append(':');
            _needComma = false;
        }

        public void String(string value)
        {
            Separator();
            if (value == null)
            {
                AppendRaw("null");
            }
            else
            {
                AppendQuoted(value);
            }

            _needComma = true;
        }

        public void Number(long value)
        {
            Separator();
            AppendRaw(value.ToString());
            _needComma = true;
        }

        public void Boolean(bool value)
        {
            Separator();
            AppendRaw(value ? "true" : "false");
            _needComma = true;
        }

        public void Null()
        {
            Separator();
            AppendRaw("null");
            _needComma = true;
        }

        public void Property(string name, string value)
        {
            Name(name);
            String(value);
        }

        public void Property(string name, long value)
        {
            Name(name);
            Number(value);
        }

        // {"capacity":c,"tokensPerPeriod":t,"periodTicks":p}: the token bucket, time in 100 ns ticks.
        public void RateLimit(string name, RateLimit limit)
        {
            Name(name);
            BeginObject();
            Property("capacity", limit.Capacity);
            Property("tokensPerPeriod", limit.TokensPerPeriod);
            Property("periodTicks", limit.PeriodTicks);
            EndObject();
        }

        public override string ToString()
        {
            return new string(_buffer, 0, _length);
        }

        private void Separator()
        {
            if (_needComma)
            {
                Append(',');
            }
        }

        private void AppendQuoted(string value)
        {
            Append('"');
            char[] chars = value.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char ch = chars[i];
                if (ch == '"' || ch == '\\')
                {
                    Append('\\');
                    Append(ch);
                }
                else if (ch < ' ')
                {
                    // RFC 8259 section 7: control characters must be escaped.
                    AppendRaw("\\u00");
                    Append(HexDigit(ch >> 4));
                    Append(HexDigit(ch & 0xF));
                }
                else
                {
                    Append(ch);
                }
            }

            Append('"');
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
        }

        private void AppendRaw(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                Append(chars[i]);
            }
        }

        private void Append(char ch)
        {
            if (_length == _buffer.Length)
            {
                char[] larger = new char[_buffer.Length * 2];
                Array.Copy(_buffer, larger, _length);
                _buffer = larger;
            }

            _buffer[_length] = ch;
            _length++;
        }
    }
}
