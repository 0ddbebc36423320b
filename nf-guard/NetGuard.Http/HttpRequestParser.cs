using System;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;

namespace NetGuard.Http
{
    /// <summary>
    /// Reads and checks a request head (RFC 9112 sections 2 to 6) into an <see cref="HttpRequest"/>, strictly
    /// and within fixed bounds. Anything unusual is refused rather than interpreted, because two parsers
    /// that interpret the same odd bytes differently is how request smuggling and parser crashes start:
    /// bare CR or LF, obs-fold, whitespace before a colon, Transfer-Encoding, repeated or non-decimal
    /// Content-Length, a missing or repeated Host in HTTP/1.1.
    /// </summary>
    internal sealed class HttpRequestParser
    {
        private const long TicksPerMillisecond = 10000;
        private readonly HttpServerOptions _options;
        private readonly IMonotonicClock _clock;

        internal HttpRequestParser(HttpServerOptions options, IMonotonicClock clock)
        {
            _options = options;
            _clock = clock;
        }

        /// <summary>Milliseconds to wait in the next receive: the per-receive limit, cut to the deadline; 0 when past it.</summary>
        internal static int ReceiveTimeout(IMonotonicClock clock, long deadlineTicks, int receiveTimeoutMilliseconds)
        {
            long left = deadlineTicks - clock.NowTicks;
            if (left <= 0)
            {
                return 0;
            }

            long milliseconds = (left + TicksPerMillisecond - 1) / TicksPerMillisecond;
            return milliseconds < receiveTimeoutMilliseconds ? (int)milliseconds : receiveTimeoutMilliseconds;
        }

