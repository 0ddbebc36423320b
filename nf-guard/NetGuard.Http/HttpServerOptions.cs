using System;

namespace NetGuard.Http
{
    /// <summary>
    /// Limits of the admin HTTP server. Set the properties, then pass the object to
    /// <see cref="HttpServer"/> or <see cref="HttpConnectionProcessor"/>, which validate and copy it
    /// (<see cref="Validate"/> throws <see cref="ArgumentOutOfRangeException"/> naming the field).
    /// The defaults fit an ESP32: lwIP has 16 sockets, the managed heap about 80 KB.
    /// </summary>
    public sealed class HttpServerOptions
    {
        /// <summary>
        /// Connections served at once. Each is one worker thread with buffers allocated once: about
        /// MaxRequestLineBytes + MaxHeaderBytes + BufferedBodyBytes + 2.5 KB, so about 11.5 KB with the
        /// defaults, up to MaxJsonResponseBytes more while a large JSON answer is written. Default 4 (about
        /// 46 KB); use 2 on an ESP32 without PSRAM (about 80 KB of managed heap).
        /// </summary>
        public int MaxConnections { get; set; } = 4;

        /// <summary>Longest request line, in bytes, not counting its CRLF. Default 1024.</summary>
        public int MaxRequestLineBytes { get; set; } = 1024;

        /// <summary>Largest header section, in bytes: all header lines with their CRLFs, not the final empty line. Default 4096.</summary>
        public int MaxHeaderBytes { get; set; } = 4096;

        /// <summary>Most header fields in one request. Default 32.</summary>
        public int MaxHeaderCount { get; set; } = 32;

        /// <summary>Size of each worker's body buffer, the most a buffered (non-streaming) route may accept, in bytes. Default 4096.</summary>
        public int BufferedBodyBytes { get; set; } = 4096;

        /// <summary>Deadline for the whole request head, from accept to the empty line, in milliseconds. Default 5000.</summary>
        public int HeadTimeoutMilliseconds { get; set; } = 5000;

        /// <summary>Default deadline for a body once the head is read, in milliseconds; a route may set its own. Default 10000.</summary>
        public int BodyTimeoutMilliseconds { get; set; } = 10000;

        /// <summary>
        /// Least average rate, in bytes a second, at which a request head must arrive once
        /// <see cref="HeadRateGraceMilliseconds"/> have passed (as Apache's mod_reqtimeout MinRate): a client trickling
        /// its head to hold a connection is dropped with 408 HeadTooSlow. 0 turns the check off. Default 100: a browser
        /// sends a 400 to 700 byte head in one segment, and even a phone on a link of a few kbit/s delivers it within the
        /// grace time.
        /// </summary>
        public int MinHeadBytesPerSecond { get; set; } = 100;

        /// <summary>How long a request head may take before <see cref="MinHeadBytesPerSecond"/> applies, in milliseconds. Default 2000.</summary>
        public int HeadRateGraceMilliseconds { get; set; } = 2000;

        /// <summary>Longest wait for any one receive (an idle peer), in milliseconds. Default 2000.</summary>
        public int ReceiveTimeoutMilliseconds { get; set; } = 2000;

        /// <summary>How long the accept loop waits before checking for Stop, in milliseconds. Default 250.</summary>
        public int AcceptPollMilliseconds { get; set; } = 250;

        /// <summary>
        /// When every worker is busy, a connection still sending its head after this long (milliseconds) is
        /// dropped to make room for a new one: slow-loris clients cannot hold the server. 0 turns eviction off.
        /// Default 1000.
        /// </summary>
        public int EvictHeadAfterMilliseconds { get; set; } = 1000;

        /// <summary>
        /// Most time spent retrying a send the egress limiter refused (RateLimited), in milliseconds; 0
        /// gives up at once. Default 2000.
        /// </summary>
        public int SendRetryMilliseconds { get; set; } = 2000;

