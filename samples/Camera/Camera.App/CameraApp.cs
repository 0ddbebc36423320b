using System;
using NetGuard.Diagnostics;
using NetGuard.Http;

namespace NetGuard.Samples.Camera
{
    /// <summary>
    /// The camera's application, the same on the device and in the host simulation: <c>GET /api/snapshot</c>
    /// answers 200 <c>image/jpeg</c> with one frame from the <see cref="IFrameSource"/> (the labelled test pattern
    /// until a native camera driver exists), behind the admin API's setup and session gate. The frame buffer is
    /// allocated once (the device heap fragments) and shared under a lock.
    /// </summary>
    public sealed class CameraApp : IRouteHandler
    {
        /// <summary>The snapshot route's path.</summary>
        public const string SnapshotPath = "/api/snapshot";

        /// <summary>The media type of a snapshot.</summary>
        public const string JpegContentType = "image/jpeg";

        private readonly object _gate = new object();
        private readonly IFrameSource _frames;
        private readonly byte[] _frame;

        /// <summary>
        /// Attaches the camera to <paramref name="device"/> (before it starts). Throws
        /// <see cref="ArgumentNullException"/> naming a null argument.
        /// </summary>
        /// <param name="device">The shared composition (guard, account, admin API, updates).</param>
        /// <param name="frames">Where frames come from.</param>
        public CameraApp(AdminDevice device, IFrameSource frames)
        {
            ArgumentNullException.ThrowIfNull(device, nameof(device));
            ArgumentNullException.ThrowIfNull(frames, nameof(frames));

            _frames = frames;
            _frame = new byte[frames.MaxFrameBytes];
            device.Api.MapAuthenticated(HttpMethod.Get, SnapshotPath, this);
        }

        /// <summary>
        /// The firmware's self-test while an update runs on trial: one frame is captured and must be a JPEG (starts with
        /// the SOI marker FF D8).
        /// </summary>
        /// <returns>True when the camera delivers a frame.</returns>
        public bool SelfTest()
        {
            lock (_gate)
            {
                ReasonCode reason;
                int length = _frames.Capture(_frame, out reason);
                return reason == ReasonCode.Accepted && length >= 2 && length <= _frame.Length && _frame[0] == 0xFF && _frame[1] == 0xD8;
            }
        }

        /// <summary>Answers the snapshot route; the admin API has already checked setup and the session.</summary>
        /// <param name="request">The GET request.</param>
        /// <param name="response">200 image/jpeg, or the frame source's refusal.</param>
        public void Handle(HttpRequest request, HttpResponse response)
        {
            lock (_gate)
            {
                ReasonCode reason;
                int length = _frames.Capture(_frame, out reason);
                if (reason != ReasonCode.Accepted || length <= 0)
                {
                    response.SendReason(reason == ReasonCode.Accepted ? ReasonCode.InvalidState : reason);
                    return;
                }

                response.Send(200, JpegContentType, _frame, 0, length);
            }
        }
    }
}