        /// <summary>
        /// Receives and parses the head before <paramref name="deadlineTicks"/>, at the options' minimum rate counted
        /// from <paramref name="startedTicks"/>. Returns Accepted, or the reason with the HTTP status to answer in
        /// <paramref name="status"/> (0 when nothing should be answered: the peer closed or the socket failed).
        /// </summary>
        internal ReasonCode ReadHead(IConnection connection, HttpRequest request, long startedTicks, long deadlineTicks, out int status)
        {
            byte[] buffer = request.Head;
            int scan = 0;
            int lineStart = 0;
            bool inRequestLine = true;
            int headerBytes = 0;
            int contentLengthIndex = -1;
            bool transferEncoding = false;
            int hostCount = 0;
            status = 0;

            while (true)
            {
                while (scan < request.Filled)
                {
                    byte b = buffer[scan];
                    if (b == (byte)'\n')
                    {
                        // RFC 9112 2.2 lets a server accept a bare LF; a strict server refuses it, so no
                        // proxy in front can read the message differently.
                        return Refuse(400, ReasonCode.Malformed, out status);
                    }

                    if (b == (byte)'\r')
                    {
                        if (scan + 1 >= request.Filled)
                        {
                            break; // need the next byte
                        }

                        if (buffer[scan + 1] != (byte)'\n')
                        {
                            return Refuse(400, ReasonCode.Malformed, out status);
                        }

                        int lineLength = scan - lineStart;
                        ReasonCode lineResult;
                        if (inRequestLine)
                        {
                            lineResult = ParseRequestLine(request, lineStart, lineLength, out status);
                            inRequestLine = false;
                        }
                        else if (lineLength == 0)
                        {
                            request.HeadEnd = scan + 2;
                            return FinishHead(request, contentLengthIndex, transferEncoding, hostCount, out status);
                        }
                        else
                        {
                            headerBytes += lineLength + 2;
                            lineResult = ParseHeaderLine(request, lineStart, lineLength, out status);
                            if (lineResult == ReasonCode.Accepted)
                            {
                                int index = request.HeaderCountValue - 1;
                                if (IsName(request, index, "content-length"))
                                {
                                    if (contentLengthIndex >= 0)
                                    {
                                        // RFC 9112 6.3: differing lengths are unrecoverable; equal repeats
                                        // are refused too, so no downstream reader picks "the other one".
                                        return Refuse(400, ReasonCode.Malformed, out status);
                                    }

                                    contentLengthIndex = index;
                                }
                                else if (IsName(request, index, "transfer-encoding"))
                                {
                                    transferEncoding = true;
                                }
                                else if (IsName(request, index, "host"))
                                {
                                    hostCount++;
                                }
                            }
                        }

                        if (lineResult != ReasonCode.Accepted)
                        {
                            return lineResult;
                        }

                        scan += 2;
                        lineStart = scan;
                        continue;
                    }

                    scan++;
                    int length = scan - lineStart;
                    if (inRequestLine)
                    {
                        if (length > _options.MaxRequestLineBytes)
                        {
                            // RFC 9110 15.5.15: a target longer than the server will parse gets 414.
                            return Refuse(414, ReasonCode.TooLarge, out status);
                        }
                    }
                    else if (headerBytes + length + 2 > _options.MaxHeaderBytes)
                    {
                        return Refuse(431, ReasonCode.HeadersTooLarge, out status);
                    }
                }

                if (request.Filled >= buffer.Length)
                {
                    return Refuse(431, ReasonCode.HeadersTooLarge, out status);
                }

                int timeout = ReceiveTimeout(_clock, deadlineTicks, _options.ReceiveTimeoutMilliseconds);
                if (timeout <= 0)
                {
                    return Refuse(408, ReasonCode.TimedOut, out status);
                }

                // The wait is cut to the moment the head falls below the minimum rate; a wait ended by that cut (not by
                // the idle timeout or the deadline) means the head is too slow.
                bool cutByRate = false;
                long rateDeadline = MinimumRateDeadline(startedTicks, request.Filled);
                if (rateDeadline != long.MaxValue)
                {
                    int rateTimeout = ReceiveTimeout(_clock, rateDeadline, timeout);
                    if (rateTimeout <= 0)
                    {
                        return Refuse(408, ReasonCode.HeadTooSlow, out status);
                    }

                    cutByRate = rateTimeout < timeout;
                    timeout = rateTimeout;
                }

                int received = connection.Receive(buffer, request.Filled, buffer.Length - request.Filled, timeout, out ReasonCode reason);
                if (received <= 0 || received > buffer.Length - request.Filled)
                {
                    if (reason == ReasonCode.TimedOut)
                    {
                        return Refuse(408, cutByRate ? ReasonCode.HeadTooSlow : ReasonCode.TimedOut, out status);
                    }

                    // The peer went away (or the socket broke): nobody to answer.
                    status = 0;
                    return reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason;
                }

                request.Filled += received;
            }
        }

        // When the head, with received bytes so far, falls below the minimum rate: the later of the grace time and the
        // time those bytes are worth at that rate. long.MaxValue when the check is off.
        private long MinimumRateDeadline(long startedTicks, int received)
        {
            if (_options.MinHeadBytesPerSecond == 0)
            {
                return long.MaxValue;
            }

            long grace = _options.HeadRateGraceMilliseconds * TicksPerMillisecond;
            long earned = (long)received * TimeSpan.TicksPerSecond / _options.MinHeadBytesPerSecond;
            return startedTicks + (earned > grace ? earned : grace);
        }

