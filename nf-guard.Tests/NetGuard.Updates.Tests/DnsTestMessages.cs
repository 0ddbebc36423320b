using System;

namespace NetGuard.Updates.Tests
{
    /// <summary>Builds DNS responses by hand (RFC 1035 4.1) for the parser tests.</summary>
    internal static class DnsTestMessages
    {
        /// <summary>
        /// A response to <paramref name="query"/> (header and question copied, QR/RA set) with one TXT answer per
        /// value, each owner name a compression pointer to the question name (offset 12). Each value is split into
        /// character-strings of at most <paramref name="split"/> bytes.
        /// </summary>
        public static byte[] TxtResponse(byte[] query, string[] values, int split)
        {
            int size = query.Length;
            for (int i = 0; i < values.Length; i++)
            {
                int parts = values[i].Length == 0 ? 1 : (values[i].Length + split - 1) / split;
                size += 2 + 10 + values[i].Length + parts;
            }

            byte[] message = new byte[size];
            Array.Copy(query, message, query.Length);
            message[2] = 0x81; // QR, RD
            message[3] = 0x80; // RA, RCODE 0
            message[6] = (byte)(values.Length >> 8);
            message[7] = (byte)values.Length;
            int p = query.Length;
            for (int i = 0; i < values.Length; i++)
            {
                string value = values[i];
                int parts = value.Length == 0 ? 1 : (value.Length + split - 1) / split;
                int rdLength = value.Length + parts;
                message[p++] = 0xC0;
                message[p++] = 12;
                message[p++] = 0;
                message[p++] = 16;
                message[p++] = 0;
                message[p++] = 1;
                message[p++] = 0;
                message[p++] = 0;
                message[p++] = 0x0E;
                message[p++] = 0x10; // TTL 3600
                message[p++] = (byte)(rdLength >> 8);
                message[p++] = (byte)rdLength;
                char[] chars = value.ToCharArray();
                int c = 0;
                for (int part = 0; part < parts; part++)
                {
                    int n = value.Length - c;
                    if (n > split)
                    {
                        n = split;
                    }

                    message[p++] = (byte)n;
                    for (int k = 0; k < n; k++)
                    {
                        message[p++] = (byte)chars[c++];
                    }
                }
            }

            return message;
        }

        /// <summary>A copy of <paramref name="message"/> with byte <paramref name="index"/> set to <paramref name="value"/>.</summary>
        public static byte[] With(byte[] message, int index, byte value)
        {
            byte[] copy = (byte[])message.Clone();
            copy[index] = value;
            return copy;
        }
    }
}
