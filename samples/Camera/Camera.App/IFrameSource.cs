using NetGuard.Diagnostics;

namespace NetGuard.Samples.Camera
{
    /// <summary>
    /// Where snapshots come from. nanoFramework has no camera driver (Home#807), so the device build uses
    /// <see cref="TestPatternFrameSource"/>; a native driver (a custom nanoFramework firmware with an interop
    /// component that fills a managed buffer with a JPEG from the OV2640) would implement this interface.
    /// </summary>
    public interface IFrameSource
    {
        /// <summary>Largest JPEG this source can produce, in bytes: the caller's buffer size.</summary>
        int MaxFrameBytes { get; }

        /// <summary>
        /// Captures one JPEG frame into <paramref name="buffer"/>. Returns its length, or 0 with a reason
        /// (<see cref="ReasonCode.TooLarge"/> when the buffer is smaller than <see cref="MaxFrameBytes"/>,
        /// <see cref="ReasonCode.InvalidState"/> when the sensor is not ready).
        /// </summary>
        /// <param name="buffer">Where to write the JPEG.</param>
        /// <param name="reason">Accepted, or why no frame was captured.</param>
        /// <returns>The JPEG length in bytes.</returns>
        int Capture(byte[] buffer, out ReasonCode reason);
    }
}