        private ReasonCode ParseRequestLine(HttpRequest request, int start, int length, out int status)
        {
            byte[] buffer = request.Head;
            int end = start + length;

            // method SP request-target SP HTTP-version (RFC 9112 3), single spaces only.
            int methodEnd = start;
            while (methodEnd < end && IsTokenChar(buffer[methodEnd]))
            {
                methodEnd++;
            }

            if (methodEnd == start || methodEnd >= end || buffer[methodEnd] != (byte)' ' || methodEnd - start > 16)
            {
                return Refuse(400, ReasonCode.Malformed, out status);
            }

            int targetStart = methodEnd + 1;
            int targetEnd = targetStart;
            while (targetEnd < end && buffer[targetEnd] != (byte)' ')
            {
                byte b = buffer[targetEnd];
                if (b < 0x21 || b > 0x7E || b == (byte)'#')
                {
                    // Control characters, obs-text and fragments never belong in a request target.
                    return Refuse(400, ReasonCode.Malformed, out status);
                }

                targetEnd++;
            }

            if (targetEnd == targetStart || targetEnd >= end || buffer[targetStart] != (byte)'/')
            {
                // Only origin-form (RFC 9112 3.2.1): no absolute-form, authority-form or '*'.
                return Refuse(400, ReasonCode.Malformed, out status);
            }

            int versionStart = targetEnd + 1;
            int versionLength = end - versionStart;
            if (versionLength != 8 || buffer[versionStart] != (byte)'H' || buffer[versionStart + 1] != (byte)'T'
                || buffer[versionStart + 2] != (byte)'T' || buffer[versionStart + 3] != (byte)'P' || buffer[versionStart + 4] != (byte)'/'
                || !IsDigit(buffer[versionStart + 5]) || buffer[versionStart + 6] != (byte)'.' || !IsDigit(buffer[versionStart + 7]))
            {
                return Refuse(400, ReasonCode.Malformed, out status);
            }

            if (buffer[versionStart + 5] != (byte)'1' || (buffer[versionStart + 7] != (byte)'0' && buffer[versionStart + 7] != (byte)'1'))
            {
                return Refuse(505, ReasonCode.HttpVersionNotSupported, out status);
            }

            request.VersionMinor = buffer[versionStart + 7] - '0';
            request.Method = MethodOf(buffer, start, methodEnd - start);

            int queryStart = -1;
            for (int i = targetStart; i < targetEnd; i++)
            {
                if (buffer[i] == (byte)'?')
                {
                    queryStart = i;
                    break;
                }
            }

            int pathEnd = queryStart < 0 ? targetEnd : queryStart;
            request.Path = Ascii(buffer, targetStart, pathEnd - targetStart);
            request.Query = queryStart < 0 ? null : Ascii(buffer, queryStart + 1, targetEnd - queryStart - 1);
            status = 0;
            return ReasonCode.Accepted;
        }

        private ReasonCode ParseHeaderLine(HttpRequest request, int start, int length, out int status)
        {
            byte[] buffer = request.Head;
            int end = start + length;
            if (buffer[start] == (byte)' ' || buffer[start] == (byte)'\t')
            {
                // RFC 9112 5.2: obs-fold; refused with 400.
                return Refuse(400, ReasonCode.Malformed, out status);
            }

            int colon = start;
            while (colon < end && IsTokenChar(buffer[colon]))
            {
                colon++;
            }

            if (colon == start || colon >= end || buffer[colon] != (byte)':')
            {
                // Not a token before the colon, including whitespace before it (RFC 9112 5.1: MUST 400).
                return Refuse(400, ReasonCode.Malformed, out status);
            }

            int valueStart = colon + 1;
            int valueEnd = end;
            while (valueStart < valueEnd && (buffer[valueStart] == (byte)' ' || buffer[valueStart] == (byte)'\t'))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && (buffer[valueEnd - 1] == (byte)' ' || buffer[valueEnd - 1] == (byte)'\t'))
            {
                valueEnd--;
            }

            for (int i = valueStart; i < valueEnd; i++)
            {
                byte b = buffer[i];
                if ((b < 0x20 && b != (byte)'\t') || b == 0x7F)
                {
                    // RFC 9110 5.5: field values hold no CTLs but HTAB (NUL and CR are the dangerous ones).
                    return Refuse(400, ReasonCode.Malformed, out status);
                }
            }

            int index = request.HeaderCountValue;
            if (index >= _options.MaxHeaderCount)
            {
                return Refuse(431, ReasonCode.HeadersTooLarge, out status);
            }

