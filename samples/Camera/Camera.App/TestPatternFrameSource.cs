using System;
using NetGuard.Diagnostics;

namespace NetGuard.Samples.Camera
{
    /// <summary>
    /// A frame source that serves a fixed JPEG test card, labelled "NetGuard TEST PATTERN" in the image.
    /// Used by the host simulation and by the device build until a native camera driver exists.
    /// </summary>
    public sealed class TestPatternFrameSource : IFrameSource
    {
        /// <inheritdoc />
        public int MaxFrameBytes
        {
            get { return TestPatternJpeg.Bytes.Length; }
        }

        /// <inheritdoc />
        public int Capture(byte[] buffer, out ReasonCode reason)
        {
            ArgumentNullException.ThrowIfNull(buffer, nameof(buffer));

            byte[] frame = TestPatternJpeg.Bytes;
            if (buffer.Length < frame.Length)
            {
                reason = ReasonCode.TooLarge;
                return 0;
            }

            Array.Copy(frame, buffer, frame.Length);
            reason = ReasonCode.Accepted;
            return frame.Length;
        }
    }
}