        /// <summary>
        /// After an early refusal of a request with a body (413, 404, 401 ...), at most this many unread body
        /// bytes are read and dropped before closing, so the client sees the answer instead of a TCP reset.
        /// Default 16384.
        /// </summary>
        public int DrainBodyBytes { get; set; } = 16384;

        /// <summary>Largest JSON response a handler can write, in bytes. Default 8192.</summary>
        public int MaxJsonResponseBytes { get; set; } = 8192;

        /// <summary>
        /// A worker makes its buffers at its first connection and lets them go after this long without one
        /// (milliseconds), so an admin server nobody is using holds only its threads. 0 keeps them for life.
        /// Default 30000.
        /// </summary>
        public int IdleReleaseMilliseconds { get; set; } = 30000;

        /// <summary>Checks every field; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
        public void Validate()
        {
            Check(MaxConnections, 1, 16, nameof(MaxConnections));
            Check(MaxRequestLineBytes, 16, 8192, nameof(MaxRequestLineBytes));
            Check(MaxHeaderBytes, 64, 16384, nameof(MaxHeaderBytes));
            Check(MaxHeaderCount, 1, 128, nameof(MaxHeaderCount));
            Check(BufferedBodyBytes, 0, 65536, nameof(BufferedBodyBytes));
            Check(HeadTimeoutMilliseconds, 1, 600000, nameof(HeadTimeoutMilliseconds));
            Check(BodyTimeoutMilliseconds, 1, 3600000, nameof(BodyTimeoutMilliseconds));
            Check(MinHeadBytesPerSecond, 0, 1048576, nameof(MinHeadBytesPerSecond));
            Check(HeadRateGraceMilliseconds, 0, 600000, nameof(HeadRateGraceMilliseconds));
            Check(ReceiveTimeoutMilliseconds, 1, 600000, nameof(ReceiveTimeoutMilliseconds));
            Check(AcceptPollMilliseconds, 1, 60000, nameof(AcceptPollMilliseconds));
            Check(EvictHeadAfterMilliseconds, 0, 600000, nameof(EvictHeadAfterMilliseconds));
            Check(SendRetryMilliseconds, 0, 60000, nameof(SendRetryMilliseconds));
            Check(DrainBodyBytes, 0, 1048576, nameof(DrainBodyBytes));
            Check(MaxJsonResponseBytes, 64, 1048576, nameof(MaxJsonResponseBytes));
            Check(IdleReleaseMilliseconds, 0, 3600000, nameof(IdleReleaseMilliseconds));
        }

        /// <summary>Copies this object, so later changes do not reach a running server.</summary>
        /// <returns>A validated copy.</returns>
        public HttpServerOptions Copy()
        {
            Validate();
            HttpServerOptions copy = new HttpServerOptions();
            copy.MaxConnections = MaxConnections;
            copy.MaxRequestLineBytes = MaxRequestLineBytes;
            copy.MaxHeaderBytes = MaxHeaderBytes;
            copy.MaxHeaderCount = MaxHeaderCount;
            copy.BufferedBodyBytes = BufferedBodyBytes;
            copy.HeadTimeoutMilliseconds = HeadTimeoutMilliseconds;
            copy.BodyTimeoutMilliseconds = BodyTimeoutMilliseconds;
            copy.MinHeadBytesPerSecond = MinHeadBytesPerSecond;
            copy.HeadRateGraceMilliseconds = HeadRateGraceMilliseconds;
            copy.ReceiveTimeoutMilliseconds = ReceiveTimeoutMilliseconds;
            copy.AcceptPollMilliseconds = AcceptPollMilliseconds;
            copy.EvictHeadAfterMilliseconds = EvictHeadAfterMilliseconds;
            copy.SendRetryMilliseconds = SendRetryMilliseconds;
            copy.DrainBodyBytes = DrainBodyBytes;
            copy.MaxJsonResponseBytes = MaxJsonResponseBytes;
            copy.IdleReleaseMilliseconds = IdleReleaseMilliseconds;
            return copy;
        }

        private static void Check(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name);
            }
        }
    }
}