            request.NameStart[index] = start;
            request.NameLength[index] = colon - start;
            request.ValueStart[index] = valueStart;
            request.ValueLength[index] = valueEnd - valueStart;
            request.HeaderCountValue = index + 1;
            status = 0;
            return ReasonCode.Accepted;
        }

        private static ReasonCode FinishHead(HttpRequest request, int contentLengthIndex, bool transferEncoding, int hostCount, out int status)
        {
            // RFC 9112 3.2: an HTTP/1.1 request without Host, or with more than one, gets 400.
            if ((request.VersionMinor == 1 && hostCount != 1) || hostCount > 1)
            {
                return Refuse(400, ReasonCode.Malformed, out status);
            }

            if (transferEncoding)
            {
                // RFC 9112 6.1: Transfer-Encoding with Content-Length is a smuggling signature (400).
                // Chunked alone is well-formed but not supported here: ask for a length (411).
                return contentLengthIndex >= 0 ? Refuse(400, ReasonCode.Malformed, out status) : Refuse(411, ReasonCode.LengthRequired, out status);
            }

            if (contentLengthIndex < 0)
            {
                request.ContentLength = 0;
                if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put)
                {
                    return Refuse(411, ReasonCode.LengthRequired, out status);
                }

                status = 0;
                return ReasonCode.Accepted;
            }

            // Content-Length = 1*DIGIT (RFC 9110 8.6). No sign, no spaces inside, no lists; at most 18
            // digits so the value cannot overflow a long.
            int start = request.ValueStart[contentLengthIndex];
            int length = request.ValueLength[contentLengthIndex];
            if (length == 0 || length > 18)
            {
                return Refuse(400, ReasonCode.Malformed, out status);
            }

            long value = 0;
            for (int i = 0; i < length; i++)
            {
                byte b = request.Head[start + i];
                if (!IsDigit(b))
                {
                    return Refuse(400, ReasonCode.Malformed, out status);
                }

                value = value * 10 + (b - '0');
            }

            request.ContentLength = value;
            status = 0;
            return ReasonCode.Accepted;
        }

        private static HttpMethod MethodOf(byte[] buffer, int start, int length)
        {
            // Methods are case-sensitive (RFC 9110 9.1).
            if (length == 3 && buffer[start] == (byte)'G' && buffer[start + 1] == (byte)'E' && buffer[start + 2] == (byte)'T')
            {
                return HttpMethod.Get;
            }

            if (length == 3 && buffer[start] == (byte)'P' && buffer[start + 1] == (byte)'U' && buffer[start + 2] == (byte)'T')
            {
                return HttpMethod.Put;
            }

            if (length == 4 && buffer[start] == (byte)'P' && buffer[start + 1] == (byte)'O' && buffer[start + 2] == (byte)'S' && buffer[start + 3] == (byte)'T')
            {
                return HttpMethod.Post;
            }

            return HttpMethod.Other;
        }

        private static bool IsName(HttpRequest request, int index, string lowerName)
        {
            return request.FindHeader(lowerName, index) == index;
        }

        private static string Ascii(byte[] buffer, int start, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)buffer[start + i];
            }

            return new string(chars);
        }

        private static ReasonCode Refuse(int httpStatus, ReasonCode reason, out int status)
        {
            status = httpStatus;
            return reason;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        // tchar (RFC 9110 5.6.2): "!#$%&'*+-.^_`|~" DIGIT ALPHA.
        internal static bool IsTokenChar(byte b)
        {
            if ((b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || IsDigit(b))
            {
                return true;
            }

            switch (b)
            {
                case (byte)'!':
                case (byte)'#':
                case (byte)'$':
                case (byte)'%':
                case (byte)'&':
                case (byte)'\'':
                case (byte)'*':
                case (byte)'+':
                case (byte)'-':
                case (byte)'.':
                case (byte)'^':
                case (byte)'_':
                case (byte)'`':
                case (byte)'|':
                case (byte)'~':
                    return true;
                default:
                    return false;
            }
        }
    }
}
